// Turns libyaml's syntax errors into located diagnostics that say what to change, not how
// libyaml failed.

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
        var message = "YAML syntax error: \(error.problem)"
        if let context = error.context {
            message += " (\(context) at line \(error.contextLine), column \(error.contextColumn))"
        }
        if error.problem == "mapping values are not allowed in this context" {
            message += "; put text that contains ': ' in quotes"
        }
        return at(error.line, error.column, message)
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
