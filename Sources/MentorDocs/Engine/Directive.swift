// The directive attributes and the fixed order in which they are evaluated.

/// The `md:` attributes a template may use.
enum Directive: String, CaseIterable {
    case include, `repeat`, blank, min, spare, with, `if`, unless, text, attr, block, follows

    /// Evaluation order, whatever order the attributes are written in (docs/templates.md).
    static let order: [Directive] = [.include, .repeat, .blank, .min, .spare, .with, .if, .unless, .text, .attr]
}
