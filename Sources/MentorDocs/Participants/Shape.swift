// The shape a value of the participant format must have.

/// What kind of value a key holds, with the bounds that make it valid.
indirect enum Shape: Sendable {
    /// Any scalar, kept as text (numbers and booleans are read as written).
    case text
    /// A whole number within a range.
    case integer(ClosedRange<Int>)
    /// A number at least `minimum`.
    case number(minimum: Double)
    /// An ISO 8601 day, `YYYY-MM-DD`.
    case date
    /// `true` or `false`.
    case bool
    /// One of a fixed set of words.
    case choice([String])
    /// A list whose entries all have one shape.
    case list(Shape)
    /// A mapping with known keys.
    case record([Field])

    /// What a user should write, for "expected ..." in errors.
    public var expectation: String {
        switch self {
        case .text: return "text"
        case .integer(let r):
            return r.upperBound == Int.max ? "a whole number of at least \(r.lowerBound)"
                : "a whole number from \(r.lowerBound) to \(r.upperBound)"
        case .number(let minimum): return "a number of at least \(minimum.formatted)"
        case .date: return "a date written YYYY-MM-DD"
        case .bool: return "true or false"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .list(let item): return "a list of \(item.expectationPlural)"
        case .record: return "a mapping of keys"
        }
    }

    var expectationPlural: String {
        switch self {
        case .text: return "texts"
        case .record: return "mappings"
        case .date: return "dates"
        default: return "values (\(expectation))"
        }
    }

    /// The listed word that `text` is, ignoring case; nil when it is none of them.
    static func word(_ text: String, in words: [String]) -> String? {
        if words.contains(text) { return text }
        let folded = text.lowercased()
        return words.first { $0 == folded }
    }

    /// The field named `key` of a record shape.
    public func field(_ key: String) -> Field? {
        if case .record(let fields) = self { return fields.first { $0.name == key } }
        return nil
    }

    /// The names of a record's fields, in format order.
    public var fieldNames: [String] {
        if case .record(let fields) = self { return fields.map(\.name) }
        return []
    }
}

extension Shape {
    /// Why a dotted key path leads nowhere in a shape; `at` is the index of the part that fails.
    enum PathProblem: Error {
        /// The part is no key of the record reached, whose keys are `names`.
        case noKey(at: Int, names: [String])
        /// The part should be the entry number of the list reached (`0`, `1`, ...).
        case notAnIndex(at: Int)
        /// The part follows a single value, of shape `shape`.
        case singleValue(at: Int, shape: Shape)
    }

    /// Follows dotted key-path parts (`goals`, `0`, `actions`) down from this shape: the path
    /// they name and the shape they reach. The one walk of key paths, for templates and rosters.
    func walk(_ parts: some Sequence<String>) -> Result<(path: ValuePath, shape: Shape), PathProblem> {
        var shape = self
        var path = ValuePath()
        for (i, part) in parts.enumerated() {
            switch shape {
            case .record(let fields):
                guard let field = fields.first(where: { $0.name == part }) else {
                    return .failure(.noKey(at: i, names: fields.map(\.name)))
                }
                path = path.appending(part)
                shape = field.shape
            case .list(let item):
                guard let n = Int(part), n >= 0, String(n) == part else { return .failure(.notAnIndex(at: i)) }
                path = path.appending(n)
                shape = item
            default:
                return .failure(.singleValue(at: i, shape: shape))
            }
        }
        return .success((path, shape))
    }
}

/// One key of a record shape.
struct Field: Sendable {
    public var name: String
    public var shape: Shape
    /// True for values the renderer computes; a participant file may not set them.
    public var computed: Bool

    /// Creates a field.
    public init(_ name: String, _ shape: Shape, computed: Bool = false) {
        self.name = name
        self.shape = shape
        self.computed = computed
    }
}

extension Double {
    /// `1.5`, `12`: the shortest form, without a trailing `.0`.
    var formatted: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
