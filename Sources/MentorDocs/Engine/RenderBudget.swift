// Counting what one rendered document holds, so that no template and no data can make a render
// exhaust memory: every copy is charged, and the innermost repeat stops the render when over.

/// Elements and texts, and characters (UTF-8 bytes) of text and attribute values.
struct RenderWeight: Sendable {
    var nodes = 0
    var bytes = 0

    init(nodes: Int = 0, bytes: Int = 0) {
        self.nodes = nodes
        self.bytes = bytes
    }

    /// The weight of a fixed subtree.
    init(_ node: XMLTree.Node) {
        switch node {
        case .text(let text):
            self.init(nodes: 1, bytes: text.utf8.count)
        case .element(let element):
            self.init(nodes: 1, bytes: element.attributes.reduce(0) { $0 + $1.value.utf8.count })
            for child in element.children { add(RenderWeight(child)) }
        }
    }

    /// Adds `other`, saturating rather than overflowing.
    mutating func add(_ other: RenderWeight) {
        nodes = nodes.addingReportingOverflow(other.nodes).overflow ? .max : nodes + other.nodes
        bytes = bytes.addingReportingOverflow(other.bytes).overflow ? .max : bytes + other.bytes
    }

    /// `count` copies of this weight, saturating.
    func times(_ count: Int) -> RenderWeight {
        let n = nodes.multipliedReportingOverflow(by: count), b = bytes.multipliedReportingOverflow(by: count)
        return RenderWeight(nodes: n.overflow ? .max : n.partialValue, bytes: b.overflow ? .max : b.partialValue)
    }

    /// What is over `TemplateLimits`, said for an error message; nil when within them.
    var excess: String? {
        if nodes > TemplateLimits.nodes { return "more than \(TemplateLimits.nodes) elements and texts" }
        if bytes > TemplateLimits.bytes { return "more than \(TemplateLimits.bytes >> 20) MB of text" }
        return nil
    }
}

/// What one render has produced so far.
final class RenderBudget {
    var used = RenderWeight()

    /// Stops the render, located at the repeat that made it too large, once over the limits.
    func check(_ repeatOver: Expression) throws(Diagnostic) {
        if let excess = used.excess {
            throw repeatOver.error("this md:repeat makes the document hold \(excess), the limit of one rendered document")
        }
    }

    /// A limit passed while repeating over a list the participant file holds is said at that
    /// list, in the file's own terms (each enclosing such repeat takes it over, so the outermost
    /// list is named): the file is what its author can change, not the template.
    func blame(_ error: Diagnostic, on list: Value?, of repeatOver: Expression, count: Int) -> Diagnostic {
        guard let excess = used.excess, let location = list?.location, repeatOver.root == .data else { return error }
        let path = repeatOver.keys.joined(separator: ".")
        return Diagnostic(at: location, "\(path): its \(count) entries make the document hold \(excess), the limit of one rendered document; "
                            + "put fewer in one partnership's file", path: path)
    }
}
