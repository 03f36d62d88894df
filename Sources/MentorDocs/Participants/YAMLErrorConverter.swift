// Turns Yams' errors into located diagnostics that say what to change, not how libyaml failed.
import Foundation
import Yams

/// Converts a `YamlError` (or any error from reading YAML) into one diagnostic.
enum YAMLErrorConverter {
    static func diagnostic(for error: Error, file: String, source: SourceText,
                           limits: ParticipantLoader.Limits) -> Diagnostic {
        func at(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            Diagnostic(at: SourceLocation(file: file, line: line, column: column), message,
                       sourceLine: source.excerpt(line, column: column))
        }
        guard let error = error as? YamlError else {
            return at(0, 0, "cannot read YAML: \(error)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return syntax(context: context, problem: problem, mark: mark, source: source, limits: limits, at: at)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = context.mark
            // Yams points at the first occurrence; the mistake is the later one, so look for it.
            if let second = laterKey(key, after: first, in: source) {
                return at(second.line, second.column,
                          "duplicate key '\(key)': it is already set at line \(first.line), column \(first.column)")
            }
            return at(first.line, first.column, "duplicate key '\(key)': it appears more than once in one mapping")
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { TextPosition.end(of: String(yaml.prefix($0))) } ?? (line: 0, column: 0)
            return at(position.line, position.column, "cannot read the file as YAML: \(problem)")
        case .memory:
            return at(0, 0, "out of memory while reading YAML")
        default:
            return at(0, 0, "cannot read YAML: \(error)")
        }
    }

    private static func syntax(context: YamlError.Context?, problem: String, mark: Mark, source: SourceText,
                               limits: ParticipantLoader.Limits,
                               at: (Int, Int, String) -> Diagnostic) -> Diagnostic {
        if problem.contains("Maximum nesting level") {
            return at(mark.line, mark.column, "nested more than \(limits.maxDepth) levels deep")
        }
        // libyaml's words for a tab in indentation vary with where it sits; look at the lines instead.
        for line in [mark.line, mark.line - 1, context?.mark.line ?? 0] where line >= 1 {
            if let text = source.line(line), let tab = indentationTab(in: text) {
                return at(line, tab, "tab character used for indentation; YAML allows only spaces "
                          + "for indentation, so indent with spaces")
            }
        }
        if problem == "found undefined alias" {
            let name = source.line(mark.line).map { aliasName(in: $0, column: mark.column) } ?? ""
            return at(mark.line, mark.column, "alias '*\(name)' refers to no anchor defined before it")
        }
        var message = "YAML syntax error: \(problem)"
        if let context {
            message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        if problem == "mapping values are not allowed in this context" {
            message += "; put text that contains ': ' in quotes"
        }
        return at(mark.line, mark.column, message)
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

    private static func aliasName(in line: String, column: Int) -> String {
        let scalars = Array(line.unicodeScalars.dropFirst(column))
        return String(String.UnicodeScalarView(scalars.prefix { !" \t,[]{}".unicodeScalars.contains($0) }))
    }

    /// Where `key` is written again below `first`, at the same column of the same block mapping,
    /// or later on the same line for a flow mapping.
    static func laterKey(_ key: String, after first: Mark, in source: SourceText) -> (line: Int, column: Int)? {
        guard first.line >= 1, first.line <= source.lines.count else { return nil }
        let candidates = [key, "'\(key)'", "\"\(key)\""].map { Array($0.unicodeScalars) }
        func keyStarts(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
            candidates.contains { candidate in
                text.starts(with: candidate)
                    && text.dropFirst(candidate.count).drop(while: { $0 == " " }).first == ":"
            }
        }
        // Flow mapping on one line: the same key later on that line, after a '{' or ','.
        let scalars = Array(source.lines[first.line - 1].unicodeScalars)
        var lastNonSpace = scalars.indices.contains(first.column - 1) ? scalars[first.column - 1] : " "
        for index in scalars.indices.dropFirst(first.column) where scalars[index] != " " {
            if lastNonSpace == "{" || lastNonSpace == ",", keyStarts(scalars[index...]) {
                return (first.line, index + 1)
            }
            lastNonSpace = scalars[index]
        }
        // Block mapping: the next line at the same indentation that starts with the key.
        var number = first.line + 1
        while number <= source.lines.count {
            let text = Array(source.lines[number - 1].unicodeScalars)
            let indent = text.prefix { $0 == " " }.count
            let content = text[indent...]
            if content.isEmpty || content.first == "#" { number += 1; continue }
            if indent + 1 < first.column { return nil }
            if indent + 1 == first.column, keyStarts(content) { return (number, first.column) }
            number += 1
        }
        return nil
    }
}
