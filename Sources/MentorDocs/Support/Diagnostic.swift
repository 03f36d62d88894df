// A located problem, printed compiler-style with the source line and a caret.
import Foundation

/// A problem found in a participant file, roster or template, with where it is.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops the input from being used.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// The key path (`goals[1].actions[0].done`) or template expression concerned, if any.
    public var path: String?
    /// The nearest valid name for a misspelling, if any.
    public var suggestion: String?
    /// The alias or merge key the value was read through, when it is written elsewhere (at an
    /// anchor that several places name): "the alias *usual at line 11, column 5".
    public var reachedThrough: String?
    /// The source line the location points into, for the caret display: a window of it around
    /// the column when the line is long (see SourceExcerpt).
    public var sourceLine: String?
    /// The caret's 1-based column within `sourceLine`, when the window does not start the line.
    public var sourceColumn: Int?

    /// Creates a diagnostic; a long `sourceLine` is cut to a window around the column.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String,
                path: String? = nil, suggestion: String? = nil, sourceLine: String? = nil) {
        self.init(severity, at: location, message, path: path, suggestion: suggestion,
                  sourceLine: sourceLine.map { SourceExcerpt(line: $0, column: location.column) })
    }

    /// Creates a diagnostic quoting a window of its source line (`SourceText.excerpt`).
    init(_ severity: Severity = .error, at location: SourceLocation, _ message: String,
                path: String? = nil, suggestion: String? = nil, sourceLine excerpt: SourceExcerpt?) {
        self.severity = severity
        self.location = location
        self.message = message
        self.path = path
        self.suggestion = suggestion
        self.sourceLine = excerpt?.text
        if let excerpt, excerpt.column != location.column { sourceColumn = excerpt.column }
    }

    /// The one-line form: `file:line:col: error: message (did you mean 'x'?)`, then what it was reached through.
    public var headline: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        if let reachedThrough { text += "; reached through \(reachedThrough)" }
        return text
    }

    /// Headline, then the source line and a caret under the column when known.
    public var description: String {
        var text = headline
        let column = sourceColumn ?? location.column
        if let sourceLine, column > 0 {
            let line = sourceLine.replacingTabs()
            // One space per character shown before the column (columns count Unicode scalars).
            let prefix = String(String.UnicodeScalarView(sourceLine.unicodeScalars.prefix(column - 1))).count
            text += "\n    \(line)\n    \(String(repeating: " ", count: prefix))^"
        }
        return text
    }
}

/// Several diagnostics from one input, thrown together so none is lost.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Creates a list.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// Every diagnostic, one after the other.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    /// Whether any of them is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The first `limit` of `diagnostics`, then one line counting the rest, said at the last of
    /// them (an error when any of them is one, so the outcome stays the same): a file of 380,000
    /// unknown keys is told so in a hundred lines, in the terminal and on its manifest entries.
    static func listed(_ diagnostics: [Diagnostic], limit: Int) -> [Diagnostic] {
        guard diagnostics.count > limit, let last = diagnostics.last else { return diagnostics }
        let rest = diagnostics.dropFirst(limit)
        let errors = rest.count { $0.severity == .error }
        let what = errors == 0 ? "\(rest.count) more warnings" : errors == rest.count ? "\(rest.count) more errors"
            : "\(rest.count) more problems (\(errors) \(errors == 1 ? "error" : "errors"), \(rest.count - errors) \(rest.count - errors == 1 ? "warning" : "warnings"))"
        return Array(diagnostics.prefix(limit)) + [Diagnostic(errors > 0 ? .error : .warning, at: last.location,
            "\(what) of this partnership are not listed, the last of them here; fix those above and check again")]
    }
}

extension StringProtocol {
    func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}
