// The values the renderer adds: check-in hours, derived dates (never initials), goal lists, rows.
import Testing
@testable import MentorDocs

@Suite struct ComputedValuesTests {
    static func meeting(_ date: String, _ hours: Double, _ mode: String) -> Value {
        record(["date": .date(CalendarDate(iso: date)!), "hours": .number(hours), "mode": .text(mode)])
    }

    let data = record([
        "mentor": record(["name": .text("Dana Whitfield")]),
        "mentee": record(["name": .text("Kate Morrison"), "initials": .text("KM-x")]),
        "term": record(["start": .date(CalendarDate(iso: "2026-01-31")!), "months": .number(1)]),
        "goals": .list([record(["goal": .text("A")]), record(["goal": .text("B"), "term": .text("long")]),
                        record(["goal": .text("C"), "term": .text("short")])]),
        "achievements": .list([.text("did A")]),
        "meetings": .list([
            meeting("2026-02-03", 1.5, "in-person"), meeting("2026-02-10", 0.5, "email"),
            meeting("2026-02-20", 1, "video"), meeting("2026-02-27", 0.25, "phone"),
            meeting("2026-03-02", 2, "other"), meeting("2026-02-28", 0.75, "in-person"),
        ]),
    ])

    func values(month: String? = nil) -> Value {
        ComputedValues.make(data: data, program: .aset, title: "T", options: RenderOptions(month: month.flatMap(YearMonth.init)))
    }

    @Test func checkInDefaultsToTheLatestMonthWithMeetings() {
        let checkin = values()["checkin"]
        #expect(checkin?["month"]?.date == CalendarDate(iso: "2026-03-01"))
        #expect(checkin?["hours"]?["total"]?.number == 2)
        #expect(checkin?["hours"]?["other"]?.number == 2)
        #expect(checkin?["meetings"]?.number == 1)
    }

    @Test func checkInSumsHoursByFormOfContactForTheMonthAskedFor() {
        let hours = values(month: "2026-02")["checkin"]?["hours"]
        #expect(hours?["in_person"]?.number == 2.25)
        #expect(hours?["email"]?.number == 0.5)
        #expect(hours?["video"]?.number == 1)
        #expect(hours?["phone"]?.number == 0.25)
        #expect(hours?["other"]?.number == 0)
        #expect(hours?["total"]?.number == 4)
    }

    @Test func aPairNameIsolatesANameThatCouldReorderIt() {
        func pair(_ mentor: String, _ mentee: String) -> String? {
            let data = record(["mentor": record(["name": .text(mentor)]), "mentee": record(["name": .text(mentee)])])
            return ComputedValues.make(data: data, program: .aset, title: "T", options: RenderOptions())["pair"]?.text
        }
        #expect(pair("Dana Whitfield", "Kate Morrison") == "Dana Whitfield and Kate Morrison")
        // An override left open would print "Alice boB dna"; a right-to-left name would take the
        // "and" into its own run. Each is closed off by an isolate: FSI ... PDI.
        #expect(pair("Alice \u{202E}", "Bob") == "\u{2068}Alice \u{202E}\u{2069} and Bob")
        #expect(pair("Dana", "\u{05D3}\u{05E0}\u{05D4}") == "Dana and \u{2068}\u{05D3}\u{05E0}\u{05D4}\u{2069}")
        #expect(pair("\u{0633}\u{0627}\u{0631}\u{0629}", "Kate") == "\u{2068}\u{0633}\u{0627}\u{0631}\u{0629}\u{2069} and Kate")
        // The running header (a CSS string) gets the same text.
        let data = record(["mentor": record(["name": .text("Alice \u{202E}")]), "mentee": record(["name": .text("Bob")])])
        let css = ComputedValues.make(data: data, program: .aset, title: "T", options: RenderOptions())["print"]?["page_css"]?.text ?? ""
        #expect(css.contains("\"\u{2068}Alice \u{202E}\u{2069} and Bob\""))
    }

    @Test func hoursAddUpAsTheyWereWritten() {
        // In binary floating point 1.1 + 2.2 is 3.3000000000000003 and 0.1 + 0.2 is 0.30000000000000004.
        let data = record(["meetings": .list([
            Self.meeting("2026-03-03", 1.1, "video"), Self.meeting("2026-03-17", 2.2, "video"),
            Self.meeting("2026-03-20", 0.1, "email"), Self.meeting("2026-03-21", 0.2, "email"),
        ]), "checkups": .list([record(["date": .date(CalendarDate(iso: "2026-03-31")!)])])])
        let values = ComputedValues.make(data: data, program: .caltrans, title: "T", options: RenderOptions())
        let hours = values["checkin"]?["hours"]
        #expect(hours?["video"]?.renderedText == "3.3")
        #expect(hours?["email"]?.renderedText == "0.3")
        #expect(hours?["total"]?.renderedText == "3.6")
        #expect(values["checkups"]?.items.first?["hours_so_far"]?.renderedText == "3.6")
        // Counts written with more places keep them; whole counts stay whole.
        var sum = HourSum()
        [0.125, 0.25, 1e-3].forEach { sum.add($0) }
        #expect(sum.value == 0.125 + 0.25 + 1e-3)
        var whole = HourSum()
        [1, 2, 3].forEach { whole.add($0) }
        #expect(whole.value.formatted == "6")
    }

    @Test func checkInForAMonthWithoutMeetingsIsZeroNotAbsent() {
        #expect(values(month: "2025-12")["checkin"]?["hours"]?["total"]?.number == 0)
    }

    @Test func noMeetingsAndNoMonthLeavesTheCheckInBlank() {
        #expect(ComputedValues.make(data: nil, program: .aset, title: "T", options: RenderOptions())["checkin"] == nil)
    }

    @Test func termEndIsStartPlusMonthsClampedToTheMonthsLastDay() {
        #expect(values()["term"]?["end"]?.date == CalendarDate(iso: "2026-02-28"))
    }

    @Test func initialsAreNeverDerived() {
        // Initials are a signer's act: nothing computes them from the name.
        #expect(values()["mentor"]?["initials"] == nil)
        #expect(values()["mentee"]?["initials"]?.text == "KM-x")
    }

    @Test func goalsSplitByTermAndPairWithAchievements() {
        let v = values()
        #expect(v["goals_short"]?.items.compactMap { $0["goal"]?.text } == ["A", "C"])
        #expect(v["goals_long"]?.items.compactMap { $0["goal"]?.text } == ["B"])
        let rows = v["plan_rows"]?.items ?? []
        #expect(rows.count == 3)
        #expect(rows[0]["planned"]?.text == "A" && rows[0]["achieved"]?.text == "did A")
        #expect(rows[2]["achieved"] == nil)
    }

    @Test func pageRuleFollowsThePaperAndNamesProgramAndPair() {
        let a4 = ComputedValues.make(data: data, program: .caltrans, title: "Mentoring Contract", options: RenderOptions(paper: .a4))
        let css = a4["print"]?["page_css"]?.text ?? ""
        #expect(css.contains("size: A4;"))
        #expect(css.contains(#""Caltrans · Mentoring Contract""#))
        #expect(css.contains(#""Dana Whitfield and Kate Morrison""#))
    }
}

extension Value: Equatable {
    public static func == (a: Value, b: Value) -> Bool { "\(a.kind)" == "\(b.kind)" }
}
