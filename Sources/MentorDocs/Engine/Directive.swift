// The directive attributes and the fixed order in which they are evaluated.

/// The `md:` attributes a template may use.
enum Directive: String, CaseIterable {
    case include, `repeat`, blank, min, spare, with, `if`, unless, text, attr, block, follows

    /// Evaluation order, whatever order the attributes are written in (docs/templates.md).
    static let order: [Directive] = [.include, .repeat, .blank, .min, .spare, .with, .if, .unless, .text, .attr]
}

/// An element's directive attributes and their values. Keyed by the name's text: a dictionary
/// keyed by `Directive` made the runtime search every conformance for its `Hashable` on first use.
struct DirectiveValues {
    private var values: [String: String] = [:]

    /// The value written for `directive`, if the element has it.
    subscript(_ directive: Directive) -> String? {
        get { values[directive.rawValue] }
        set { values[directive.rawValue] = newValue }
    }
}
