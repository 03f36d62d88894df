// Where a render goes: the engine walks a compiled template once and tells a sink what the
// document holds, so the output layer can build its own tree directly (libxml2 in XML/) and
// tests can still get Swift values (`XMLTreeSink`).

/// Receives one rendered document in document order; every `open` is matched by a `close`.
protocol RenderSink {
    /// An element starts, with all its attributes; `source` is where the template wrote it.
    mutating func open(_ name: String, attributes: [XMLTree.Attribute], source: SourceLocation)
    /// A filled value, as text (never markup).
    mutating func text(_ text: String)
    /// The template's fixed subtree `index` (see `FixedNodes`), output exactly as written.
    mutating func fixed(_ index: Int)
    /// The innermost open element ends.
    mutating func close()
}

/// A sink that collects the document as an `XMLTree.Element`.
struct XMLTreeSink: RenderSink {
    /// The template's fixed subtrees, by number.
    let fixed: [XMLTree.Node]
    private var open: [XMLTree.Element] = []
    /// The rendered root, once it is closed.
    private(set) var root: XMLTree.Element?

    init(fixed: [XMLTree.Node]) { self.fixed = fixed }

    mutating func open(_ name: String, attributes: [XMLTree.Attribute], source: SourceLocation) {
        open.append(XMLTree.Element(name: name, attributes: attributes, source: source))
    }

    mutating func text(_ text: String) { open[open.count - 1].children.append(.text(text)) }

    mutating func fixed(_ index: Int) { open[open.count - 1].children.append(fixed[index]) }

    mutating func close() {
        let element = open.removeLast()
        if open.isEmpty { root = element } else { open[open.count - 1].children.append(.element(element)) }
    }
}

/// A template's directive-free subtrees, numbered in document order when it compiles, so an
/// output layer can prepare each once (a parsed prototype) and copy it into every document.
final class FixedNodes: Sendable {
    let nodes: [XMLTree.Node]
    /// What an output layer prepared from `nodes`, kept as long as the template.
    private let slot = Locked<AnyObject?>(nil)

    init(_ nodes: [XMLTree.Node]) { self.nodes = nodes }

    /// The output layer's form of these nodes, made by `make` on first use (by one thread).
    func prepared<T: AnyObject & Sendable>(_ make: ([XMLTree.Node]) -> T) -> T {
        slot.withLock { slot in
            if let made = slot as? T { return made }
            let made = make(nodes)
            slot = made
            return made
        }
    }
}
