// A month of the calendar, as `--month` names the one a check-in reports (`YYYY-MM`).

/// A year and a month, parsed once from `YYYY-MM`.
public struct YearMonth: Hashable, Sendable, CustomStringConvertible {
    /// Its first day.
    public let first: CalendarDate

    /// Parses exactly `YYYY-MM`; nil for any other text.
    public init?(_ text: String) {
        guard let first = CalendarDate(iso: text + "-01") else { return nil }
        self.first = first
    }

    /// The month `date` falls in.
    public init(of date: CalendarDate) {
        // Day 1 exists in every month a valid date is in.
        first = CalendarDate(year: date.year, month: date.month, day: 1) ?? date
    }

    /// The year.
    public var year: Int { first.year }
    /// The month, 1 to 12.
    public var month: Int { first.month }
    /// `YYYY-MM`, as `CalendarDate.monthKey` writes the month a day falls in.
    public var key: String { first.monthKey }
    /// `YYYY-MM`.
    public var description: String { key }

    /// Whether `date` falls in this month.
    public func contains(_ date: CalendarDate) -> Bool { date.year == year && date.month == month }
}
