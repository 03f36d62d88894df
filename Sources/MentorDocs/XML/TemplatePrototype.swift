// A template's fixed subtrees as libxml2 nodes, built once per compiled template and then only
// read: every document copies them (xmlDocCopyNode) instead of rebuilding them node by node.
import Foundation
internal import CLibXML2

/// The libxml2 prototypes of one template's `FixedNodes`; read-only after init, so any number
/// of threads may copy from it into their own documents at once.
final class TemplatePrototype: @unchecked Sendable {
    private let doc: xmlDocPtr
    /// Prototype `i` of `FixedNodes.nodes[i]`, unlinked (so adjacent texts are never merged).
    private let nodes: [xmlNodePtr]
    /// Where each prototype element was written; an element's `_private` holds its index here.
    private let sources: [SourceLocation]
    /// The HTML5 bytes of each element prototype as a copy of it is written inside a document's
    /// `<body>` (empty for a text): the writer copies them instead of walking the copy.
    let html5: [[UInt8]]

    /// The prototype of `fixed`, made on the template's first render and kept with it.
    static func of(_ fixed: FixedNodes) -> TemplatePrototype {
        fixed.prepared(TemplatePrototype.init)
    }

    private init(_ fixed: [XMLTree.Node]) {
        _ = LibXML.ready
        let doc = xmlNewDoc("1.0")!
        // Names and texts interned here: a document's dictionary made by `documentDictionary()`
        // finds them, so its copies share them instead of holding a copy each.
        doc.pointee.dict = xmlDictCreate()
        var builder = TreeBuilder(doc: doc)
        nodes = fixed.map { node in
            switch node {
            case .element(let element): return builder.element(element)
            case .text(let text): return TreeBuilder.text(text, doc: doc)
            }
        }
        for node in nodes { TemplatePrototype.intern(node, in: doc.pointee.dict) }
        sources = builder.sources
        html5 = nodes.map { $0.pointee.type == XML_ELEMENT_NODE ? HTML5Writer.write(fixed: $0) : [] }
        self.doc = doc
    }

    deinit {
        for node in nodes { xmlFreeNode(node) }
        xmlFreeDoc(doc)
    }

    /// A dictionary for a document that copies from this prototype (its `dict`, which
    /// xmlFreeDoc frees): it holds the prototype's strings, so libxml2 never frees a shared one.
    func documentDictionary() -> xmlDictPtr {
        xmlDictCreateSub(doc.pointee.dict)
    }

    /// Whether `string` is one of the prototype's interned strings.
    func holds(_ string: UnsafePointer<xmlChar>) -> Bool {
        xmlDictOwns(doc.pointee.dict, string) == 1
    }

    /// A copy of prototype `index` owned by `doc`, not yet linked into it. `doc`'s dictionary
    /// must come from `documentDictionary()`: the copy's texts are the prototype's own strings.
    func copy(_ index: Int, into doc: xmlDocPtr) -> xmlNodePtr {
        TemplatePrototype.share(nodes[index], into: doc)
    }

    /// Replaces the content of every text under `node` (attribute values included) by the same
    /// string interned in `dict`.
    private static func intern(_ node: xmlNodePtr, in dict: xmlDictPtr) {
        if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content {
            node.pointee.content = UnsafeMutablePointer(mutating: xmlDictLookup(dict, content, -1))
            mentordocs_xmlFree(content)
            return
        }
        var attribute = node.pointee.properties
        while let a = attribute {
            var child = a.pointee.children
            while let c = child { intern(c, in: dict); child = c.pointee.next }
            attribute = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child { intern(c, in: dict); child = c.pointee.next }
    }

    /// `node` and everything in it, owned by `doc`: elements and attributes made anew, their
    /// names and every text pointing at the prototype's interned strings
    /// (libxml2 frees no string a document's dictionary holds, and changes one by copying it).
    private static func share(_ node: xmlNodePtr, into doc: xmlDocPtr) -> xmlNodePtr {
        switch node.pointee.type {
        case XML_TEXT_NODE:
            let text = xmlNewDocText(doc, nil)!
            text.pointee.content = node.pointee.content
            return text
        case XML_ELEMENT_NODE where node.pointee.ns == nil && node.pointee.nsDef == nil:
            // The names too are the prototype's strings (EatName: taken as they are, no lookup).
            let element = xmlNewDocNodeEatName(doc, nil, UnsafeMutablePointer(mutating: node.pointee.name), nil)!
            element.pointee.line = node.pointee.line
            var attribute = node.pointee.properties
            while let a = attribute {
                if a.pointee.ns == nil, let value = a.pointee.children, value.pointee.next == nil,
                   value.pointee.type == XML_TEXT_NODE,
                   let made = xmlNewNsPropEatName(element, nil, UnsafeMutablePointer(mutating: a.pointee.name), nil) {
                    let text = xmlNewDocText(doc, nil)!
                    text.pointee.content = value.pointee.content
                    text.pointee.parent = UnsafeMutablePointer(OpaquePointer(made))
                    made.pointee.children = text
                    made.pointee.last = text
                } else {
                    xmlCopyProp(element, a)
                }
                attribute = a.pointee.next
            }
            var child = node.pointee.children
            while let c = child {
                xmlAddChild(element, share(c, into: doc))
                child = c.pointee.next
            }
            return element
        default:
            return xmlDocCopyNode(node, doc, 1)
        }
    }

    /// Where the element at `path` (element-child positions) under a copy of prototype `index`
    /// was written in the template.
    func source(of index: Int, path: [Int]) -> SourceLocation? {
        var node: xmlNodePtr? = nodes[index]
        for position in path {
            var child = node?.pointee.children
            var seen = -1
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { seen += 1; if seen == position { break } }
                child = c.pointee.next
            }
            node = child
        }
        guard let node, let tag = node.pointee._private.map({ Int(bitPattern: $0) }), tag > 0, tag <= sources.count else {
            return nil
        }
        return sources[tag - 1]
    }
}

/// Builds libxml2 elements from `XMLTree` values: no namespace on elements (the root's default
/// namespace covers them), attributes created without xmlSetProp's search for an existing one.
struct TreeBuilder {
    let doc: xmlDocPtr
    /// Where each built element came from; its `_private` holds its index here + 1.
    var sources: [SourceLocation] = []
    /// Text or attribute values holding a character XML 1.0 does not allow, found while building.
    var badCharacters: [Diagnostic] = []

    /// A new element named `name`, unlinked, with `attributes` and a located `_private`.
    mutating func open(_ name: String, attributes: [XMLTree.Attribute], source: SourceLocation) -> xmlNodePtr {
        // withCString, not the implicit String-to-pointer conversion: that one copies a short
        // string to the heap for every call, and a form makes a thousand such calls.
        let node = name.withCString { xmlNewDocNode(doc, nil, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), nil)! }
        sources.append(source)
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: sources.count)
        node.pointee.line = UInt16(clamping: source.line)
        for attribute in attributes {
            note(attribute.value, at: source)
            TreeBuilder.set(attribute, on: node)
        }
        return node
    }

    /// Records `text` when it holds a character XML 1.0 does not allow (the loader refuses them;
    /// this is the output's own guard).
    mutating func note(_ text: String, at source: SourceLocation) {
        guard let bad = TreeBuilder.firstNonXMLCharacter(text) else { return }
        let hex = String(bad.value, radix: 16, uppercase: true)
        badCharacters.append(Diagnostic(at: source, "output is not valid XHTML 1.0 Strict: character U+"
                                        + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                                        + " is not allowed in XML"))
    }

    /// The first character of `text` that XML 1.0 does not allow, if any.
    static func firstNonXMLCharacter(_ text: String) -> Unicode.Scalar? {
        func suspicious(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF }
        let suspect = text.utf8.withContiguousStorageIfAvailable { bytes in
            // Eight bytes at a time: a word with no byte below 0x20 and none equal to 0xEF (as
            // most text is) needs no closer look.
            var i = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= bytes.count {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let low: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    let below = (word &- low &* 0x20) & ~word & high
                    let marks = word ^ (low &* 0xEF)
                    let hasMark = (marks &- low) & ~marks & high
                    if below | hasMark != 0 {
                        for j in i..<(i + 8) where suspicious(bytes[j]) { return true }
                    }
                    i += 8
                }
            }
            for j in i..<bytes.count where suspicious(bytes[j]) { return true }
            return false
        } ?? text.utf8.contains(where: suspicious)
        guard suspect else { return nil }
        return text.unicodeScalars.first {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
    }


    /// `element` and everything in it, unlinked.
    mutating func element(_ element: XMLTree.Element) -> xmlNodePtr {
        let node = open(element.name, attributes: element.attributes, source: element.source)
        for child in element.children {
            switch child {
            case .element(let e): xmlAddChild(node, self.element(e))
            case .text(let s):
                note(s, at: element.source)
                xmlAddChild(node, TreeBuilder.text(s, doc: doc))
            }
        }
        return node
    }

    /// Sets `attribute` on a node that has none of that name yet. The value is stored as text,
    /// never parsed as markup; a prefix (`xml:`) is resolved as xmlSetProp would.
    static func set(_ attribute: XMLTree.Attribute, on node: xmlNodePtr) {
        if attribute.prefix == nil {
            attribute.name.withCString { name in
                attribute.value.withCString { value in
                    _ = xmlNewProp(node, UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self),
                                   UnsafeRawPointer(value).assumingMemoryBound(to: xmlChar.self))
                }
            }
        } else {
            xmlSetProp(node, attribute.qualifiedName, attribute.value)
        }
    }

    /// A text node holding `text`, unlinked.
    static func text(_ text: String, doc: xmlDocPtr) -> xmlNodePtr {
        var text = text
        // The string's own UTF-8 storage, no copy; libxml2 copies what it keeps.
        return text.withUTF8 { buffer in xmlNewDocTextLen(doc, buffer.baseAddress, Int32(buffer.count))! }
    }
}
