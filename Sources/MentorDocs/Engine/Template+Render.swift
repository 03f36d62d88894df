// Rendering a compiled template against one partnership's values. Pure Swift; values only ever
// become text nodes or attribute values, told to a `RenderSink` in document order.

extension Template {
    /// Renders the template; absent values leave the template's placeholder content in place.
    /// Throws a located error when a formatter refuses a value or the document grows past
    /// `TemplateLimits`.
    func render(_ data: Value) throws(DiagnosticList) -> XMLTree.Element {
        var sink = XMLTreeSink(fixed: fixed.nodes)
        try render(data, into: &sink)
        guard let root = sink.root else { preconditionFailure("root renders one element") }
        return root
    }

    /// Renders the template into `sink`; on a throw the sink holds a partial document. `top`:
    /// records that stand in for the keys of `data` they name.
    func render<Sink: RenderSink>(_ data: Value, over top: [(String, Value)] = [], into sink: inout Sink) throws(DiagnosticList) {
        do throws(Diagnostic) {
            try RenderPass(data: data, top: top).render(root, scope: RenderScope(), into: &sink)
        } catch {
            throw DiagnosticList([error])
        }
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
    /// Top-level keys laid over `data` (a document's own `print` record), looked up first.
    var top: [(String, Value)] = []
    let budget = RenderBudget()

    func render<Sink: RenderSink>(_ element: TElement, scope: RenderScope, into out: inout Sink) throws(Diagnostic) {
        // Tested before it is bound: binding copies the repeat, and most elements have none.
        guard element.repeatOver != nil, let repeatOver = element.repeatOver else {
            try renderOne(element, scope: scope, into: &out)
            return
        }
        let list = try evaluate(repeatOver.expression, scope: scope)
        let items = list?.items ?? []
        for (index, item) in items.enumerated() {
            var inner = scope
            inner.values.append((repeatOver.variable, item))
            inner.numbers.append((repeatOver.variable, index + 1))
            do {
                try renderOne(element, scope: inner, into: &out)
                try budget.check(repeatOver.expression)
            } catch {
                throw budget.blame(error, on: list, of: repeatOver.expression, count: items.count)
            }
        }
        // Empty copies (md:blank, md:min, md:spare): every item.* absent, numbered on from the data.
        let empty = repeatOver.slots.emptyCopies(after: items.count, blank: repeatOver.blank)
        for number in stride(from: items.count + 1, through: items.count + empty, by: 1) {
            var inner = scope
            inner.values.append((repeatOver.variable, nil))
            inner.numbers.append((repeatOver.variable, number))
            try renderOne(element, scope: inner, into: &out)
            try budget.check(repeatOver.expression)
        }
    }

    func renderOne<Sink: RenderSink>(_ element: TElement, scope outer: RenderScope, into out: inout Sink) throws(Diagnostic) {
        var scope = outer
        for (name, expression) in element.with {
            scope.values.append((name, try evaluate(expression, scope: scope)))
        }
        for condition in element.conditions {
            if !(try holds(condition, scope: scope)) { return }
        }
        budget.used.add(element.fixedWeight)
        var attributes = element.attributes
        for setter in element.setAttributes {
            guard let text = try evaluate(setter.expression, scope: scope)?.renderedText, !text.isEmpty else { continue }
            attributes.removeAll { $0.name == setter.attribute.name && $0.prefix == setter.attribute.prefix }
            var set = setter.attribute
            // A fixed URL start keeps its scheme: the value cannot add one, nor end the path.
            set.value = setter.urlPrefix.map { $0 + TemplateSafety.percentEncoded(text) } ?? text
            budget.used.add(RenderWeight(bytes: set.value.utf8.count))
            attributes.append(set)
        }
        if let expression = element.text, let text = try evaluate(expression, scope: scope)?.renderedText,
           !text.isBlank {
            budget.used.add(RenderWeight(nodes: 1, bytes: text.utf8.count))
            out.open(element.name, attributes: attributes, source: element.source)
            out.text(text)
        } else {
            out.open(element.name, attributes: attributes, source: element.source)
            // By index, binding only what is used: a fixed child's tree is not copied on the way.
            for i in element.children.indices {
                switch element.children[i] {
                case .fixed(_, let index): out.fixed(index)
                case .element(let e): try render(e, scope: scope, into: &out)
                }
            }
        }
        out.close()
    }

    func holds(_ condition: Condition, scope: RenderScope) throws(Diagnostic) -> Bool {
        let value = try evaluate(condition.expression, scope: scope)
        let result: Bool
        switch condition.test {
        case .present: result = value.map { !$0.isEmpty } ?? false
        case .equals(let literal): result = value?.renderedText == literal
        case .differs(let literal): result = value?.renderedText != literal
        }
        return result != condition.negated
    }

    func evaluate(_ expression: Expression, scope: RenderScope) throws(Diagnostic) -> Value? {
        var value: Value?
        switch expression.root {
        case .data:
            if !top.isEmpty, let first = expression.keys.first, let laid = top.first(where: { $0.0 == first }) {
                value = laid.1.lookup(expression.keys.dropFirst())
            } else {
                value = data.lookup(expression.keys)
            }
        case .variable(let name): value = scope.value(name).flatMap { $0 }?.lookup(expression.keys)
        case .number(let name): value = scope.number(name).map { .number(Double($0)) }
        }
        for (formatter, argument) in expression.formatters {
            guard let current = value else { return nil }
            if let problem = formatter.problem(with: current) { throw expression.error(problem) }
            value = formatter.apply(current, argument: argument)
        }
        return value
    }
}

extension Expression {
    /// An error met while rendering, located at the directive the expression was written in.
    func error(_ message: String) -> Diagnostic {
        var diagnostic = origin?.diagnostic() ?? Diagnostic(at: SourceLocation(file: "template", line: 0, column: 0), "")
        diagnostic.message = message
        diagnostic.path = source
        diagnostic.suggestion = nil
        return diagnostic
    }
}
