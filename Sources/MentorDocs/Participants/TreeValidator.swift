// Checks a composed YAML document against `ParticipantFormat.file` and builds the typed value
// tree, collecting every problem of the document rather than stopping at the first.
import Yams

/// Validates one document's nodes against a `Shape`, turning them into located `Value`s.
///
/// Types come from the composed node's resolved tag, never from a decoder that turns `12345`,
/// `true` and `~` into strings: text keeps a scalar as written, numbers must be numbers.
struct TreeValidator {
    let file: String
    let source: SourceText
    let limits: ParticipantLoader.Limits
    let strict: Bool
    /// Every problem found so far, in source order once `document` returns.
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, source: SourceText, limits: ParticipantLoader.Limits, strict: Bool) {
        self.file = file
        self.source = source
        self.limits = limits
        self.strict = strict
    }

    /// The document as a record value, or nil when it is not a mapping at all.
    mutating func document(_ root: Node) -> Value? {
        defer {
            // Merged (`<<`) entries are visited after the mapping's own keys; report in file order.
            diagnostics = diagnostics.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.location.line, $1.element.location.column, $1.offset)
            }.map(\.element)
        }
        guard case .mapping = root else {
            report(root, ValuePath(), "expected a partnership (a mapping of keys), found \(describe(root))")
            return nil
        }
        return value(root, ParticipantFormat.file, ValuePath()) ?? Value(.record([:]), at: location(root))
    }

    /// The node as a value of `shape`; nil when it is null (absent) or wrong (reported).
    private mutating func value(_ node: Node, _ shape: Shape, _ path: ValuePath) -> Value? {
        if node.isNull { return nil }
        let at = location(node)
        switch shape {
        case .text:
            guard let text = scalarText(node, path) else { return mismatch(node, shape, path) }
            return Value(.text(text), at: at)

        case .integer(let range):
            guard let n = integer(node), range.contains(n) else { return mismatch(node, shape, path) }
            return Value(.number(Double(n)), at: at)

        case .number(let minimum):
            guard let n = number(node), n.isFinite, n >= minimum else { return mismatch(node, shape, path) }
            return Value(.number(n), at: at)

        case .date:
            // A plain 2026-01-15 is a YAML timestamp, a quoted one a string: both are fine,
            // as long as the text is exactly YYYY-MM-DD and names a real day.
            guard let scalar = node.scalar, let date = CalendarDate(iso: scalar.string) else {
                return mismatch(node, shape, path, reason: node.scalar.flatMap { CalendarDate.whyNotADay($0.string) })
            }
            return Value(.date(date), at: at)

        case .bool:
            guard node.scalar != nil, node.resolvedTagName == .bool, let b = node.bool else {
                return mismatch(node, shape, path)
            }
            return Value(.bool(b), at: at)

        case .choice(let words):
            // Case is forgiven (`Caltrans`, `AWMI`); the value is the listed word.
            guard let scalar = node.scalar, let word = Shape.word(scalar.string, in: words) else {
                let suggestion = node.scalar.flatMap { Suggestions.nearest(to: $0.string, in: words) }
                return mismatch(node, shape, path, suggestion: suggestion)
            }
            return Value(.text(word), at: at)

        case .list(let item):
            switch node {
            case .sequence(let sequence):
                guard sequence.count <= limits.maxListLength else {
                    report(node, path, "list has \(groupedDigits(sequence.count)) entries; the limit is "
                           + groupedDigits(limits.maxListLength))
                    return nil
                }
                var items: [Value] = []
                for (i, child) in sequence.enumerated() {
                    if let v = value(child, item, path.appending(i)) { items.append(v) }
                }
                return Value(.list(items), at: at)
            case .scalar where isText(item):
                // A single line where a list of lines is expected: the one-entry list was meant.
                return value(node, item, path).map { Value(.list([$0]), at: at) }
            default:
                return mismatch(node, shape, path)
            }

        case .record(let fields):
            guard case .mapping(let mapping) = node else { return mismatch(node, shape, path) }
            var record: [String: Value] = [:]
            let names = fields.map(\.name)
            for (keyNode, valueNode) in entries(of: mapping, path: path, depth: 0) {
                guard let key = keyNode.scalar?.string else {
                    report(keyNode, path, "a key must be text, found \(describe(keyNode))")
                    continue
                }
                let keyPath = path.appending(key)
                guard let field = fields.first(where: { $0.name == key }) else {
                    report(keyNode, keyPath, "unknown key",
                           severity: strict ? .error : .warning,
                           suggestion: Suggestions.nearest(to: key, in: names))
                    continue
                }
                if let v = value(valueNode, field.shape, keyPath) { record[key] = v }
            }
            return Value(.record(record), at: at)
        }
    }

    /// The mapping's entries with YAML merge keys (`<<: *base`) applied: own keys win, then
    /// earlier merged mappings over later ones.
    private mutating func entries(of mapping: Node.Mapping, path: ValuePath, depth: Int) -> [(Node, Node)] {
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (key, value) in mapping {
            guard key.scalar != nil, key.resolvedTagName == .merge else {
                own.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let list) where list.allSatisfy({ $0.mapping != nil }): sources = Array(list)
            default:
                report(value, path, "'<<' merges a mapping or a list of mappings, found \(describe(value))")
                continue
            }
            // TreeMeasure bounds the depth of merged mappings too; this guard only keeps recursion finite.
            guard depth < limits.maxDepth else { continue }
            for case .mapping(let source) in sources {
                merged += entries(of: source, path: path, depth: depth + 1)
            }
        }
        var seen = Set(own.compactMap { $0.0.scalar?.string })
        for entry in merged {
            guard let name = entry.0.scalar?.string, !seen.contains(name) else { continue }
            seen.insert(name)
            own.append(entry)
        }
        return own
    }

    // MARK: Scalars

    /// A scalar's text as written, after the text checks (length, control characters).
    private mutating func scalarText(_ node: Node, _ path: ValuePath) -> String? {
        guard let text = node.scalar?.string else { return nil }
        if text.unicodeScalars.count > limits.maxValueLength, text.count > limits.maxValueLength {
            report(node, path, "text is \(groupedDigits(text.count)) characters long; the limit is "
                   + groupedDigits(limits.maxValueLength))
            return ""
        }
        // Raw ones were refused with the file; these came from escapes like "\x07" or "\uFFFE".
        if let bad = text.unicodeScalars.first(where: SourceDecoder.isRefused) {
            report(node, path, "\(SourceDecoder.kindName(bad)) \(SourceDecoder.scalarName(bad)) is not allowed in text")
            return ""
        }
        return text
    }

    /// A whole number by the core schema; `12.0` counts, `1:30` and `0b101` do not.
    private func integer(_ node: Node) -> Int? {
        switch numeral(node) {
        case .integer(let n): return n
        case .float(let d):
            guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else { return nil }
            return Int(d)
        case nil: return nil
        }
    }

    /// A number by the core schema, infinite or NaN included (the caller's range refuses those).
    private func number(_ node: Node) -> Double? {
        switch numeral(node) {
        case .integer(let n): return n.map(Double.init) ?? .infinity
        case .float(let d): return d
        case nil: return nil
        }
    }

    /// The node as a core-schema numeral: a plain scalar with no tag, or tagged `!!int` / `!!float`.
    private func numeral(_ node: Node) -> CoreSchema.Number? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any,
              ["", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"].contains(scalar.tag.description)
        else { return nil }
        return CoreSchema.number(scalar.string)
    }

    private func isText(_ shape: Shape) -> Bool {
        if case .text = shape { return true }
        return false
    }

    // MARK: Reporting

    /// Reports "expected ..., found ..." and gives nil, so callers can `return mismatch(...)`.
    private mutating func mismatch(_ node: Node, _ shape: Shape, _ path: ValuePath,
                                   suggestion: String? = nil, reason: String? = nil) -> Value? {
        var found = describe(node)
        if let scalar = node.scalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            switch shape {
            case .integer, .number, .bool: found += " (in quotes, so text)"
            default: break
            }
        }
        report(node, path, "expected \(shape.expectation), found \(found)" + (reason.map { ": " + $0 } ?? ""),
               suggestion: suggestion)
        return nil
    }

    private mutating func report(_ node: Node, _ path: ValuePath, _ message: String,
                                 severity: Diagnostic.Severity = .error, suggestion: String? = nil) {
        let at = location(node)
        diagnostics.append(Diagnostic(severity, at: at, path.prefix + message,
                                      path: path.isEmpty ? nil : path.description, suggestion: suggestion,
                                      sourceLine: source.excerpt(at.line, column: at.column)))
    }

    private func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// `'2026-13-01'` for a scalar, `a list` or `a mapping` for a collection.
    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(messageQuote(scalar.string))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

/// Text fit to quote in a one-line message: controls escaped, line breaks shown, long text cut.
func messageQuote(_ text: String, limit: Int = 60) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit { return out + "…" }
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where SourceDecoder.isRefused(scalar):
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return out
}
