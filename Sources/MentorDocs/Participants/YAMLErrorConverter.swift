// Turns libyaml's syntax errors into located diagnostics that say what to change, not how
// libyaml failed.
import Foundation

/// Converts a `YAMLSyntaxError` into one diagnostic.
enum YAMLErrorConverter {
    static func diagnostic(for error: YAMLSyntaxError, file: String, text: String, source: SourceText) -> Diagnostic {
        func at(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            Diagnostic(at: SourceLocation(file: file, line: line, column: column), message,
                       sourceLine: source.excerpt(line, column: column))
        }
        switch error.stage {
        case .memory:
            return at(0, 0, "out of memory while reading YAML")
        case .reader:
            let position = TextPosition.end(of: String(decoding: text.utf8.prefix(error.offset), as: UTF8.self))
            return at(position.line, position.column, "cannot read the file as YAML: \(error.problem)")
        case .scanner, .parser:
            return syntax(error, source: source, at: at)
        }
    }

    private static func syntax(_ error: YAMLSyntaxError, source: SourceText,
                               at: (Int, Int, String) -> Diagnostic) -> Diagnostic {
        let contextLine = error.context == nil ? 0 : error.contextLine
        // libyaml's words for a tab in indentation vary with where it sits; look at the lines instead.
        for line in [error.line, error.line - 1, contextLine] where line >= 1 {
            if let text = source.line(line), let tab = indentationTab(in: text) {
                return at(line, tab, "tab character used for indentation; YAML allows only spaces "
                          + "for indentation, so indent with spaces")
            }
        }
        // A key indented off its neighbours: libyaml's words name the symptom, not the line to move.
        if let hint = indentationHint(error, source: source) { return at(error.line, hint.column, hint.message) }
        var message = "YAML syntax error: \(error.problem)"
        if let context = error.context {
            message += " (\(context) at line \(error.contextLine), column \(error.contextColumn))"
        }
        if error.problem == "mapping values are not allowed in this context" {
            message += "; put text that contains ': ' in quotes"
        }
        return at(error.line, error.column, message)
    }

    /// A line of `key: value` whose indentation lines up with no key above it, said as that:
    /// one space more than the key above makes YAML read the line as more of that key's value
    /// ("mapping values are not allowed"); fewer spaces than the keys above, but more than
    /// the key holding them, leaves it in no mapping ("did not find expected key").
    static func indentationHint(_ error: YAMLSyntaxError, source: SourceText) -> (column: Int, message: String)? {
        guard let text = source.line(error.line), let key = keyLine(text) else { return nil }
        var above: [(line: Int, indent: Int, key: String?)] = []
        var number = error.line - 1
        while number >= 1, above.count < 200, let line = source.line(number) {
            let trimmed = line.drop { $0 == " " }
            if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                above.append((number, line.count - trimmed.count, keyLine(line)?.key))
                if line.count - trimmed.count < key.indent { break }
            }
            number -= 1
        }
        guard let previous = above.first, let previousKey = previous.key else { return nil }
        let spaces = { (n: Int) in n == 1 ? "1 space" : "\(n) spaces" }
        if error.problem == "mapping values are not allowed in this context", error.column == key.colon,
           previous.indent < key.indent, let value = source.line(previous.line).flatMap(keyLine)?.value, !value.isEmpty {
            return (key.indent + 1, "'\(key.key):' is indented by \(spaces(key.indent)), more than '\(previousKey):' on line \(previous.line) "
                    + "(\(spaces(previous.indent))), so YAML reads this line as more of the value of '\(previousKey)'; "
                    + "line '\(key.key):' up with '\(previousKey):' (\(spaces(previous.indent)))")
        }
        if error.problem == "did not find expected key", previous.indent > key.indent,
           let holder = above.first(where: { $0.indent < key.indent }), let holderKey = holder.key {
            return (key.indent + 1, "'\(key.key):' is indented by \(spaces(key.indent)), which lines up with no key above it: "
                    + "'\(previousKey):' on line \(previous.line) is indented by \(spaces(previous.indent)), '\(holderKey):' on line "
                    + "\(holder.line) by \(spaces(holder.indent)); indent it by \(previous.indent) to put it beside '\(previousKey):', "
                    + "or by \(holder.indent) to put it beside '\(holderKey):'")
        }
        return nil
    }

    /// A line `  key: value` (or `key:`): its indentation, its key, the 1-based column of its
    /// colon and the value after it; nil for any other line (a list entry, a continued text).
    static func keyLine(_ line: String) -> (indent: Int, key: String, colon: Int, value: String)? {
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        let start = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "-" { i += 1 }
        guard i > start, i < chars.count, chars[i] == ":", i + 1 == chars.count || chars[i + 1] == " " else { return nil }
        let value = String(chars[(i + 1)...]).trimmingCharacters(in: .whitespaces)
        return (start, String(chars[start..<i]), i + 1, value.hasPrefix("#") ? "" : value)
    }

    /// The 1-based column of a tab among a line's leading whitespace.
    static func indentationTab(in line: String) -> Int? {
        var column = 1
        for scalar in line.unicodeScalars {
            if scalar == "\t" { return column }
            if scalar != " " { return nil }
            column += 1
        }
        return nil
    }
}
