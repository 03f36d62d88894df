// The data a compiled template reads: every path its directives evaluate, with the names bound
// by md:repeat and md:with replaced by the paths they stand for.

extension Template {
    /// The data paths the template reads, keys joined by dots and list entries written `[]`
    /// (`goals.[].actions.[].done`); computed values appear under their own names.
    public var dataPaths: Set<String> {
        var paths = Set<String>()
        Self.collect(root, bound: [:], into: &paths)
        return paths
    }

    private static func collect(_ element: TElement, bound outer: [String: [String]], into paths: inout Set<String>) {
        var bound = outer
        if let repeatOver = element.repeatOver, let list = path(repeatOver.expression, bound, &paths) {
            bound[repeatOver.variable] = list + ["[]"]
        }
        for (name, expression) in element.with {
            if let value = path(expression, bound, &paths) { bound[name] = value }
        }
        for condition in element.conditions { _ = path(condition.expression, bound, &paths) }
        if let text = element.text { _ = path(text, bound, &paths) }
        for setter in element.setAttributes { _ = path(setter.expression, bound, &paths) }
        for case .element(let child) in element.children { collect(child, bound: bound, into: &paths) }
    }

    /// The absolute path of an expression (recorded in `paths`); nil for a repeat's `#number`.
    private static func path(_ expression: Expression, _ bound: [String: [String]], _ paths: inout Set<String>) -> [String]? {
        let base: [String]
        switch expression.root {
        case .data: base = []
        case .variable(let name): base = bound[name] ?? []
        case .number: return nil
        }
        let full = base + expression.keys.map { Int($0) == nil ? $0 : "[]" }
        if !full.isEmpty { paths.insert(full.joined(separator: ".")) }
        return full
    }
}
