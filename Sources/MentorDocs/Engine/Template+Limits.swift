// The blank form's size, known when the template loads: nested `md:blank` rows multiply, and a
// form that would pass `TemplateLimits` blank is refused then, not when it is rendered.

extension TemplateCompiler {
    /// Reports the innermost element whose blank copies take the blank form past the limits.
    mutating func checkBlankForm(_ node: TNode) {
        _ = blankWeight(node)
    }

    /// The weight of `node` rendered blank, and whether a problem was already reported inside it.
    private mutating func blankWeight(_ node: TNode) -> (RenderWeight, reported: Bool) {
        guard case .element(let element) = node else {
            if case .fixed(let fixed) = node { return (RenderWeight(fixed), false) }
            return (RenderWeight(), false)
        }
        var one = element.fixedWeight
        var reported = false
        for case .element(let child) in element.children {
            let (weight, inner) = blankWeight(.element(child))
            one.add(weight)
            reported = reported || inner
        }
        let copies = element.repeatOver.map { $0.slots.emptyCopies(after: 0, blank: $0.blank) } ?? 1
        let total = one.times(copies)
        if !reported, let excess = total.excess {
            let message = element.repeatOver == nil
                ? "the blank form holds \(excess), the limit of one rendered document"
                : "md:blank=\"\(copies)\" here makes the blank form hold \(excess) (\(copies) copies of \(one.nodes) elements and texts), the limit of one rendered document"
            problems.append(diagnostic(at: element.source, element.repeatOver == nil ? "" : "blank", message))
            reported = true
        }
        return (total, reported)
    }
}
