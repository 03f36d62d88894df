// A plain Swift copy of an XML element tree: what templates parse into and what rendering produces.

/// An XML tree held in Swift values, so the engine never touches libxml2.
enum XMLTree {
    /// A child of an element.
    public enum Node: Sendable {
        case element(Element)
        case text(String)
    }

    /// An attribute; `prefix` is `xml` for `xml:lang`, `md` for directives, nil for plain ones.
    public struct Attribute: Sendable, Equatable {
        public var prefix: String?
        public var namespace: String?
        public var name: String
        public var value: String
        /// Creates an attribute.
        public init(prefix: String? = nil, namespace: String? = nil, name: String, value: String) {
            self.prefix = prefix
            self.namespace = namespace
            self.name = name
            self.value = value
        }
        /// `prefix:name`, or the plain name.
        public var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    /// An element in the XHTML namespace (templates allow no other element namespace).
    public struct Element: Sendable {
        public var name: String
        public var attributes: [Attribute]
        public var children: [Node]
        /// Where the element was written, so errors on the output point back into the template.
        public var source: SourceLocation
        /// Creates an element.
        public init(name: String, attributes: [Attribute] = [], children: [Node] = [], source: SourceLocation) {
            self.name = name
            self.attributes = attributes
            self.children = children
            self.source = source
        }
    }

    /// The XHTML namespace.
    public static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    /// The XML namespace (`xml:lang`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}
