// Value expressions (`path | formatter:arg`) and conditions (`path = literal`), parsed at load.

/// Where an expression's path starts.
enum PathRoot: Equatable, Sendable {
    /// The partnership's data (plus computed values).
    case data
    /// A name bound by `md:repeat` or `md:with`.
    case variable(String)
    /// `#name`: the 1-based number of the current entry of the repeat `name`.
    case number(String)
}

/// A parsed `md:text` / `md:attr` expression. A class: the render walk passes it around for
/// every element and copy, and a reference is one retain where the fields were five.
final class Expression: Sendable {
    let source: String
    let root: PathRoot
    let keys: [String]
    let formatters: [(Formatter, String?)]
    /// The directive the expression was written in, located for errors met while rendering.
    let origin: ExpressionOrigin?

    init(source: String, root: PathRoot, keys: [String], formatters: [(Formatter, String?)], origin: ExpressionOrigin?) {
        self.source = source
        self.root = root
        self.keys = keys
        self.formatters = formatters
        self.origin = origin
    }
}

/// A parsed `md:if` / `md:unless` condition.
struct Condition: Sendable {
    enum Test: Sendable { case present, equals(String), differs(String) }
    var expression: Expression
    var test: Test
    var negated: Bool
}

/// The names a template has bound at some point, and what each holds.
struct CompileScope {
    /// Names bound by `md:repeat` (the entry) and `md:with`, with the shape they hold.
    var values: [String: Shape] = [:]
    /// Names of the enclosing repeats, whose numbers `#name` reads.
    var numbers: Set<String> = []
}

extension Expression {
    /// Parses and checks an expression against the format's shape and the bound names.
    static func parse(_ text: String, scope: CompileScope, origin: ExpressionOrigin, fail: (String, String?) -> Diagnostic) throws(Diagnostic) -> (Expression, Shape?) {
        let parts = text.splitting("|", omittingEmptySubsequences: false).map { $0.trimmed }
        let path = parts[0]
        guard !path.isEmpty, Expression.isPathText(path) else {
            throw fail("'\(path)' is not a path (write keys separated by dots, e.g. mentor.name)", nil)
        }
        var formatters: [(Formatter, String?)] = []
        for spec in parts.dropFirst() {
            let pieces = spec.splitting(":", maxSplits: 1).map { $0.trimmed }
            let name = pieces.first ?? ""
            guard let formatter = Formatter(rawValue: name) else {
                throw fail("unknown formatter '\(name)'", Suggestions.nearest(to: name, in: Formatter.allCases.map(\.rawValue)))
            }
            let argument = pieces.count > 1 ? pieces[1] : nil
            if let problem = formatter.check(argument) { throw fail(problem, nil) }
            formatters.append((formatter, argument))
        }
        var keys = path.splitting(".", omittingEmptySubsequences: false).map(String.init)
        let first = keys.removeFirst()
        let root: PathRoot
        var shape: Shape?
        if first.hasPrefix("#") {
            let name = String(first.dropFirst())
            guard scope.numbers.contains(name) else {
                throw fail("'#\(name)' needs an enclosing md:repeat named '\(name)'",
                           Suggestions.nearest(to: name, in: scope.numbers))
            }
            guard keys.isEmpty else { throw fail("'#\(name)' is a number and has no keys", nil) }
            if let problem = Formatter.inputProblem(formatters, shape: .integer(1...Int.max)) { throw fail(problem, nil) }
            return (Expression(source: text, root: .number(name), keys: [], formatters: formatters, origin: origin), .integer(1...Int.max))
        } else if let bound = scope.values[first] {
            root = .variable(first)
            shape = bound
        } else {
            root = .data
            keys.insert(first, at: 0)
            shape = ParticipantFormat.template
        }
        func walked(_ count: Int) -> String { ((root == .data ? [] : [first]) + keys.prefix(count)).joined(separator: ".") }
        switch shape?.walk(keys) {
        case .success(let reached)?: shape = reached.shape
        case nil: break
        case .failure(let problem)?:
            switch problem {
            case .noKey(let at, let names):
                let candidates = names + (walked(at).isEmpty ? Array(scope.values.keys) : [])
                let whereText = walked(at).isEmpty ? "the participant format" : "'\(walked(at))'"
                throw fail("\(whereText) has no key '\(keys[at])'", Suggestions.nearest(to: keys[at], in: candidates))
            case .notAnIndex(let at):
                throw fail("'\(walked(at))' is a list: use a number ('\(walked(at)).0') or md:repeat, not '\(keys[at])'", nil)
            case .singleValue(let at, _):
                throw fail("'\(walked(at))' is a single value and has no key '\(keys[at])'", nil)
            }
        }
        if let problem = Formatter.inputProblem(formatters, shape: shape) { throw fail(problem, nil) }
        return (Expression(source: text, root: root, keys: keys, formatters: formatters, origin: origin), shape)
    }
}

extension Condition {
    /// Parses `path`, `path = literal` or `path != literal`.
    static func parse(_ text: String, negated: Bool, scope: CompileScope, origin: ExpressionOrigin, fail: (String, String?) -> Diagnostic) throws(Diagnostic) -> Condition {
        var test = Test.present
        var expressionText = text
        if let range = text.firstRange(of: "!=") { // the standard library's search: Foundation's is far slower
            test = .differs(text[range.upperBound...].trimmed)
            expressionText = String(text[..<range.lowerBound])
        } else if let range = text.firstRange(of: "=") {
            test = .equals(text[range.upperBound...].trimmed)
            expressionText = String(text[..<range.lowerBound])
        }
        let (expression, _) = try Expression.parse(expressionText.trimmed, scope: scope, origin: origin, fail: fail)
        return Condition(expression: expression, test: test, negated: negated)
    }
}

extension Expression {
    /// Whether `path` is written only in letters, digits, `_`, `.`, `#` and `-`.
    static func isPathText(_ path: String) -> Bool {
        if path.isASCIIText {
            return path.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "-") }
        }
        return path.allSatisfy { $0.isLetter || $0.isNumber || "_.#-".contains($0) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (`Character.isWhitespace`).
    var trimmed: String {
        var s = Substring(self)
        if s.isASCIIText {
            let bytes = s.utf8
            var start = bytes.startIndex, end = bytes.endIndex
            while start < end, bytes[start].isASCIIWhitespace { start = bytes.index(after: start) }
            while end > start, bytes[bytes.index(before: end)].isASCIIWhitespace { end = bytes.index(before: end) }
            return String(s[start..<end])
        }
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
