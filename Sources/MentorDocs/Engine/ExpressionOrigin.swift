// Where an expression was written, located only when an error needs it: finding the directive's
// line and quoting it split the template into lines for every expression of every compile.

/// The directive an expression was written in; `diagnostic()` locates it when a render fails.
struct ExpressionOrigin: Sendable {
    /// The element's position as the parser gave it (line, no column).
    var site: SourceLocation
    /// The directive's name (`text`, `attr`...), searched for as `md:name=` from `site` on.
    var directive: String
    /// The directive's whole value, shown as the diagnostic's path.
    var expression: String?
    /// The text of the file the element is in, if the compiler has it.
    var text: SourceText?

    /// The empty diagnostic at the directive, as the compiler's `diagnostic(at:_:_:)` would make it.
    func diagnostic() -> Diagnostic {
        TemplateDiagnostics.diagnostic(at: site, in: text, directive, "", expression: expression)
    }
}

/// Builds a template's located diagnostics.
enum TemplateDiagnostics {
    /// A diagnostic at the directive attribute `md:directive` written from `source` on, in `text`.
    static func diagnostic(at source: SourceLocation, in text: SourceText?, _ directive: String, _ message: String,
                           expression: String? = nil, suggestion: String? = nil) -> Diagnostic {
        var location = source
        if let found = text?.find("md:\(directive)=", from: location.line) {
            location.line = found.line
            location.column = found.column
        }
        return Diagnostic(at: location, message, path: expression, suggestion: suggestion,
                          sourceLine: text?.line(location.line))
    }
}
