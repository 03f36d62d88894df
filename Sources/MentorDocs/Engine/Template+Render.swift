// Rendering a compiled template against one partnership's values. Pure Swift; values only ever
// become text nodes or attribute values.

extension Template {
    /// Renders the template; absent values leave the template's placeholder content in place.
    public func render(_ data: Value) -> XMLTree.Element {
        var out: [XMLTree.Node] = []
        RenderPass(data: data).render(root, scope: RenderScope(), into: &out)
        guard case .element(let element)? = out.first else { preconditionFailure("root renders one element") }
        return element
    }
}

/// The names bound while rendering: repeat entries (nil in blank copies), `md:with`, numbers.
struct RenderScope {
    var values: [(String, Value?)] = []
    var numbers: [(String, Int)] = []

    func value(_ name: String) -> Value?? {
        values.last { $0.0 == name }.map { $0.1 }
    }

    func number(_ name: String) -> Int? {
        numbers.last { $0.0 == name }?.1
    }
}

struct RenderPass {
    let data: Value

    func render(_ element: TElement, scope: RenderScope, into out: inout [XMLTree.Node]) {
        guard let repeatOver = element.repeatOver else {
            renderOne(element, scope: scope, into: &out)
            return
        }
        let items = evaluate(repeatOver.expression, scope: scope)?.items ?? []
        for (index, item) in items.enumerated() {
            var inner = scope
            inner.values.append((repeatOver.variable, item))
            inner.numbers.append((repeatOver.variable, index + 1))
            renderOne(element, scope: inner, into: &out)
        }
        // Empty copies (md:blank, md:min, md:spare): every item.* absent, numbered on from the data.
        let empty = repeatOver.slots.emptyCopies(after: items.count, blank: repeatOver.blank)
        for number in stride(from: items.count + 1, through: items.count + empty, by: 1) {
            var inner = scope
            inner.values.append((repeatOver.variable, nil))
            inner.numbers.append((repeatOver.variable, number))
            renderOne(element, scope: inner, into: &out)
        }
    }

    func renderOne(_ element: TElement, scope outer: RenderScope, into out: inout [XMLTree.Node]) {
        var scope = outer
        for (name, expression) in element.with {
            scope.values.append((name, evaluate(expression, scope: scope)))
        }
        for condition in element.conditions where !holds(condition, scope: scope) { return }
        var attributes = element.attributes
        for (attribute, expression) in element.setAttributes {
            guard let text = evaluate(expression, scope: scope)?.renderedText, !text.isEmpty else { continue }
            attributes.removeAll { $0.name == attribute.name && $0.prefix == attribute.prefix }
            var set = attribute
            set.value = text
            attributes.append(set)
        }
        var children: [XMLTree.Node] = []
        if let expression = element.text, let text = evaluate(expression, scope: scope)?.renderedText,
           !text.allSatisfy(\.isWhitespace) {
            children = [.text(text)]
        } else {
            children.reserveCapacity(element.children.count)
            for child in element.children {
                switch child {
                case .fixed(let node): children.append(node)
                case .element(let e): render(e, scope: scope, into: &children)
                }
            }
        }
        out.append(.element(XMLTree.Element(name: element.name, attributes: attributes, children: children, source: element.source)))
    }

    func holds(_ condition: Condition, scope: RenderScope) -> Bool {
        let value = evaluate(condition.expression, scope: scope)
        let result: Bool
        switch condition.test {
        case .present: result = value.map { !$0.isEmpty } ?? false
        case .equals(let literal): result = value?.renderedText == literal
        case .differs(let literal): result = value?.renderedText != literal
        }
        return result != condition.negated
    }

    func evaluate(_ expression: Expression, scope: RenderScope) -> Value? {
        var value: Value?
        switch expression.root {
        case .data: value = data.lookup(expression.keys)
        case .variable(let name): value = scope.value(name).flatMap { $0 }?.lookup(expression.keys)
        case .number(let name): value = scope.number(name).map { .number(Double($0)) }
        }
        for (formatter, argument) in expression.formatters {
            guard let current = value else { return nil }
            value = formatter.apply(current, argument: argument)
        }
        return value
    }
}
