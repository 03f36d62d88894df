// The limits that make every template finish in bounded time and memory, whatever its data.

/// The bounds that make every template finish: checked when it loads where the template alone
/// decides, and while rendering where the data does.
enum TemplateLimits {
    /// How deep includes may nest (an include inside an included block counts one more).
    static let includeDepth = 16
    /// The most blank rows one `md:blank` may ask for.
    static let blankRows = 200
    /// The most elements and texts in one template once its includes are expanded (the largest
    /// bundled form has a few hundred).
    static let templateNodes = 50_000
    /// The most elements and texts in one rendered document (and in the blank form).
    static let nodes = 500_000
    /// The most characters (UTF-8 bytes) of text and attribute values in one rendered document.
    static let bytes = 32 << 20
    /// The largest number `| letter` turns into letters (every Double up to it is exact).
    static let letterMaximum = 1_000_000_000_000_000
}
