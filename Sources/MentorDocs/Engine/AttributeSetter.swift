// One assignment of `md:attr`: which attribute, from which value, after which fixed URL start;
// and the rules on what may be set from a value at all (docs/templates.md).

/// An attribute that `md:attr` sets from a value.
struct AttributeSetter: Sendable {
    var attribute: XMLTree.Attribute
    var expression: Expression
    /// The URL start the template fixes (`'mailto:' + path`); the value is percent-encoded after it.
    var urlPrefix: String?

    /// Splits `'mailto:' + path` into its fixed URL start and the expression; a plain expression
    /// has no start.
    static func splitPrefix(_ text: String, fail: (String, String?) -> Diagnostic) throws(Diagnostic) -> (String?, String) {
        guard text.hasPrefix("'") else { return (nil, text) }
        let afterQuote = text.dropFirst()
        guard let close = afterQuote.firstIndex(of: "'") else {
            throw fail("md:attr's fixed URL start has no closing quote: write 'mailto:' + path", nil)
        }
        let prefix = String(afterQuote[..<close])
        let rest = afterQuote[afterQuote.index(after: close)...].trimmed
        guard rest.hasPrefix("+") else {
            throw fail("md:attr takes 'attribute \(quoted(prefix)) + path' after a fixed URL start, got '\(text)'", nil)
        }
        let schemes = TemplateSafety.prefixSchemes.sorted().map { "\($0):" }.joined(separator: ", ")
        guard let scheme = TemplateSafety.scheme(of: prefix), TemplateSafety.prefixSchemes.contains(scheme),
              prefix.lowercased().hasPrefix(scheme + ":") else {
            throw fail("md:attr's fixed URL start must begin with one of \(schemes), got \(quoted(prefix))", nil)
        }
        return (prefix, rest.dropFirst().trimmed)
    }

    /// The attribute `name` names, when a value may set it (with a fixed URL start or without).
    static func target(_ name: String, prefix: String?, fail: (String, String?) -> Diagnostic) throws(Diagnostic) -> XMLTree.Attribute {
        let nameParts = name.splitting(":", omittingEmptySubsequences: false).map(String.init)
        let local = nameParts.count == 2 && nameParts[0] == "xml" ? nameParts[1] : name
        guard local.isAttributeName else {
            throw fail("md:attr cannot set '\(name)': not an attribute name (letters, digits, '-', '_' or xml:name)", nil)
        }
        let lower = name.lowercased()
        if TemplateSafety.isEventHandler(lower) {
            throw fail("md:attr cannot set \(name): event handlers run script", nil)
        }
        if TemplateSafety.unsettableAttributes.contains(lower) || lower.hasPrefix("xmlns") {
            let why = lower == "style" ? "CSS from a value could load URLs or hide the form"
                : lower.hasPrefix("xmlns") ? "namespaces are the program's" : "a <meta> refresh could send the reader elsewhere"
            throw fail("md:attr cannot set \(name): \(why)", nil)
        }
        let isURL = TemplateSafety.urlAttributes.contains(lower)
        if isURL && prefix == nil {
            throw fail("md:attr cannot set the URL attribute \(name) from a value alone (it could be a javascript: URL); fix the scheme in the template: md:attr=\"\(name) 'mailto:' + path\"", nil)
        }
        if !isURL, let prefix {
            throw fail("md:attr's fixed URL start \(quoted(prefix)) is for URL attributes (href, src...), not \(name)", nil)
        }
        return local == name ? XMLTree.Attribute(name: name, value: "")
            : XMLTree.Attribute(prefix: "xml", namespace: XMLTree.xmlNamespace, name: local, value: "")
    }

    private static func quoted(_ text: String) -> String { "'\(text)'" }
}

extension String {
    /// An XML attribute name without a prefix, in the ASCII letters XHTML uses.
    var isAttributeName: Bool {
        guard let first = unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") else { return false }
        return unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }
    }
}
