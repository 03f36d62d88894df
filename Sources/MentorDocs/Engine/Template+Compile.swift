// Turning a parsed template into a `Template`: resolve includes, parse and check every directive,
// and fold directive-free subtrees into fixed output. Every mistake is a located diagnostic.

extension Template {
    /// Compiles a parsed template; all mistakes are reported together.
    static func compile(_ root: XMLTree.Element, source: SourceText,
                               resolver: some IncludeResolver) throws(DiagnosticList) -> Template {
        var compiler = TemplateCompiler(resolver: resolver)
        compiler.sources[root.source.file] = source
        let expanded = compiler.expandIncludes(root, stack: [])
        if compiler.expansionTooLarge { throw DiagnosticList(compiler.problems) }
        let follows = expanded.attributes.first { $0.namespace == Template.namespace && $0.name == "follows" }?.value
        let node = compiler.compile(expanded, scope: CompileScope())
        if compiler.problems.isEmpty { compiler.checkBlankForm(node) }
        if !compiler.problems.isEmpty { throw DiagnosticList(compiler.problems) }
        let element: TElement
        switch node {
        case .element(let e) where e.repeatOver == nil && e.conditions.isEmpty: element = e
        case .element:
            throw DiagnosticList([Diagnostic(at: root.source, "the root element cannot repeat or be conditional")])
        case .fixed(let fixed, _):
            guard case .element(let e) = fixed else { preconditionFailure("root is an element") }
            element = TElement(name: e.name, attributes: e.attributes, children: e.children.map { .fixed($0, -1) },
                               source: e.source, repeatOver: nil, with: [], conditions: [], text: nil, setAttributes: [])
        }
        var fixed: [XMLTree.Node] = []
        let numbered = element.numbered(into: &fixed)
        return Template(file: root.source.file, follows: follows, title: titleText(expanded), root: numbered,
                        fixed: FixedNodes(fixed))
    }

    /// The text of `<head><title>`, if the template has one.
    static func titleText(_ root: XMLTree.Element) -> String? {
        for case .element(let head) in root.children where head.name == "head" {
            for case .element(let title) in head.children where title.name == "title" {
                let text = title.children.compactMap { node -> String? in
                    if case .text(let t) = node { return t }
                    return nil
                }.joined().trimmed
                return text.isEmpty ? nil : text
            }
        }
        return nil
    }
}

struct TemplateCompiler<Resolver: IncludeResolver> {
    let resolver: Resolver
    var sources: [String: SourceText] = [:]
    var problems: [Diagnostic] = []
    /// Elements and texts met while expanding includes, against `TemplateLimits.templateNodes`.
    var expandedNodes = 0
    var expansionTooLarge = false

    init(resolver: Resolver) { self.resolver = resolver }

    /// A diagnostic at the directive attribute `md:name` of `element`, with a caret when found.
    func diagnostic(_ element: XMLTree.Element, _ directive: String, _ message: String,
                    expression: String? = nil, suggestion: String? = nil) -> Diagnostic {
        diagnostic(at: element.source, directive, message, expression: expression, suggestion: suggestion)
    }

    /// A diagnostic at the directive attribute `md:name` written from `source` on.
    func diagnostic(at source: SourceLocation, _ directive: String, _ message: String,
                    expression: String? = nil, suggestion: String? = nil) -> Diagnostic {
        TemplateDiagnostics.diagnostic(at: source, in: sources[source.file], directive, message,
                                       expression: expression, suggestion: suggestion)
    }

    // MARK: includes

    mutating func expandIncludes(_ element: XMLTree.Element, stack: [String]) -> XMLTree.Element {
        var element = element
        if expansionTooLarge { return element }
        if let include = element.directive("include") {
            element.attributes.removeAll { $0.namespace == Template.namespace && $0.name == "include" }
            let parts = include.splitting("#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count != 2 || !TemplateSafety.isIncludeName(parts[0]) || !TemplateSafety.isIncludeName(parts[1]) {
                problems.append(diagnostic(element, "include", "md:include takes 'file#block', a template of the templates folder and a block in it (letters, digits, '-' and '_'; no path), got '\(include)'", expression: include))
            } else if stack.count >= TemplateLimits.includeDepth {
                problems.append(diagnostic(element, "include", "md:include '\(include)' nests more than \(TemplateLimits.includeDepth) includes deep", expression: include))
            } else {
                do {
                    let (block, text) = try resolver.block(file: parts[0], block: parts[1])
                    // A block is the same block however the include spells it: compare where it was found.
                    let identity = "\(block.source.file)#\(parts[1])"
                    if stack.contains(identity) {
                        problems.append(diagnostic(element, "include", "md:include '\(include)' includes itself (block '\(parts[1])' of \(block.source.file))", expression: include))
                        return element
                    }
                    sources[block.source.file] = text
                    var merged = block
                    merged.attributes.removeAll { $0.namespace == Template.namespace && $0.name == "block" }
                    // Attributes written on the including element win over the block's own.
                    for attribute in element.attributes {
                        merged.attributes.removeAll { $0.name == attribute.name && $0.namespace == attribute.namespace }
                        merged.attributes.append(attribute)
                    }
                    element = expandIncludes(merged, stack: stack + [identity])
                    return element
                } catch let error as DiagnosticList {
                    problems += error.diagnostics
                } catch {
                    problems.append(diagnostic(element, "include", "\(error)", expression: include))
                }
            }
        }
        expandedNodes += 1 + element.children.count
        if expandedNodes > TemplateLimits.templateNodes {
            if !expansionTooLarge {
                expansionTooLarge = true
                problems.append(diagnostic(element, "include", "the template has more than \(TemplateLimits.templateNodes) elements and texts once its includes are expanded"))
            }
            return element
        }
        element.children = element.children.map { child in
            if case .element(let e) = child { return .element(expandIncludes(e, stack: stack)) }
            return child
        }
        return element
    }

    // MARK: directives

    mutating func compile(_ element: XMLTree.Element, scope outer: CompileScope) -> TNode {
        var directives = DirectiveValues()
        var plain: [XMLTree.Attribute] = []
        for attribute in element.attributes {
            guard attribute.namespace == Template.namespace else { plain.append(attribute); continue }
            guard let directive = Directive(rawValue: attribute.name) else {
                problems.append(diagnostic(element, attribute.name, "unknown directive md:\(attribute.name)",
                                           suggestion: Suggestions.nearest(to: attribute.name, in: Directive.allCases.map(\.rawValue)).map { "md:\($0)" }))
                continue
            }
            directives[directive] = attribute.value
        }
        var scope = outer
        var repeatOver: TElement.Repeat?
        var withBindings: [(String, Expression)] = []
        var conditions: [Condition] = []
        var text: Expression?
        var setAttributes: [AttributeSetter] = []

        func fail(_ directive: Directive) -> (String, String?) -> Diagnostic {
            { [self] message, suggestion in
                diagnostic(element, directive.rawValue, message, expression: directives[directive], suggestion: suggestion)
            }
        }
        func origin(_ directive: Directive) -> ExpressionOrigin {
            ExpressionOrigin(site: element.source, directive: directive.rawValue, expression: directives[directive],
                             text: sources[element.source.file])
        }

        for directive in Directive.order {
            guard let value = directives[directive] else { continue }
            do throws(Diagnostic) {
                switch directive {
                case .repeat:
                    let parts = value.components(separatedBy: " in ")
                    guard parts.count == 2, let name = Optional(parts[0].trimmed), name.isIdentifier else {
                        throw fail(.repeat)("md:repeat takes 'name in path', got '\(value)'", nil)
                    }
                    let (expression, shape) = try Expression.parse(parts[1].trimmed, scope: scope, origin: origin(.repeat), fail: fail(.repeat))
                    guard case .list(let item)? = shape else {
                        throw fail(.repeat)("md:repeat needs a list, and '\(parts[1].trimmed)' is not one", nil)
                    }
                    var blank = 0
                    if let blankText = directives[.blank] {
                        guard let n = Int(blankText), (0...TemplateLimits.blankRows).contains(n) else {
                            throw fail(.blank)("md:blank takes a number of rows from 0 to \(TemplateLimits.blankRows), got '\(blankText)'", nil)
                        }
                        blank = n
                    }
                    repeatOver = TElement.Repeat(variable: name, expression: expression, blank: blank,
                                                 slots: try slots(directives, fail: fail))
                    scope.values[name] = item
                    scope.numbers.insert(name)
                case .blank, .min, .spare:
                    if directives[.repeat] == nil {
                        throw fail(directive)("md:\(directive.rawValue) needs md:repeat on the same element", nil)
                    }
                case .with:
                    for binding in value.splitting(";") {
                        let parts = binding.splitting("=", maxSplits: 1).map { $0.trimmed }
                        guard parts.count == 2, parts[0].isIdentifier else {
                            throw fail(.with)("md:with takes 'name = path', got '\(binding.trimmed)'", nil)
                        }
                        let (expression, shape) = try Expression.parse(parts[1], scope: scope, origin: origin(.with), fail: fail(.with))
                        withBindings.append((parts[0], expression))
                        scope.values[parts[0]] = shape ?? .text
                    }
                case .if, .unless:
                    conditions.append(try Condition.parse(value, negated: directive == .unless, scope: scope, origin: origin(directive), fail: fail(directive)))
                case .text:
                    let (expression, shape) = try Expression.parse(value, scope: scope, origin: origin(.text), fail: fail(.text))
                    if case .record? = shape, expression.formatters.isEmpty {
                        throw fail(.text)("'\(value)' is a group of keys, not a value", nil)
                    }
                    if TemplateSafety.rawTextElements.contains(element.name.lowercased()),
                       !(expression.root == .data && expression.formatters.isEmpty
                         && TemplateSafety.cssValues.contains(expression.keys.joined(separator: "."))) {
                        throw fail(.text)("md:text cannot fill <\(element.name)>: its content is not escaped in HTML5, so a value could end it and start a script (only \(TemplateSafety.cssValues.sorted().joined(separator: ", ")), CSS the program escapes, may)", nil)
                    }
                    text = expression
                case .attr:
                    for assignment in value.splitting(";") {
                        let parts = assignment.trimmed.splitting(" ", maxSplits: 1).map { $0.trimmed }
                        guard parts.count == 2 else {
                            throw fail(.attr)("md:attr takes 'attribute expression', got '\(assignment.trimmed)'", nil)
                        }
                        let (prefix, expressionText) = try AttributeSetter.splitPrefix(parts[1], fail: fail(.attr))
                        let (expression, _) = try Expression.parse(expressionText, scope: scope, origin: origin(.attr), fail: fail(.attr))
                        let attribute = try AttributeSetter.target(parts[0], prefix: prefix, fail: fail(.attr))
                        setAttributes.append(AttributeSetter(attribute: attribute, expression: expression, urlPrefix: prefix))
                    }
                case .include, .block, .follows:
                    break
                }
            } catch {
                problems.append(error)
            }
        }

        let children = element.children.map { child -> TNode in
            if case .element(let e) = child { return compile(e, scope: scope) }
            return .fixed(child, -1)
        }
        let hasDirectives = repeatOver != nil || !withBindings.isEmpty || !conditions.isEmpty || text != nil || !setAttributes.isEmpty
        let fixedChildren = children.compactMap { node -> XMLTree.Node? in
            if case .fixed(let n, _) = node { return n }
            return nil
        }
        if !hasDirectives && fixedChildren.count == children.count {
            return .fixed(.element(XMLTree.Element(name: element.name, attributes: plain, children: fixedChildren, source: element.source)), -1)
        }
        return .element(TElement(name: element.name, attributes: plain, children: children, source: element.source,
                                 repeatOver: repeatOver, with: withBindings, conditions: conditions, text: text,
                                 setAttributes: setAttributes))
    }
}

extension TemplateCompiler {
    /// The largest `md:min` / `md:spare`: a form's fixed slots, not a way to print pages of rows.
    static var maxSlots: Int { 50 }

    /// Reads `md:min="N"` (at least N entries, the data's then empty ones) and `md:spare="N"`
    /// (N empty entries after the data).
    func slots(_ directives: DirectiveValues,
               fail: (Directive) -> (String, String?) -> Diagnostic) throws(Diagnostic) -> TElement.Slots {
        var slots = TElement.Slots()
        for directive in [Directive.min, .spare] {
            guard let text = directives[directive] else { continue }
            guard let n = Int(text.trimmed), (0...Self.maxSlots).contains(n) else {
                throw fail(directive)("md:\(directive.rawValue) takes a number of entries from 0 to \(Self.maxSlots), got '\(text)'", nil)
            }
            if directive == .min { slots.min = n } else { slots.spare = n }
        }
        return slots
    }
}

extension XMLTree.Element {
    func directive(_ name: String) -> String? {
        attributes.first { $0.namespace == Template.namespace && $0.name == name }?.value
    }
}

extension String {
    var isIdentifier: Bool {
        if isASCIIText {
            guard let first = utf8.first, first.isASCIILetter || first == UInt8(ascii: "_") else { return false }
            return utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "_") }
        }
        guard let first, first.isLetter || first == "_" else { return false }
        return allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
