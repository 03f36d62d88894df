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
    /// The source line the location points into, for the caret display.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String,
                path: String? = nil, suggestion: String? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.path = path
        self.suggestion = suggestion
        self.sourceLine = sourceLine
    }

    /// The one-line form: `file:line:col: error: message (did you mean 'x'?)`.
    public var headline: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }

    /// Headline, then the source line and a caret under the column when known.
    public var description: String {
        var text = headline
        if let sourceLine, location.column > 0 {
            let line = sourceLine.replacingTabs()
            let prefix = sourceLine.prefix(location.column - 1).replacingTabs()
            text += "\n    \(line)\n    \(String(repeating: " ", count: prefix.count))^"
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
}

extension StringProtocol {
    func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}
