import Testing
@testable import MentorDocs

@Suite struct YearMonthTests {
    @Test func parsesExactlyYearDashMonth() {
        #expect(YearMonth("2026-02")?.key == "2026-02")
        #expect(YearMonth("2026-02")?.first == CalendarDate(year: 2026, month: 2, day: 1))
        for text in ["2026-2", "2026-13", "2026-00", "2026-02-01", "26-02", "", "2026-0x"] {
            #expect(YearMonth(text) == nil, "\(text)")
        }
    }

    @Test func containsTheDaysOfItsMonthOnly() throws {
        let february = try #require(YearMonth("2026-02"))
        #expect(february.contains(try #require(CalendarDate(iso: "2026-02-28"))))
        #expect(!february.contains(try #require(CalendarDate(iso: "2026-03-01"))))
        #expect(!february.contains(try #require(CalendarDate(iso: "2025-02-01"))))
        #expect(YearMonth(of: try #require(CalendarDate(iso: "2026-02-17"))) == february)
    }
}
