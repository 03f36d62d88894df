// A rendered document as a libxml2 tree: rendered straight into libxml2 (fixed subtrees copied
// from the template's prototype) or built from an XMLTree, validated in memory against the shared
// DTD, then written as XHTML or HTML5, whole or in parts (a frame that other pieces are streamed
// into). The one owner of its xmlDoc.
import Foundation
internal import CLibXML2

/// One output document held by libxml2; freed when this object goes away.
final class OutputDocument {
    /// How a document is written.
    enum Syntax: Sendable { case xhtml, html5 }

    private let doc: xmlDocPtr
    /// Where each element built here came from; an element's `_private` holds its index + 1.
    /// A copied fixed subtree's root holds -(its prototype index + 1) instead (see `location`).
    private var sources: [SourceLocation] = []
    /// The prototypes fixed subtrees were copied from, for locating problems inside them.
    private var prototype: TemplatePrototype?
    private var html5Applied = false
    /// Text or attribute values holding a character XML 1.0 does not allow, found while building.
    private var badCharacters: [Diagnostic] = []

    /// Builds the document from `root`: XHTML namespace, the XHTML 1.0 Strict doctype.
    public init(root: XMLTree.Element) {
        doc = OutputDocument.newDocument()
        var builder = TreeBuilder(doc: doc)
        OutputDocument.setRoot(builder.element(root), of: doc)
        sources = builder.sources
        badCharacters = builder.badCharacters
    }

    private init(doc: xmlDocPtr) { self.doc = doc }

    /// Renders `template` straight into a new document: its fixed subtrees are copied from the
    /// template's prototype, only filled values and repeats are built node by node.
    static func rendering(_ template: Template, _ data: Value, over top: [(String, Value)] = []) throws(DiagnosticList) -> OutputDocument {
        let prototype = TemplatePrototype.of(template.fixed)
        let output = OutputDocument(doc: newDocument(dictionary: prototype.documentDictionary()))
        output.prototype = prototype
        var sink = Sink(builder: TreeBuilder(doc: output.doc), prototype: prototype)
        defer {
            output.sources = sink.builder.sources
            output.badCharacters = sink.builder.badCharacters
        }
        try template.render(data, over: top, into: &sink)
        return output
    }

    deinit { xmlFreeDoc(doc) }

    /// Adds `<meta name content>` elements at the end of `<head>`, one per line, before its
    /// closing line break (as `XMLTree.Element.addMetadata` does for a tree).
    func addMetadata(_ pairs: [(String, String)]) {
        guard let root = xmlDocGetRootElement(doc) else { return }
        var head = root.pointee.children
        while let h = head, !(h.pointee.type == XML_ELEMENT_NODE && xmlStrEqual(h.pointee.name, "head") == 1) { head = h.pointee.next }
        guard let head else { return }
        var closing: xmlNodePtr?
        if let last = head.pointee.last, last.pointee.type == XML_TEXT_NODE,
           String(cString: last.pointee.content).allSatisfy(\.isWhitespace) {
            closing = last
            xmlUnlinkNode(last)
        }
        for (name, content) in pairs {
            xmlAddChild(head, TreeBuilder.text("\n", doc: doc))
            let meta = xmlNewDocNode(doc, nil, "meta", nil)!
            meta.pointee._private = head.pointee._private
            meta.pointee.line = head.pointee.line
            xmlNewProp(meta, "name", name)
            xmlNewProp(meta, "content", content)
            xmlAddChild(head, meta)
        }
        xmlAddChild(head, closing ?? TreeBuilder.text("\n", doc: doc))
    }

    /// An empty document with the XHTML 1.0 Strict doctype.
    private static func newDocument(dictionary: xmlDictPtr? = nil) -> xmlDocPtr {
        _ = LibXML.ready
        let doc = xmlNewDoc("1.0")!
        // Element and attribute names interned once per document (a form repeats a few dozen
        // names over a thousand nodes) instead of a copy per node; xmlFreeDoc frees the dictionary.
        doc.pointee.dict = dictionary ?? xmlDictCreate()
        doc.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        xmlCreateIntSubset(doc, "html", TemplateParser.xhtmlStrictPublicID, XHTMLDTD.systemID)
        return doc
    }

    /// Makes `node` the root, declaring the XHTML namespace on it; its descendants carry no
    /// namespace pointer of their own, which libxml2 validates and writes the same way.
    private static func setRoot(_ node: xmlNodePtr, of doc: xmlDocPtr) {
        xmlSetNs(node, xmlNewNs(node, XMLTree.xhtmlNamespace, nil))
        xmlDocSetRootElement(doc, node)
    }

    /// The render sink that builds this document.
    private struct Sink: RenderSink {
        var builder: TreeBuilder
        let prototype: TemplatePrototype
        var current: xmlNodePtr?

        mutating func open(_ name: String, attributes: [XMLTree.Attribute], source: SourceLocation) {
            let node = builder.open(name, attributes: attributes, source: source)
            if let current { xmlAddChild(current, node) } else { OutputDocument.setRoot(node, of: builder.doc) }
            current = node
        }

        mutating func text(_ text: String) {
            if TreeBuilder.firstNonXMLCharacter(text) != nil {
                let index = current.flatMap { $0.pointee._private }.map { Int(bitPattern: $0) } ?? 0
                let source = index > 0 && index <= builder.sources.count ? builder.sources[index - 1]
                                                                          : SourceLocation(file: "<document>", line: 0, column: 0)
                builder.note(text, at: source)
            }
            xmlAddChild(current, TreeBuilder.text(text, doc: builder.doc))
        }

        mutating func fixed(_ index: Int) {
            let copy = prototype.copy(index, into: builder.doc)
            if copy.pointee.type == XML_ELEMENT_NODE {
                copy.pointee._private = UnsafeMutableRawPointer(bitPattern: -(index + 1))
            }
            xmlAddChild(current, copy) // may merge a text copy into the text before it
        }

        mutating func close() {
            let parent = current?.pointee.parent
            current = parent?.pointee.type == XML_ELEMENT_NODE ? parent : nil
        }
    }

    /// Where the template wrote the element `node`: its own entry, or the prototype element at
    /// the same place under the fixed subtree copy it belongs to.
    private func location(of node: xmlNodePtr) -> SourceLocation? {
        var path: [Int] = []
        var current: xmlNodePtr? = node
        while let c = current, c.pointee.type == XML_ELEMENT_NODE {
            if let raw = c.pointee._private {
                let tag = Int(bitPattern: raw)
                if tag < 0 { return prototype?.source(of: -tag - 1, path: Array(path.reversed())) }
                return path.isEmpty && tag <= sources.count ? sources[tag - 1] : nil
            }
            var position = 0
            var sibling = c.pointee.prev
            while let s = sibling {
                if s.pointee.type == XML_ELEMENT_NODE { position += 1 }
                sibling = s.pointee.prev
            }
            path.append(position)
            current = c.pointee.parent
        }
        return nil
    }

    /// Validates against the DTD; each problem is located at the template element it came from.
    public func validate(against dtd: XHTMLDTD) -> [Diagnostic] {
        if !badCharacters.isEmpty { return badCharacters }
        let collector = XMLErrorCollector()
        let context = xmlNewValidCtxt()!
        defer { xmlFreeValidCtxt(context) }
        // Silence the context's own printers; the structured handler receives every message.
        context.pointee.error = nil
        context.pointee.warning = nil
        let ok = collector.collecting { xmlValidateDtd(context, doc, dtd.pointer) }
        if ok == 1 && collector.issues.isEmpty { return [] }
        var out = collector.issues.map { issue -> Diagnostic in
            var location = SourceLocation(file: "<document>", line: issue.line, column: 0)
            if let node = issue.node?.assumingMemoryBound(to: xmlNode.self),
               node.pointee.type == XML_ELEMENT_NODE, let source = self.location(of: node) {
                location = source
            }
            return Diagnostic(issue.isWarning ? .warning : .error, at: location,
                              "output is not valid XHTML 1.0 Strict: " + issue.message)
        }
        if ok != 1 && !out.contains(where: { $0.severity == .error }) {
            out.append(Diagnostic(at: SourceLocation(file: "<document>", line: 0, column: 0),
                                  "output is not valid XHTML 1.0 Strict"))
        }
        return out
    }

    /// XHTML 1.0 with its XML declaration and doctype; empty elements written as `<td></td>`.
    public func xhtml() throws(XMLLayerError) -> [UInt8] {
        precondition(!html5Applied, "xhtml() after the tree was converted to HTML5 (children(of:) or html5ByLibXML())")
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        guard let save = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_XHTML.rawValue)) else {
            throw .serialization("xmlSaveToBuffer failed")
        }
        xmlSaveDoc(save, doc)
        if xmlSaveClose(save) < 0 { throw .serialization("xmlSaveDoc failed") }
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }

    /// HTML5: `<!DOCTYPE html>`, no namespace, `<meta charset="utf-8">` first in `<head>`.
    public func html5() throws(XMLLayerError) -> [UInt8] {
        html5Applied ? HTML5Writer.write(doc) : HTML5Writer.write(converting: doc, fixed: prototype?.html5 ?? [])
    }

    /// `html5()` with fixed subtrees' copies written as `fixed` gives them by prototype index
    /// (none: every node walked), for the tests.
    func html5(writingFixedSubtreesAs fixed: [[UInt8]]) -> [UInt8] {
        precondition(!html5Applied)
        return HTML5Writer.write(converting: doc, fixed: fixed)
    }

    /// The HTML5 bytes of the fixed subtrees this document's copies were made from.
    var fixedSubtreeBytes: [[UInt8]] { prototype?.html5 ?? [] }

    /// How many of the document's texts (attribute values included) are its prototype's own
    /// strings, shared rather than copied.
    var sharedTexts: Int {
        guard let prototype, let root = xmlDocGetRootElement(doc) else { return 0 }
        var count = 0
        func visit(_ node: xmlNodePtr) {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content, prototype.holds(content) { count += 1 }
            var attribute = node.pointee.properties
            while let a = attribute {
                var child = a.pointee.children
                while let c = child { visit(c); child = c.pointee.next }
                attribute = a.pointee.next
            }
            var child = node.pointee.children
            while let c = child { visit(c); child = c.pointee.next }
        }
        visit(root)
        return count
    }

    /// The same document written by libxml2's own HTML writer, which `HTML5Writer` reproduces
    /// byte for byte (the tests compare the two).
    func html5ByLibXML() throws(XMLLayerError) -> [UInt8] {
        applyHTML5()
        guard let out = xmlAllocOutputBuffer(nil) else { throw .serialization("xmlAllocOutputBuffer failed") }
        htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0)
        xmlOutputBufferFlush(out)
        let bytes = Array(UnsafeBufferPointer(start: xmlOutputBufferGetContent(out), count: Int(xmlOutputBufferGetSize(out))))
        xmlOutputBufferClose(out)
        return bytes
    }

    /// The document in `syntax`: `xhtml()` or `html5()`.
    func bytes(_ syntax: Syntax) throws(XMLLayerError) -> [UInt8] {
        syntax == .xhtml ? try xhtml() : try html5()
    }

    /// The children of the first `<name>` element, written in `syntax` exactly as the whole
    /// document writes them.
    func children(of name: String, _ syntax: Syntax) throws(XMLLayerError) -> [UInt8] {
        if syntax == .html5 { applyHTML5() }
        let node = try firstElement(name)
        var nodes: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { nodes.append(c); child = c.pointee.next }
        return try NodeWriter(syntax, doc: doc).write(nodes)
    }

    /// The document in `syntax` with the children of its first `<name>` element taken out, as the
    /// bytes before them and after them: a frame that other pieces are streamed into.
    func split(at name: String, _ syntax: Syntax) throws(XMLLayerError) -> (before: [UInt8], after: [UInt8]) {
        let node = try firstElement(name)
        while let child = node.pointee.children {
            xmlUnlinkNode(child)
            xmlFreeNode(child)
        }
        // libxml2 writes no start tag on its own: the document is written again with one character
        // inside the element, and the two writings differ only where its children go.
        let without = try bytes(syntax)
        let probe = TreeBuilder.text("x", doc: doc)
        xmlAddChild(node, probe)
        let with = try bytes(syntax)
        xmlUnlinkNode(probe)
        xmlFreeNode(probe)
        var at = 0
        while at < without.count, at < with.count, without[at] == with[at] { at += 1 }
        guard with.count == without.count + 1, with[at] == UInt8(ascii: "x"), with[(at + 1)...].elementsEqual(without[at...]) else {
            throw .serialization("cannot tell where the children of <\(name)> are written")
        }
        return (Array(without[..<at]), Array(without[at...]))
    }

    /// The first element named `name`, in document order.
    private func firstElement(_ name: String) throws(XMLLayerError) -> xmlNodePtr {
        let root = xmlDocGetRootElement(doc)
        var node = root
        while let n = node, let root {
            if n.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(n.pointee.name, name) == 1 { return n }
            node = XMLWalk.next(n, within: root)
        }
        throw .serialization("the document has no <\(name)> element")
    }

    private func applyHTML5() {
        if !html5Applied { convertToHTML5(); html5Applied = true }
    }

    private func convertToHTML5() {
        if let old = doc.pointee.intSubset {
            xmlUnlinkNode(UnsafeMutableRawPointer(old).assumingMemoryBound(to: xmlNode.self))
            xmlFreeDtd(old)
        }
        xmlCreateIntSubset(doc, "html", nil, nil)
        guard let root = xmlDocGetRootElement(doc) else { return }
        stripNamespace(root)
        if let nsDef = root.pointee.nsDef {
            root.pointee.nsDef = nil
            xmlFreeNsList(nsDef)
        }
        var head = root.pointee.children
        while let h = head, !(h.pointee.type == XML_ELEMENT_NODE && xmlStrEqual(h.pointee.name, "head") == 1) {
            head = h.pointee.next
        }
        guard let head else { return }
        // A charset given by http-equiv would duplicate <meta charset>.
        var child = head.pointee.children
        while let c = child {
            child = c.pointee.next
            if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, "meta") == 1,
               let equiv = xmlGetProp(c, "http-equiv") {
                let isContentType = String(cString: equiv).lowercased() == "content-type"
                mentordocs_xmlFree(equiv)
                if isContentType { xmlUnlinkNode(c); xmlFreeNode(c) }
            }
        }
        let meta = xmlNewDocNode(doc, nil, "meta", nil)!
        xmlSetProp(meta, "charset", "utf-8")
        if let first = head.pointee.children { xmlAddPrevSibling(first, meta) } else { xmlAddChild(head, meta) }
    }

    private func stripNamespace(_ node: xmlNodePtr) {
        node.pointee.ns = nil
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            if let ns = a.pointee.ns, let prefix = ns.pointee.prefix, xmlStrEqual(prefix, "xml") == 1 {
                xmlRemoveProp(a) // HTML5 takes `lang`; `xml:lang` is XHTML's
            }
        }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { stripNamespace(c) }
            child = c.pointee.next
        }
    }
}
