// A compiled template: the XHTML tree with its directives parsed and checked, ready to render
// any number of times from any thread.

/// A template whose directives are parsed, checked against the participant format, and
/// whose includes are resolved. Immutable and safe to share between threads.
public struct Template: Sendable {
    /// The file the template was read from.
    public let file: String
    /// The handbook form this template follows (`md:follows`), if it says.
    public let follows: String?
    /// The text of the template's `<title>`, for running headers.
    public let title: String?
    let root: TElement
    /// The directive-free subtrees `TNode.fixed` numbers.
    let fixed: FixedNodes

    /// The namespace of template directives.
    public static let namespace = "urn:mentordocs:template"
}

/// A node of a compiled template.
enum TNode: Sendable {
    /// Output exactly as written: no directive inside; numbered in `Template.fixed` (-1 while compiling).
    case fixed(XMLTree.Node, Int)
    case element(TElement)
}

/// An element with directives (or with descendants that have some).
final class TElement: Sendable {
    let name: String
    let attributes: [XMLTree.Attribute]
    let children: [TNode]
    let source: SourceLocation
    let repeatOver: Repeat?
    let with: [(String, Expression)]
    let conditions: [Condition]
    let text: Expression?
    let setAttributes: [AttributeSetter]
    /// Elements and texts, and characters, that each copy adds besides what its directives
    /// fill: counted once here, charged against `TemplateLimits` at every copy.
    let fixedWeight: RenderWeight

    struct Repeat: Sendable {
        var variable: String
        var expression: Expression
        var blank: Int
        /// Empty copies: the list shows at least `slots.min` entries, and `slots.spare` empty ones
        /// after the data (`md:min`, `md:spare`).
        var slots = Slots()
    }

    /// The fixed slots of a repeat (`md:min`, `md:spare`); zero when not written.
    struct Slots: Sendable {
        var min = 0
        var spare = 0

        /// How many empty copies follow `count` entries of data (an empty list also gets `blank`).
        func emptyCopies(after count: Int, blank: Int) -> Int {
            let total = Swift.max(min, count + spare, count == 0 ? blank : 0)
            return total - count
        }
    }

    init(name: String, attributes: [XMLTree.Attribute], children: [TNode], source: SourceLocation,
         repeatOver: Repeat?, with: [(String, Expression)], conditions: [Condition], text: Expression?,
         setAttributes: [AttributeSetter]) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.source = source
        self.repeatOver = repeatOver
        self.with = with
        self.conditions = conditions
        self.text = text
        self.setAttributes = setAttributes
        var weight = RenderWeight(nodes: 1, bytes: attributes.reduce(0) { $0 + $1.value.utf8.count })
        for case .fixed(let node, _) in children { weight.add(RenderWeight(node)) }
        self.fixedWeight = weight
    }

    /// This element with its fixed children numbered in document order, appended to `table`.
    func numbered(into table: inout [XMLTree.Node]) -> TElement {
        let children = children.map { child -> TNode in
            switch child {
            case .fixed(let node, _):
                table.append(node)
                return .fixed(node, table.count - 1)
            case .element(let element):
                return .element(element.numbered(into: &table))
            }
        }
        return TElement(name: name, attributes: attributes, children: children, source: source, repeatOver: repeatOver,
                        with: with, conditions: conditions, text: text, setAttributes: setAttributes)
    }
}

/// Finds the block an `md:include` names: `file#block` for the template being compiled.
protocol IncludeResolver {
    /// The element marked `md:block="block"` in template file `file`, and that file's text.
    func block(file: String, block: String) throws -> (XMLTree.Element, SourceText)
}
