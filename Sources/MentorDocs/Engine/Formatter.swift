// The formatters an expression may apply: dates, numbers, lists, letters, case. There is no
// `initials` formatter: initials are a signer's act, never derived from a name.

/// A named transformation of a value into text.
enum Formatter: String, CaseIterable, Sendable {
    case date, month, number, list, count, letter, upper, lower

    /// A problem with the formatter's argument, if any (checked at template load).
    func check(_ argument: String?) -> String? {
        switch (self, argument) {
        case (_, nil), (.date, "iso"), (.date, "long"): return nil
        case (.date, let a?): return "formatter 'date' takes 'iso' or 'long', not '\(a)'"
        case (_, let a?): return "formatter '\(rawValue)' takes no argument, got '\(a)'"
        }
    }

    /// A formatter that can never apply to the shape it is given (`mentor.name | letter`),
    /// following each formatter's output to the next; checked at template load.
    static func inputProblem(_ formatters: [(Formatter, String?)], shape: Shape?) -> String? {
        var shape = shape
        for (formatter, _) in formatters {
            switch (formatter, shape) {
            case (.letter, .integer?), (.letter, .number?), (.letter, nil): break
            case (.letter, let other?): return "formatter 'letter' needs a whole number, and its input is \(other.expectation)"
            default: break
            }
            shape = formatter == .count ? .integer(0...Int.max) : .text
        }
        return nil
    }

    /// Why the formatter refuses a value met while rendering, if it does: `letter` takes a whole
    /// number in range, so that no Double (NaN, infinities, 1e19) can trap the conversion.
    func problem(with value: Value) -> String? {
        guard self == .letter, let n = value.number else { return nil }
        if n.isFinite, n == n.rounded(), n >= 1, n <= Double(TemplateLimits.letterMaximum) { return nil }
        return "formatter 'letter' takes a whole number from 1 to \(TemplateLimits.letterMaximum), got \(n.formatted)"
    }

    /// Applies the formatter; nil when the input has nothing to format.
    func apply(_ value: Value, argument: String?) -> Value? {
        switch self {
        case .date, .month:
            guard let day = value.date ?? value.text.flatMap({ CalendarDate(iso: $0) }) else { return nil }
            if self == .month { return .text("\(CalendarDate.monthNames[day.month - 1]) \(day.year)") }
            return .text(argument == "iso" ? day.iso : "\(CalendarDate.monthNames[day.month - 1]) \(day.day), \(day.year)")
        case .number:
            guard let n = value.number ?? value.text.flatMap({ Double($0) }), n.isFinite else { return nil }
            return .text(n.formatted)
        case .list:
            let parts = value.items.compactMap(\.renderedText).filter { !$0.isEmpty }
            return parts.isEmpty ? value.renderedText.map(Value.text) : .text(parts.joined(separator: ", "))
        case .count:
            if case .list(let items) = value.kind { return .number(Double(items.count)) }
            return nil
        case .letter:
            guard let n = value.number, n.isFinite, n >= 1, n <= Double(TemplateLimits.letterMaximum) else { return nil }
            var k = Int(n), letters = ""
            while k > 0 {
                k -= 1
                letters = String(UnicodeScalar(UInt8(97 + k % 26))) + letters
                k /= 26
            }
            return .text(letters)
        case .upper: return value.renderedText.map { .text($0.uppercased()) }
        case .lower: return value.renderedText.map { .text($0.lowercased()) }
        }
    }
}

extension Value {
    /// The text a value shows when no formatter says otherwise.
    var renderedText: String? {
        switch kind {
        case .text(let s): return s
        case .number(let n): return n.formatted
        case .date(let d): return "\(CalendarDate.monthNames[d.month - 1]) \(d.day), \(d.year)"
        case .bool(let b): return b ? "yes" : "no"
        case .list(let items):
            let parts = items.compactMap(\.renderedText)
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .record: return nil
        }
    }
}
