// A day on the calendar, as written in participant files (ISO 8601 `YYYY-MM-DD`).

/// A calendar day without time or zone; participant files hold only days.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A date from its parts, or nil when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        guard let (y, m, d) = CalendarDate.fields(text) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of text that is exactly `DDDD-DD-DD` (ASCII digits), read byte by
    /// byte: every scalar of a participant file that could be a date is asked.
    private static func fields(_ text: some StringProtocol) -> (Int, Int, Int)? {
        var parts = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count > 10 { return nil }
            if count == 5 || count == 8 {
                if byte != UInt8(ascii: "-") { return nil }
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch count {
            case 1...4: parts.0 = parts.0 * 10 + digit
            case 6, 7: parts.1 = parts.1 * 10 + digit
            default: parts.2 = parts.2 * 10 + digit
            }
        }
        return count == 10 ? parts : nil
    }

    /// Why well-formed `YYYY-MM-DD` text names no day (`April has 30 days`); nil for any other text.
    static func whyNotADay(_ text: some StringProtocol) -> String? {
        guard let (y, m, d) = fields(text), (1...9999).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = daysIn(month: m, year: y)
        guard d > days else { return nil }
        if m == 2 {
            return days == 28 ? "February \(y) has 28 days (\(y) is not a leap year)" : "February \(y) has 29 days"
        }
        return "\(monthNames[m - 1]) has \(days) days"
    }

    /// `YYYY-MM-DD`.
    public var description: String { iso }

    /// `YYYY-MM-DD`.
    public var iso: String {
        // Written digit by digit (year 1-9999): interpolation cost every date in a file microseconds.
        let digits: [UInt8] = [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), 0x2D,
                               digit(month / 10), digit(month), 0x2D, digit(day / 10), digit(day)]
        return String(decoding: digits, as: UTF8.self)
    }

    /// `YYYY-MM`, the key of the month this date falls in.
    public var monthKey: String { "\(pad(year, 4))-\(pad(month, 2))" }

    /// The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
            ?? self
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}

/// The last decimal digit of `n` as an ASCII byte.
private func digit(_ n: Int) -> UInt8 { UInt8(0x30 + n % 10) }

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
