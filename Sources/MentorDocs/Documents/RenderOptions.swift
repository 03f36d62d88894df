// How a document is rendered: output format, paper size and the check-in month.

/// Choices that apply to every document of one run.
public struct RenderOptions: Sendable, Hashable {
    /// Output syntax.
    public enum Format: String, Sendable, CaseIterable { case html, xhtml, pdf
        /// File extension of the format.
        public var fileExtension: String { rawValue }
    }
    /// Paper size for `@page`.
    public enum Paper: String, Sendable, CaseIterable { case letter, a4
        /// The CSS `size` keyword.
        public var cssSize: String { self == .a4 ? "A4" : "letter" }
    }

    public var format: Format
    public var paper: Paper
    /// The month the check-in reports; nil for the latest month with meetings.
    public var month: YearMonth?

    /// Creates options.
    public init(format: Format = .html, paper: Paper = .letter, month: YearMonth? = nil) {
        self.format = format
        self.paper = paper
        self.month = month
    }
}
