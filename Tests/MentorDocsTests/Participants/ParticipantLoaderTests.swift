// The participant loader against the format: a full file, every kind of bad value with its exact
// message, unknown keys, streams, and the YAML mistakes people make.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ParticipantLoaderTests {
    // MARK: A valid file

    @Test func fullFileLoadsWithEveryKey() throws {
        let path = Loader.fixture("full.yaml")
        let p = try Loader.partnership(ParticipantLoader().load(contentsOf: path))
        #expect(p.warnings.isEmpty)
        #expect(p.file == path)
        #expect(p.index == 0)
        #expect(p.location == SourceLocation(file: path, line: 2, column: 1))
        // Every key the format defines is in the fixture, so every one must come through.
        let missing = missingKeys(ParticipantFormat.file, p.data, ValuePath())
        #expect(missing.isEmpty, "keys not loaded: \(missing)")

        #expect(p.data["id"]?.text == "2026-014")
        #expect(p.data.lookup(["mentee", "phone"])?.text == "7805550199")
        #expect(p.data.lookup(["term", "months"])?.number == 12)
        #expect(p.data.lookup(["goals", "0", "actions", "0", "done"])?.date == CalendarDate(year: 2026, month: 6, day: 30))
        #expect(p.data.lookup(["goals", "0", "obstacles"])?.text == "Shift work; solution: weekend study group")
        #expect(p.data.lookup(["meetings", "0", "hours"])?.number == 1.5)
        #expect(p.data["status"]?.text == "On track; exam booked for May.")
        #expect(p.data.lookup(["signed", "supervisor"])?.date == CalendarDate(year: 2026, month: 1, day: 20))
        #expect(p.data.lookup(["mentor", "name"])?.location == SourceLocation(file: path, line: 6, column: 9))
        #expect(p.data.lookup(["meetings", "1"])?.location == SourceLocation(file: path, line: 90, column: 5))
    }

    /// Paths of keys the shape defines but the value lacks (lists are checked through their first entry).
    private func missingKeys(_ shape: Shape, _ value: Value, _ path: ValuePath) -> [String] {
        switch shape {
        case .record(let fields):
            return fields.flatMap { field -> [String] in
                guard let child = value[field.name] else { return [path.appending(field.name).description] }
                return missingKeys(field.shape, child, path.appending(field.name))
            }
        case .list(let item):
            guard let first = value.items.first else { return [path.description + "[0]"] }
            return missingKeys(item, first, path.appending(0))
        default:
            return []
        }
    }

    @Test(arguments: [
        ("phone: 7805550100", "7805550100"),
        ("phone: 0012", "0012"),
        ("phone: 1.10", "1.10"),
        ("phone: yes", "yes"),
        ("phone: 2026-01-01", "2026-01-01"),
        ("phone: '12345'", "12345"),
        ("phone: !!str 1e3", "1e3"),
    ])
    func textKeepsAnyScalarAsWritten(line: String, expected: String) throws {
        let p = try Loader.partnership(Loader.load("mentor:\n  \(line)\n"))
        #expect(p.data.lookup(["mentor", "phone"])?.text == expected)
    }

    @Test func nullMeansAbsent() throws {
        let p = try Loader.partnership(Loader.load("id: ~\nmentor:\nmentee: {name: null}\nexpectations: [a, ~, b]\n"))
        #expect(p.data["id"] == nil)
        #expect(p.data["mentor"] == nil)
        #expect(p.data["mentee"]?.fields.isEmpty == true)
        #expect(p.data["expectations"]?.items.compactMap(\.text) == ["a", "b"])
    }

    @Test func aSingleLineWhereAListOfLinesIsExpectedIsAOneEntryList() throws {
        let p = try Loader.partnership(Loader.load("meetings:\n  - topics: Career background\n"))
        let topics = try #require(p.data.lookup(["meetings", "0", "topics"]))
        #expect(topics.items.compactMap(\.text) == ["Career background"])
        #expect(topics.location == SourceLocation(file: "pair.yaml", line: 2, column: 13))
    }

    @Test func datesAcceptPlainAndQuotedDays() throws {
        let p = try Loader.partnership(Loader.load("term: {start: 2026-01-15, end: '2026-12-31'}\nsigned: {mentor: \"2024-02-29\"}\n"))
        #expect(p.data.lookup(["term", "start"])?.date == CalendarDate(year: 2026, month: 1, day: 15))
        #expect(p.data.lookup(["term", "end"])?.date == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(p.data.lookup(["signed", "mentor"])?.date == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test func wholeNumbersMayBeWrittenAsFloatsOrInOtherBases() throws {
        let p = try Loader.partnership(Loader.load("term: {months: 12.0}\nschedule: {meetings_per_year: 0x0C}\n"))
        #expect(p.data.lookup(["term", "months"])?.number == 12)
        #expect(p.data.lookup(["schedule", "meetings_per_year"])?.number == 12)
    }

    @Test func mergeKeysApplyWithOwnKeysWinning() throws {
        let yaml = """
        mentor: &dana
          name: Dana Whitfield
          organization: Northern Alloys
        mentee:
          <<: *dana
          name: Kate Morrison

        """
        let p = try Loader.partnership(Loader.load(yaml))
        #expect(p.data.lookup(["mentee", "name"])?.text == "Kate Morrison")
        #expect(p.data.lookup(["mentee", "organization"])?.text == "Northern Alloys")
    }

    // MARK: Bad values: the exact message for each kind

    @Test(arguments: [
        // A value of the wrong kind.
        ("mentor:\n  name: [a, b]\n",
         "pair.yaml:2:9: error: mentor.name: expected text, found a list"),
        ("mentor: Dana Whitfield\n",
         "pair.yaml:1:9: error: mentor: expected a mapping of keys, found 'Dana Whitfield': write 'mentor:', then 'name: Dana Whitfield' indented on the line below"),
        ("mentor:\n  name:Dana Whitfield\n",
         "pair.yaml:2:3: error: mentor: expected a mapping of keys, found 'name:Dana Whitfield': a key needs a space after its colon: 'name: Dana Whitfield'"),
        ("term: 2026-01-12\n",
         "pair.yaml:1:7: error: term: expected a mapping of keys, found '2026-01-12'"),
        ("goals: Earn my CET\n",
         "pair.yaml:1:8: error: goals: expected a list of mappings, found 'Earn my CET'"),
        ("expectations: {a: b}\n",
         "pair.yaml:1:15: error: expectations: expected a list of texts, found a mapping"),
        ("hello\n",
         "pair.yaml:1:1: error: expected a partnership (a mapping of keys), found 'hello'"),
        ("- a\n- b\n",
         "pair.yaml:1:1: error: expected a partnership (a mapping of keys), found a list"),
        // A date that is not a date.
        ("goals:\n  - goal: a\n  - goal: b\n    actions:\n      - action: c\n        done: 2026-13-01\n",
         "pair.yaml:6:15: error: goals[1].actions[0].done: expected a date written YYYY-MM-DD, found '2026-13-01'"),
        ("term:\n  start: '2026-02-30'\n",
         "pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '2026-02-30': February 2026 has 28 days (2026 is not a leap year)"),
        ("term:\n  start: 2026-1-5\n",
         "pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '2026-1-5'"),
        ("term:\n  start: 2026-01-05 10:30:00\n",
         "pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '2026-01-05 10:30:00'"),
        ("signed:\n  mentor: 20260115\n",
         "pair.yaml:2:11: error: signed.mentor: expected a date written YYYY-MM-DD, found '20260115'"),
        // An hour count below zero, or not a number.
        ("meetings:\n  - hours: -1.5\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '-1.5'"),
        ("meetings:\n  - hours: \"1.5\"\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '1.5' (in quotes, so text)"),
        ("meetings:\n  - hours: .nan\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '.nan'"),
        // A scale outside 1-5.
        ("checkups:\n  - trust: 6\n",
         "pair.yaml:2:12: error: checkups[0].trust: expected a whole number from 1 to 5, found '6'"),
        ("checkups:\n  - goal_focused: 0\n",
         "pair.yaml:2:19: error: checkups[0].goal_focused: expected a whole number from 1 to 5, found '0'"),
        ("checkups:\n  - speak_up: 2.5\n",
         "pair.yaml:2:15: error: checkups[0].speak_up: expected a whole number from 1 to 5, found '2.5'"),
        ("term:\n  months: twelve\n",
         "pair.yaml:2:11: error: term.months: expected a whole number from 1 to 240, found 'twelve'"),
        // A program or mode that does not exist, with the nearest valid one.
        ("program: asset\n",
         "pair.yaml:1:10: error: program: expected one of awmi, aset, caltrans, nace, generic, found 'asset' (did you mean 'aset'?)"),
        ("program: acme\n",
         "pair.yaml:1:10: error: program: expected one of awmi, aset, caltrans, nace, generic, found 'acme'"),
        ("meetings:\n  - mode: vidoe\n",
         "pair.yaml:2:11: error: meetings[0].mode: expected one of in-person, email, video, phone, other, found 'vidoe' (did you mean 'video'?)"),
        ("meetings:\n  - mode: in person\n",
         "pair.yaml:2:11: error: meetings[0].mode: expected one of in-person, email, video, phone, other, found 'in person' (did you mean 'in-person'?)"),
        ("checkups:\n  - by: mentors\n",
         "pair.yaml:2:9: error: checkups[0].by: expected one of mentor, mentee, found 'mentors' (did you mean 'mentor'?)"),
        ("goals:\n  - term: shrot\n",
         "pair.yaml:2:11: error: goals[0].term: expected one of short, long, found 'shrot' (did you mean 'short'?)"),
    ])
    func badValueMessage(yaml: String, expected: String) {
        #expect(Loader.headlines(Loader.load(yaml)) == [expected])
    }

    @Test func aDiagnosticCarriesPathSourceLineAndCaret() throws {
        let yaml = "goals:\n  - goal: a\n  - goal: b\n    actions:\n      - action: c\n        done: 2026-13-01\n"
        let outcomes = Loader.load(yaml)
        guard case .failure(let list) = try #require(outcomes.first) else {
            Issue.record("expected a failure")
            return
        }
        let d = try #require(list.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.location == SourceLocation(file: "pair.yaml", line: 6, column: 15))
        #expect(d.path == "goals[1].actions[0].done")
        #expect(d.sourceLine == "        done: 2026-13-01")
        #expect(d.description.split(separator: "\n") == [
            "pair.yaml:6:15: error: goals[1].actions[0].done: expected a date written YYYY-MM-DD, found '2026-13-01'",
            "            done: 2026-13-01",
            "                  ^",
        ])
    }

    @Test func everyProblemOfADocumentIsReported() {
        let yaml = """
        program: asset
        mentor:
          nmae: Dana
        meetings:
          - date: 2026-02-30
            hours: -1
          - mode: vidoe
        checkups:
          - trust: 9

        """
        #expect(Loader.headlines(Loader.load(yaml)) == [
            "pair.yaml:1:10: error: program: expected one of awmi, aset, caltrans, nace, generic, found 'asset' (did you mean 'aset'?)",
            "pair.yaml:3:3: warning: mentor.nmae: unknown key (did you mean 'name'?)",
            "pair.yaml:5:11: error: meetings[0].date: expected a date written YYYY-MM-DD, found '2026-02-30': February 2026 has 28 days (2026 is not a leap year)",
            "pair.yaml:6:12: error: meetings[0].hours: expected a number of at least 0, found '-1'",
            "pair.yaml:7:11: error: meetings[1].mode: expected one of in-person, email, video, phone, other, found 'vidoe' (did you mean 'video'?)",
            "pair.yaml:9:12: error: checkups[0].trust: expected a whole number from 1 to 5, found '9'",
        ])
    }

    // MARK: Unknown keys

    @Test func misspelledKeyIsAWarningWithTheNearestKey() throws {
        let p = try Loader.partnership(Loader.load("mentor:\n  name: Dana\n  emial: d@example.org\n"))
        #expect(p.warnings.map(\.headline) == ["pair.yaml:3:3: warning: mentor.emial: unknown key (did you mean 'email'?)"])
        #expect(p.warnings.first?.suggestion == "email")
        #expect(p.warnings.first?.path == "mentor.emial")
        #expect(p.data.lookup(["mentor", "name"])?.text == "Dana")
    }

    @Test func strictMakesAnUnknownKeyAnError() {
        #expect(Loader.headlines(Loader.load("mentor:\n  name: Dana\n  emial: d@example.org\n", strict: true))
                == ["pair.yaml:3:3: error: mentor.emial: unknown key (did you mean 'email'?)"])
    }

    @Test(arguments: [
        ("progam: aset\n", "pair.yaml:1:1: warning: progam: unknown key (did you mean 'program'?)"),
        ("pair: Dana and Kate\n", "pair.yaml:1:1: warning: pair: unknown key"),
        ("checkin: {month: 2026-01-01}\n", "pair.yaml:1:1: warning: checkin: unknown key (did you mean 'checkups'?)"),
        ("goals:\n  - goal: a\n    objectivs: [b]\n",
         "pair.yaml:3:5: warning: goals[0].objectivs: unknown key (did you mean 'objectives'?)"),
        // A dotted path whose first part is a mapping of the format is told how to nest it.
        ("mentor.name: Dana\n",
         "pair.yaml:1:1: warning: mentor.name: unknown key; keys are nested, not joined with dots: write 'mentor:', then 'name:' indented on the line below"),
        ("term:\n  start: 2026-01-12\nschedule.contact: Weekly\n",
         "pair.yaml:3:1: warning: schedule.contact: unknown key; keys are nested, not joined with dots: write 'schedule:', then 'contact:' indented on the line below"),
        // A key of the empty mapping just above it, not indented under it.
        ("mentor:\nname: Dana\nmentee:\n  name: Kate\n",
         "pair.yaml:2:1: warning: name: unknown key; it belongs under 'mentor' just above, which is empty: indent it below 'mentor:'"),
        ("mentor:\n  name: Dana\nname: Kate\n", "pair.yaml:3:1: warning: name: unknown key"),
        // Not for a first part that is not a mapping, nor for a dot inside a nested key.
        ("program.x: 1\n", "pair.yaml:1:1: warning: program.x: unknown key (did you mean 'program'?)"),
        ("mentor:\n  name.first: Dana\n", "pair.yaml:2:3: warning: mentor.name.first: unknown key"),
    ])
    func unknownKeyWarning(yaml: String, expected: String) throws {
        let p = try Loader.partnership(Loader.load(yaml))
        #expect(p.warnings.map(\.headline) == [expected])
    }

    @Test func aCommentRunningIntoAWordAfterAValueIsAWarning() throws {
        let yaml = """
            mentor:
              name: Dana # the mentor, a comment as init writes them
            mentee:
              name: Kate Morrison #2 in cohort
              email: "k@x.org #kept, in quotes"
            meetings:
              - date: 2026-02-03
                hours: 1 #a number is not text
                notes: Met in room\t#4, then ## this
            status: ok  ##heading
            """
        let p = try Loader.partnership(Loader.load(yaml))
        #expect(p.warnings.map(\.headline) == [
            "pair.yaml:4:23: warning: mentee.name: text after ' #' is a comment in YAML, so '#2 in cohort' is left out and the value reads 'Kate Morrison'; to keep it, put the whole value in quotes",
            "pair.yaml:9:24: warning: meetings[0].notes: text after ' #' is a comment in YAML, so '#4, then ## this' is left out and the value reads 'Met in room'; to keep it, put the whole value in quotes",
        ])
        #expect(p.data["mentee"]?["name"]?.text == "Kate Morrison", "the value is YAML's, only warned about")
    }

    @Test func aProblemReadThroughAnAliasNamesTheAlias() {
        let yaml = """
            usual: &usual
              date: 2026-02-03
              hours: lots
            meetings:
              - *usual
              - *usual
            """
        let list = Loader.load(yaml).first.flatMap { if case .failure(let list) = $0 { list } else { nil } }
        // Each reading is reported at the anchor's text, with the alias it came through.
        #expect(list?.diagnostics.map(\.headline) == [
            "pair.yaml:1:1: warning: usual: unknown key",
            "pair.yaml:3:10: error: meetings[0].hours: expected a number of at least 0, found 'lots'; reached through the alias *usual at line 5, column 5",
            "pair.yaml:3:10: error: meetings[1].hours: expected a number of at least 0, found 'lots'; reached through the alias *usual at line 6, column 5",
        ])
        #expect(list?.diagnostics.last?.reachedThrough == "the alias *usual at line 6, column 5")
    }

    @Test func aProblemReadThroughAMergeKeyNamesTheMerge() {
        let yaml = """
            base: &base
              mode: vidoe
            meetings:
              - date: 2026-02-03
                <<: *base
            """
        #expect(Loader.headlines(Loader.load(yaml)) == [
            "pair.yaml:1:1: warning: base: unknown key",
            "pair.yaml:2:9: error: meetings[0].mode: expected one of in-person, email, video, phone, other, found 'vidoe' (did you mean 'video'?); reached through the merge key '<<' at line 5, column 5",
        ])
    }

    @Test func aProblemWrittenWhereItIsReadNamesNoAlias() {
        // The anchor's own reading is not through an alias; nested aliases name the outermost one.
        let yaml = """
            meetings:
              - &m {date: 2026-02-03, hours: lots}
              - *m
            """
        let list = Loader.load(yaml).first.flatMap { if case .failure(let list) = $0 { list } else { nil } }
        #expect(list?.diagnostics.map(\.reachedThrough) == [nil, "the alias *m at line 3, column 5"])
    }

    // MARK: Streams

    @Test func aStreamGivesOneOutcomePerDocument() throws {
        let path = Loader.fixture("stream.yaml")
        let outcomes = ParticipantLoader().load(contentsOf: path)
        try #require(outcomes.count == 3)
        let first = try outcomes[0].get()
        #expect(first.index == 0)
        #expect(first.program == .aset)
        #expect(first.location == SourceLocation(file: path, line: 2, column: 1))
        guard case .failure(let list) = outcomes[1] else {
            Issue.record("the second document should fail")
            return
        }
        #expect(list.diagnostics.map(\.headline)
                == ["\(path):9:10: error: term.start: expected a date written YYYY-MM-DD, found '2026-13-01'"])
        let third = try outcomes[2].get()
        #expect(third.index == 2)
        #expect(third.program == .awmi)
        #expect(third.location == SourceLocation(file: path, line: 10, column: 1))
    }

    @Test func aSyntaxErrorInAnyDocumentFailsTheWholeFile() {
        #expect(Loader.headlines(Loader.load("id: a\n---\nid: [b\n---\nid: c\n")) == [
            "pair.yaml:4:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 5)",
        ])
    }

    @Test func emptyDocumentsInAStreamAreSkipped() throws {
        let outcomes = Loader.load("---\n---\nid: a\n---\n")
        try #require(outcomes.count == 1)
        #expect(try outcomes[0].get().index == 1)
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n", "---\n", "--- ~\n...\n"])
    func noPartnershipInFile(yaml: String) {
        #expect(Loader.headlines(Loader.load(yaml))
                == ["pair.yaml:1:1: error: no partnership in file: it is empty or holds only comments"])
    }

    @Test func aTagOutsideYAMLsOwnIsAWarningAndTheTextIsKept() throws {
        let p = try Loader.partnership(Loader.load("program: aset\nmentor:\n  name: !!python/object:os.system ls\nmentee:\n  name: !!str 0012\n"))
        #expect(p.warnings.map(\.headline) == ["pair.yaml:3:9: warning: mentor.name: the YAML tag '!!python/object:os.system' means "
                                                + "nothing in a participant file and is ignored: the value is read as written after it"])
        #expect(p.mentorName == "ls")
        #expect(p.menteeName == "0012")
    }

    // MARK: YAML mistakes

    @Test(arguments: [
        ("goals:\n  - obstacles: Shift work; solution: weekend study group\n",
         "pair.yaml:2:36: error: YAML syntax error: mapping values are not allowed in this context; put text that contains ': ' in quotes"),
        ("mentor: [a, b\nmentee: x\n",
         "pair.yaml:2:7: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 9)"),
        ("mentor:\n  name: Dana\n  email: d@x\n  name: Kate\n",
         "pair.yaml:4:3: error: duplicate key 'name': it is already set at line 2, column 3"),
        ("mentor: {name: Dana, email: d@x, name: Kate}\n",
         "pair.yaml:1:34: error: duplicate key 'name': it is already set at line 1, column 10"),
        ("id: *nope\n",
         "pair.yaml:1:5: error: alias '*nope' refers to no anchor defined before it"),
        ("id: &x a\n---\nid: *x\n",
         "pair.yaml:3:5: error: alias '*x' refers to an anchor in an earlier document; an anchor applies only within its own document"),
        ("? [a, b]\n: c\n",
         "pair.yaml:1:3: error: a key must be text, found a list"),
        ("list: &l [a, b]\n*l : c\n",
         "pair.yaml:2:1: error: a key must be text, found an alias of a list or mapping"),
        // A key indented off its neighbours is said as that, with the line to match.
        ("program: aset\nmentor:\n  name: Dana\n   email: d@x.org\n",
         "pair.yaml:4:4: error: 'email:' is indented by 3 spaces, more than 'name:' on line 3 (2 spaces), so YAML reads this line "
         + "as more of the value of 'name'; line 'email:' up with 'name:' (2 spaces)"),
        ("program: aset\nmentor:\n  name: Dana\n # the mentor's\n email: d@x.org\n",
         "pair.yaml:5:2: error: 'email:' is indented by 1 space, which lines up with no key above it: 'name:' on line 3 is indented "
         + "by 2 spaces, 'mentor:' on line 2 by 0 spaces; indent it by 2 to put it beside 'name:', or by 0 to put it beside 'mentor:'"),
        ("mentor:\n    name: Dana\n  email: d@x.org\n",
         "pair.yaml:3:3: error: 'email:' is indented by 2 spaces, which lines up with no key above it: 'name:' on line 2 is indented "
         + "by 4 spaces, 'mentor:' on line 1 by 0 spaces; indent it by 4 to put it beside 'name:', or by 0 to put it beside 'mentor:'"),
    ])
    func yamlMistake(yaml: String, expected: String) {
        #expect(Loader.headlines(Loader.load(yaml)) == [expected])
    }

    @Test(arguments: [
        ("mentor:\n\tname: Dana\n", "pair.yaml:2:1"),
        ("mentor:\n  name: Dana\n\temail: d@x\n", "pair.yaml:3:1"),
        ("goals:\n  \t- goal: a\n", "pair.yaml:2:3"),
    ])
    func tabIndentationIsExplained(yaml: String, location: String) {
        #expect(Loader.headlines(Loader.load(yaml)) == [
            "\(location): error: tab character used for indentation; YAML allows only spaces for indentation, so indent with spaces",
        ])
    }

    @Test func tabsElsewhereAreFine() throws {
        let p = try Loader.partnership(Loader.load("id:\ta\nstatus: \"on\ttrack\"\nmentor: {name:\tDana}\n"))
        #expect(p.data["id"]?.text == "a")
        #expect(p.data["status"]?.text == "on\ttrack")
    }

    @Test func loadersRunConcurrently() async throws {
        let path = Loader.fixture("full.yaml")
        let ids = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 {
                group.addTask { try? ParticipantLoader().load(contentsOf: path).first?.get().id }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(ids == Array(repeating: "2026-014", count: 16))
    }

    // MARK: Files

    @Test func aRosterNamedAsAParticipantFileIsToldWhereRostersGo() throws {
        let roster = try temporaryFolder() + "/Roster.CSV"
        try "program,id\naset,r1\n".write(toFile: roster, atomically: true, encoding: .utf8)
        #expect(Loader.headlines(ParticipantLoader().load(contentsOf: roster)) == [
            "\(roster): error: is a roster (a spreadsheet saved as CSV), not a participant file: check it with "
                + "'mentordocs check --roster \(roster)', render it with 'mentordocs batch --roster \(roster)'",
        ])
        // One that does not exist is said to be missing, as any file is.
        #expect(Loader.headlines(ParticipantLoader().load(contentsOf: "/nonexistent/r.csv"))
                == ["/nonexistent/r.csv: error: cannot read file: no such file"])
    }

    @Test func aRosterIsReadRowByRowAsBatchReadsIt() throws {
        let folder = try temporaryFolder()
        try "program,id,mentor.name,term.start\naset,r1,Ana,2026-13-01\naset,r2,Cy,2026-01-05\n"
            .write(toFile: folder + "/r.csv", atomically: true, encoding: .utf8)
        let outcomes = ParticipantLoader().load(roster: folder + "/r.csv")
        #expect(outcomes.count == 2)
        #expect(Loader.headlines([outcomes[0]]) == ["\(folder)/r.csv:2:4: error: term.start: expected a date written YYYY-MM-DD, found '2026-13-01'"])
        #expect(try outcomes[1].get().id == "r2")
        #expect(Loader.headlines(ParticipantLoader().load(roster: folder + "/none.csv")) == ["\(folder)/none.csv: error: cannot read roster: no such file"])
    }

    @Test func unreadableFiles() throws {
        #expect(Loader.headlines(ParticipantLoader().load(contentsOf: "/nonexistent/pair.yaml"))
                == ["/nonexistent/pair.yaml: error: cannot read file: no such file"])
        // A folder is not read as a file (nor walked): the message says what to do with it.
        let directory = try temporaryFolder()
        #expect(Loader.headlines(ParticipantLoader().load(contentsOf: directory + "/")) == [
            "\(directory)/: error: is a folder: name its files (\(directory)/*.yaml), or give the folder to "
                + "'mentordocs batch \(directory)', which renders every participant file in it and below it",
        ])
    }
}
