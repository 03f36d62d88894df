// Writing the fingerprints into a rendered tree's head as `<meta name=".." content=".."/>`.

extension XMLTree.Element {
    /// Appends one `meta` element per pair to the `head` child (valid in XHTML 1.0 Strict).
    mutating func addMetadata(_ pairs: [(String, String)]) {
        guard let index = children.firstIndex(where: { if case .element(let e) = $0 { return e.name == "head" }; return false }),
              case .element(var head) = children[index] else { return }
        // Before the head's closing line break, one per line.
        var closing: XMLTree.Node?
        if case .text(let text) = head.children.last, text.allSatisfy(\.isWhitespace) { closing = head.children.removeLast() }
        for (name, content) in pairs {
            head.children.append(.text("\n"))
            head.children.append(.element(XMLTree.Element(
                name: "meta", attributes: [XMLTree.Attribute(name: "name", value: name), XMLTree.Attribute(name: "content", value: content)],
                source: head.source)))
        }
        head.children.append(closing ?? .text("\n"))
        children[index] = .element(head)
    }
}
