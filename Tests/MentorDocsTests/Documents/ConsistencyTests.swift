// Checks across documents: each rule fires at the offending value, and never on the bundled examples.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ConsistencyTests {
    /// The consistency warnings of a YAML text loaded as `pair.yaml`, with its source quoted.
    static func warnings(_ yaml: String, month: String? = nil) throws -> [Diagnostic] {
        let partnership = try Loader.partnership(Loader.load(yaml))
        return Consistency.warnings(for: partnership, month: month.flatMap(YearMonth.init), source: SourceText(yaml))
    }

    static let term = """
    program: aset
    term:
      start: 2026-01-12
      months: 6
    """

    @Test func everyBundledExampleAgreesWithItself() throws {
        for name in ["aset", "awmi", "caltrans", "generic", "nace"] {
            let file = Repo.examples + "/\(name).yaml"
            for outcome in ParticipantLoader().load(contentsOf: file) {
                let partnership = try outcome.get()
                #expect(Consistency.warnings(for: partnership).map(\.headline) == [], "\(name)")
            }
        }
    }

    @Test func anAchievementPastTheLastGoalNamesNoGoal() throws {
        let found = try Self.warnings("""
        program: awmi
        goals:
          - goal: Present at a chapter meeting
        achievements:
          - Presented in April
          - Met eleven members
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:6:5: warning: achievements[1]: achievement 2 names no goal of the plan: the plan has 1 goal, "
            + "and achievements are paired with goals in order, so its planned cell would be empty",
        ])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.path == "achievements[1]")
        #expect(found.first?.sourceLine == "  - Met eleven members")
    }

    @Test func achievementsWithoutAPlanOrWithinItAreFine() throws {
        #expect(try Self.warnings("program: awmi\nachievements:\n  - One\n  - Two\n").isEmpty)
        #expect(try Self.warnings("program: awmi\ngoals:\n  - goal: A\n  - goal: B\nachievements:\n  - One\n").isEmpty)
    }

    @Test func aGoalsFieldsThatItsTermHasNoPlaceForAreNamed() throws {
        let found = try Self.warnings("""
        program: aset
        goals:
          - goal: Become a chief engineer
            steps: Get my PEng
            timeframe: By 2031
          - goal: Learn GNSS
            term: long
            actions:
              - action: Read the manual
          - goal: Lead a survey
            term: long
            steps: Shadow two
            actions:
              -
          - goal: Pass the exam
            actions:
              - action: Study
            challenges: Little time
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:4:12: warning: goals[0].steps: goal 1 has steps and timeframe, which the action plan prints only for a "
            + "long-term goal, but its term is not 'long': it prints as a short-term goal without them; add 'term: long' to the goal",
            "pair.yaml:9:7: warning: goals[1].actions: goal 2 is long-term (term: long), and the action plan prints actions only "
            + "for a short-term goal; it would not be printed",
        ])
    }

    @Test func aMeetingGoalMustBeOneOfThePlansGoals() throws {
        let found = try Self.warnings("""
        program: caltrans
        goals:
          - goal: Lead a corridor project
          - goal: Mentor newer engineers
        meetings:
          - date: 2026-02-10
            goal: "  lead a CORRIDOR   project "
          - date: 2026-02-24
            goal: Lead a corridor prject
          - date: 2026-03-10
            goal: Learn to fly
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:9:11: warning: meetings[1].goal: meeting 2 is about a goal that is not in the plan's goals "
            + "(did you mean 'Lead a corridor project'?)",
            "pair.yaml:11:11: warning: meetings[2].goal: meeting 3 is about a goal that is not in the plan's goals",
        ])
    }

    @Test func meetingsAndCheckupsOutsideTheTerm() throws {
        let found = try Self.warnings(Self.term + """

        meetings:
          - date: 2026-01-12
          - date: 2026-01-11
          - date: 2026-07-12
          - date: 2026-07-13
        checkups:
          - date: 2026-08-01
            by: mentor
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:7:11: warning: meetings[1].date: meeting 2 is dated 2026-01-11, before the term starts (2026-01-12)",
            "pair.yaml:9:11: warning: meetings[3].date: meeting 4 is dated 2026-07-13, "
            + "after the term ends (2026-07-12, term.start plus 6 months)",
            "pair.yaml:11:11: warning: checkups[0].date: checkup 1 is dated 2026-08-01, "
            + "after the term ends (2026-07-12, term.start plus 6 months)",
        ])
    }

    @Test func aWrittenEndIsTheTermsLastDay() throws {
        let found = try Self.warnings("""
        program: nace
        term:
          start: 2026-03-02
          end: 2026-06-30
        meetings:
          - date: 2026-06-30
          - date: 2026-07-01
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:7:11: warning: meetings[1].date: meeting 2 is dated 2026-07-01, after the term ends (2026-06-30)",
        ])
    }

    @Test func signatureDatesOutsideTheTerm() throws {
        let found = try Self.warnings(Self.term + """

        signed:
          mentor: 2026-01-05
          mentee: 2026-01-12
        closing:
          signed:
            mentor: 2026-07-12
            mentee: 2026-09-01
        """)
        #expect(found.map(\.headline) == [
            "pair.yaml:6:11: warning: signed.mentor: the mentor's signature is dated 2026-01-05, before the term starts (2026-01-12)",
            "pair.yaml:11:13: warning: closing.signed.mentee: the mentee's end-of-term signature is dated 2026-09-01, "
            + "after the term ends (2026-07-12, term.start plus 6 months)",
        ])
    }

    @Test func noTermNoDateWarnings() throws {
        #expect(try Self.warnings("program: aset\nmeetings:\n  - date: 1999-01-01\nsigned:\n  mentor: 2100-01-01\n").isEmpty)
    }

    @Test func aCheckInMonthWithNoMeeting() throws {
        let yaml = Self.term + """

        meetings:
          - date: 2026-02-09
        status: On track
        reported_by: mentor
        """
        #expect(try Self.warnings(yaml).isEmpty, "the default month is the latest with meetings")
        #expect(try Self.warnings(yaml, month: "2026-02").isEmpty)
        #expect(try Self.warnings(yaml, month: "2026-03").map(\.headline) == [
            "pair.yaml:7:9: warning: status: the check-in for March 2026 reports no meeting: no meeting of the log is dated in 2026-03",
        ])
    }

    @Test func checkInDataWithNoDatedMeeting() throws {
        let found = try Self.warnings("program: nace\ncontinuing: true\nstatus: Fine\n")
        #expect(found.map(\.headline) == [
            "pair.yaml:2:13: warning: continuing: the check-in has no month to report: "
            + "the meeting log has no dated meeting, so its hours would be empty",
        ])
    }

    @Test func aMonthAskedForWarnsOnlyWhereACheckInApplies() throws {
        // A NACE pair keeps no check-in data: it has no check-in to disagree with.
        #expect(try Self.warnings("program: nace\nmeetings:\n  - date: 2026-02-09\n", month: "2026-03").isEmpty)
        // An ASET pair uses the check-in form; with no meeting log the warning points at the document.
        let found = try Self.warnings("program: aset\n", month: "2026-03")
        #expect(found.map(\.headline) == [
            "pair.yaml:1:1: warning: meetings: the check-in for March 2026 reports no meeting: no meeting of the log is dated in 2026-03",
        ])
    }

    @Test func checkWarnsWithTheSourceLineAndExitsZero() throws {
        let dir = try temporaryFolder()
        let file = dir + "/late.yaml"
        try (Self.term + "\nmeetings:\n  - date: 2026-09-01\n").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try runCLI(["check", file])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == """
        \(file):6:11: warning: meetings[0].date: meeting 1 is dated 2026-09-01, after the term ends (2026-07-12, term.start plus 6 months)
              - date: 2026-09-01
                      ^
        1 file, 1 partnership: 0 errors, 1 warning

        """)
        let month = try runCLI(["check", file, "--month", "2026-03", "--format", "json"])
        #expect(month.status == 0)
        #expect(month.stdout.contains("\"path\" : \"meetings\""), "\(month.stdout)")
        #expect(try runCLI(["check", file, "--month", "March"]).status == 2)
    }

    @Test func renderReportsTheWarningAndStillWrites() throws {
        let dir = try temporaryFolder()
        let file = dir + "/late.yaml"
        try (Self.term + "\nsigned:\n  mentor: 2025-12-01\n").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try runCLI(["render", file, "--doc", "agreement", "--out", dir + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(file):6:11: warning: signed.mentor: the mentor's signature is dated 2025-12-01, before the term starts (2026-01-12)"),
                "\(r.stderr)")
        #expect(r.stdout.contains("/agreement.html"))
    }

    @Test func batchReportsTheWarningFromAFileAndFromARosterCell() throws {
        let dir = try temporaryFolder()
        let file = dir + "/late.yaml"
        try (Self.term + "\nsigned:\n  mentor: 2025-12-01\n").write(toFile: file, atomically: true, encoding: .utf8)
        let roster = dir + "/roster.csv"
        try "program,id,term.start,term.months,signed.mentor\naset,r1,2026-01-12,6,2025-12-01\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let r = try runCLI(["batch", file, "--roster", roster, "--doc", "agreement", "--out", dir + "/out", "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(file):6:11: warning: signed.mentor: the mentor's signature is dated 2025-12-01, before the term starts"), "\(r.stderr)")
        // A roster cell is located by row and column number, as a spreadsheet shows it.
        #expect(r.stderr.contains("\(roster):2:5: warning: signed.mentor: the mentor's signature is dated 2025-12-01, before the term starts"), "\(r.stderr)")
    }
}
