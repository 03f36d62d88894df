// One scalar (a YAML scalar event, or a roster cell dressed as one) checked against a `Shape`
// and turned into a located `Value`, with the reports of everything wrong. Types come from the
// shape and the scalar as written: text keeps it as written, numbers must be numbers by YAML
// 1.2's core schema, and a quoted scalar is text.

/// Checks scalars against shapes and collects the problems, for one document or one roster row.
struct ScalarReader {
    let file: String
    /// The file's text for excerpts; nil where there is no line to show (a roster's cells).
    let source: SourceText?
    let limits: ParticipantLoader.Limits
    /// Every problem reported so far.
    var diagnostics: [Diagnostic] = []

    init(file: String, source: SourceText?, limits: ParticipantLoader.Limits) {
        self.file = file
        self.source = source
        self.limits = limits
    }


    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    /// YAML 1.1's words for true and false, as participant files have always been read.
    static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let falseWords: Set<String> = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    private static let yamlTag = "tag:yaml.org,2002:"

    /// Whether a scalar is YAML's null: `~`, `null`, nothing at all, or tagged `!!null`.
    static func isNull(_ event: YAMLEvent) -> Bool {
        guard event.kind == .scalar else { return false }
        return (event.isPlainUntagged && nullWords.contains(event.text)) || event.tag == yamlTag + "null"
    }

    /// The scalar as a value of `shape`; nil when it is wrong (reported). Check `isNull` first.
    mutating func value(_ event: YAMLEvent, _ shape: Shape, _ path: ValuePath) -> Value? {
        let at = location(event)
        switch shape {
        case .text:
            let text = scalarText(event, path)
            warnOfGluedComment(event, text, path)
            return Value(.text(text), at: at)

        case .integer(let range):
            guard let n = integer(event), range.contains(n) else { return mismatch(event, shape, path) }
            return Value(.number(Double(n)), at: at)

        case .number(let minimum):
            guard let n = number(event), n.isFinite, n >= minimum else {
                // A numeral past what can be counted reads as infinite: say so, not "at least 0".
                let tooLarge = number(event).map { $0.isInfinite && $0 > 0 } ?? false
                return mismatch(event, shape, path, reason: tooLarge ? "that number is too large to count" : nil)
            }
            return Value(.number(n), at: at)

        case .date:
            // Plain or quoted, as long as the text is exactly YYYY-MM-DD and names a real day.
            guard let date = CalendarDate(iso: event.text) else {
                return mismatch(event, shape, path, reason: CalendarDate.whyNotADay(event.text))
            }
            return Value(.date(date), at: at)

        case .bool:
            guard event.isPlainUntagged || event.tag == Self.yamlTag + "bool" else { return mismatch(event, shape, path) }
            if Self.trueWords.contains(event.text) { return Value(.bool(true), at: at) }
            if Self.falseWords.contains(event.text) { return Value(.bool(false), at: at) }
            return mismatch(event, shape, path)

        case .choice(let words):
            // Case is forgiven (`Caltrans`, `AWMI`); the value is the listed word.
            guard let word = Shape.word(event.text, in: words) else {
                return mismatch(event, shape, path, suggestion: Suggestions.nearest(to: event.text, in: words))
            }
            return Value(.text(word), at: at)

        case .list(let item):
            // A single line where a list of lines is expected: the one-entry list was meant.
            guard case .text = item else { return mismatch(event, shape, path) }
            return value(event, item, path).map { Value(.list([$0]), at: at) }

        case .record(let fields):
            return mismatch(event, shape, path, reason: ScalarReader.nestingHint(event, fields, path))
        }
    }

    /// For a line of text where a mapping is expected, the likely mistake: `name:Dana` (no space
    /// after the colon) or `mentor: Dana` (the value written beside the mapping's own key).
    static func nestingHint(_ event: YAMLEvent, _ fields: [Field], _ path: ValuePath) -> String? {
        guard event.style == .plain else { return nil }
        let text = event.text
        if let colon = text.firstIndex(of: ":"), fields.contains(where: { $0.name == text[..<colon] }) {
            let value = text[text.index(after: colon)...]
            return "a key needs a space after its colon: '\(messageQuote(String(text[..<colon]))): \(messageQuote(String(value), limit: 40))'"
        }
        guard case .key(let outer)? = path.components.last, fields.contains(where: { $0.name == "name" }) else { return nil }
        return "write '\(outer):', then 'name: \(messageQuote(text, limit: 40))' indented on the line below"
    }

    /// A scalar's text as written, after the text checks (length, refused characters).
    private mutating func scalarText(_ event: YAMLEvent, _ path: ValuePath) -> String {
        var text = event.text
        if text.utf8.count > limits.maxValueLength, text.unicodeScalars.count > limits.maxValueLength,
           text.count > limits.maxValueLength {
            report(event, path, "text is \(groupedDigits(text.count)) characters long; the limit is "
                   + groupedDigits(limits.maxValueLength))
            return ""
        }
        // Raw ones were refused with the file; these came from escapes like "\x07" or "\uFFFE".
        if text.withUTF8(SourceDecoder.mayHoldRefused), let bad = text.unicodeScalars.first(where: SourceDecoder.isRefused) {
            report(event, path, "\(SourceDecoder.kindName(bad)) \(SourceDecoder.scalarName(bad)) is not allowed in text")
            return ""
        }
        return text
    }

    /// Warns when a plain text value is followed on its line by ` #word`: YAML reads a comment
    /// from there, so `name: Kate Morrison #2 in cohort` prints "Kate Morrison", which neither the
    /// writer nor a reader of the form would guess. A value over several lines is not looked at.
    private mutating func warnOfGluedComment(_ event: YAMLEvent, _ text: String, _ path: ValuePath) {
        guard event.style == .plain, !text.isEmpty, let source, source.mayHoldGluedComment(line: event.line),
              let line = source.line(event.line) else { return }
        let scalars = Substring(line).unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: event.column - 1, limitedBy: scalars.endIndex) else { return }
        let rest = Substring(scalars[start...])
        guard rest.hasPrefix(text) else { return }
        let after = rest.dropFirst(text.count)
        let gap = after.prefix { $0 == " " || $0 == "\t" }
        let comment = after.dropFirst(gap.count)
        guard !gap.isEmpty, comment.first == "#", let next = comment.dropFirst().first, !next.isWhitespace, next != "#" else { return }
        let column = event.column + text.unicodeScalars.count + gap.unicodeScalars.count
        let at = SourceLocation(file: file, line: event.line, column: column)
        diagnostics.append(Diagnostic(.warning, at: at,
            path.prefix + "text after ' #' is a comment in YAML, so '\(messageQuote(String(comment), limit: 40))' is left out and "
            + "the value reads '\(messageQuote(text, limit: 40))'; to keep it, put the whole value in quotes",
            path: path.isEmpty ? nil : path.description, sourceLine: source.excerpt(at.line, column: at.column)))
    }

    /// A whole number by the core schema; `12.0` counts, `1:30` and `0b101` do not.
    private func integer(_ event: YAMLEvent) -> Int? {
        switch numeral(event) {
        case .integer(let n): return n
        case .float(let d):
            guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else { return nil }
            return Int(d)
        case nil: return nil
        }
    }

    /// A number by the core schema, infinite or NaN included (the caller's range refuses those).
    private func number(_ event: YAMLEvent) -> Double? {
        switch numeral(event) {
        case .integer(let n): return n.map(Double.init) ?? .infinity
        case .float(let d): return d
        case nil: return nil
        }
    }

    /// The scalar as a core-schema numeral: plain with no tag, or tagged `!!int` / `!!float`.
    private func numeral(_ event: YAMLEvent) -> CoreSchema.Number? {
        guard event.style == .plain,
              event.tag == nil || event.tag == Self.yamlTag + "int" || event.tag == Self.yamlTag + "float"
        else { return nil }
        return CoreSchema.number(event.text)
    }

    // MARK: Reporting

    /// Reports "expected ..., found ..." and gives nil, so callers can `return mismatch(...)`.
    mutating func mismatch(_ event: YAMLEvent, _ shape: Shape, _ path: ValuePath,
                           suggestion: String? = nil, reason: String? = nil) -> Value? {
        var found = describe(event)
        if event.kind == .scalar, event.style == .singleQuoted || event.style == .doubleQuoted {
            switch shape {
            case .integer, .number, .bool: found += " (in quotes, so text)"
            default: break
            }
        }
        report(event, path, "expected \(shape.expectation), found \(found)" + (reason.map { ": " + $0 } ?? ""),
               suggestion: suggestion)
        return nil
    }

    mutating func report(_ event: YAMLEvent, _ path: ValuePath, _ message: String,
                         severity: Diagnostic.Severity = .error, suggestion: String? = nil) {
        let at = location(event)
        diagnostics.append(Diagnostic(severity, at: at, path.prefix + message,
                                      path: path.isEmpty ? nil : path.description, suggestion: suggestion,
                                      sourceLine: source?.excerpt(at.line, column: at.column)))
    }

    /// The problems in file order (line, then column, then as reported).
    mutating func sortDiagnostics() {
        diagnostics = diagnostics.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
    }

    func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(file: file, line: event.line, column: event.column)
    }

    /// `'2026-13-01'` for a scalar, `a list` or `a mapping` for a collection.
    func describe(_ event: YAMLEvent) -> String {
        switch event.kind {
        case .scalar: return "'\(messageQuote(event.text))'"
        case .sequenceStart: return "a list"
        case .mappingStart: return "a mapping"
        default: return "an alias"
        }
    }
}

/// Characters that show as nothing (zero-width spaces and joiners, the word joiner, the byte-order
/// mark), escaped in a message so that "2026-01-1\u{200B}5" does not read as a valid date.
private func isInvisible(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x034F, 0x180E: return true
    default: return false
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
        case _ where SourceDecoder.isRefused(scalar) || PrintedName.needsEscape(scalar) || isInvisible(scalar):
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: out.unicodeScalars.append(scalar)
        }
        count += 1
    }
    return out
}
