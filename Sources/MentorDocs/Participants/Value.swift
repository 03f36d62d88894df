// The participant data as a tree of typed values, each remembering where it was written.

/// One value of a participant file (or one the renderer computed), with its source location.
public struct Value: Sendable {
    /// What the value is.
    public enum Kind: Sendable {
        case text(String)
        case number(Double)
        case date(CalendarDate)
        case bool(Bool)
        case list([Value])
        case record([String: Value])
    }

    public var kind: Kind
    /// Where the value was written; nil for computed values.
    public var location: SourceLocation?

    /// Creates a value.
    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
    }

    /// The entry under `key` of a record, nil for anything else.
    public subscript(key: String) -> Value? {
        switch kind {
        case .record(let fields):
            return fields[key]
        case .list(let items):
            guard let i = Int(key), items.indices.contains(i) else { return nil }
            return items[i]
        default:
            return nil
        }
    }

    /// The entries of a list; empty for anything else.
    public var items: [Value] {
        if case .list(let items) = kind { return items }
        return []
    }

    /// The fields of a record; empty for anything else.
    public var fields: [String: Value] {
        if case .record(let fields) = kind { return fields }
        return [:]
    }

    /// The text of a text value.
    public var text: String? {
        if case .text(let s) = kind { return s }
        return nil
    }

    /// The number of a numeric value.
    public var number: Double? {
        if case .number(let n) = kind { return n }
        return nil
    }

    /// The date of a date value.
    public var date: CalendarDate? {
        if case .date(let d) = kind { return d }
        return nil
    }

    /// Whether the value counts as absent: empty text, empty list or record, `false`.
    public var isEmpty: Bool {
        switch kind {
        case .text(let s): return s.isBlank
        case .list(let items): return items.isEmpty
        case .record(let fields): return fields.values.allSatisfy(\.isEmpty)
        case .bool(let b): return !b
        case .number, .date: return false
        }
    }

    /// The value at a dotted path of keys and list indices, if present.
    public func lookup(_ path: some Sequence<String>) -> Value? {
        var current: Value? = self
        for key in path {
            guard let value = current?[key] else { return nil }
            current = value
        }
        return current
    }

    /// A record value.
    public static func record(_ fields: [String: Value]) -> Value { Value(.record(fields)) }
    /// A list value.
    public static func list(_ items: [Value]) -> Value { Value(.list(items)) }
    /// A text value.
    public static func text(_ s: String) -> Value { Value(.text(s)) }
    /// A numeric value.
    public static func number(_ n: Double) -> Value { Value(.number(n)) }
    /// A date value.
    public static func date(_ d: CalendarDate) -> Value { Value(.date(d)) }
}
