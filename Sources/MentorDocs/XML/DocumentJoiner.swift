// `--combine` on libxml2 trees: a partnership's written document is parsed back (it is our own
// serialization, so it parses to the tree that was written), its <body> becomes the partnership's
// <div>, every id and reference to one is prefixed on the tree, and the <div> is written with
// the options the document was: its bytes are what the body held, renamed.
import Foundation
internal import CLibXML2

/// Turns written documents into the pieces of one combined print file, one at a time.
struct DocumentJoiner {
    let syntax: OutputDocument.Syntax
    /// The class of each partnership's `<div>`.
    let pairClass: String

    /// Attributes holding one id, or a space-separated list of them.
    static let idAttributes: Set<String> = ["id", "for"]
    static let idListAttributes: Set<String> = ["headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"]

    /// The combined file around the partnerships: `frame` (validated) written with its body
    /// emptied, as the bytes before and after the body's children.
    func frame(_ frame: OutputDocument) throws(XMLLayerError) -> (head: [UInt8], tail: [UInt8]) {
        let parts = try frame.split(at: "body", syntax)
        return (parts.before, parts.after)
    }

    /// Partnership `number`'s written document as `<div class="pairClass" id="pair-N">` holding
    /// what its body held, every id and reference prefixed `pN-`, then a line break; nil when
    /// `written` is not a document with a body.
    func pair(_ written: [UInt8], number: Int) throws(XMLLayerError) -> [UInt8]? {
        guard let doc = parse(written) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let body = Self.body(of: doc) else { return nil }
        while let attribute = body.pointee.properties { xmlRemoveProp(attribute) }
        xmlNodeSetName(body, "div")
        Self.prefixIDs(under: body, prefix: "p\(number)-", doc: doc)
        body.pointee.ns = nil
        xmlNewProp(body, "class", pairClass)
        xmlNewProp(body, "id", "pair-\(number)")
        // Left unlinked: beside the text after <body>, libxml2 would merge it into that text.
        let lineBreak = TreeBuilder.text("\n", doc: doc)
        defer { xmlFreeNode(lineBreak) }
        return try NodeWriter(syntax, doc: doc).write([body, lineBreak])
    }

    /// The document `bytes` hold: libxml2's XML parser for XHTML, its HTML parser for HTML5 (our
    /// HTML5 is libxml2's HTML serialization of an XHTML tree, so it parses back to that tree).
    /// Nothing is loaded: no network, no DTD, no entity substituted.
    private func parse(_ bytes: [UInt8]) -> xmlDocPtr? {
        _ = LibXML.ready
        guard bytes.count <= Int(Int32.max) else { return nil }
        let collector = XMLErrorCollector()
        let doc: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    switch syntax {
                    case .xhtml:
                        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue
                        return xmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(options))
                    case .html5:
                        let options = HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                        return htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", Int32(options))
                    }
                }
            }
        }
        guard let doc else { return nil }
        // An XHTML file must be well formed; the HTML parser recovers from anything, as browsers do.
        if syntax == .xhtml && collector.issues.contains(where: { !$0.isWarning }) {
            xmlFreeDoc(doc)
            return nil
        }
        // Written as the document was: UTF-8 text, not character references.
        if doc.pointee.encoding == nil { doc.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8")) }
        return doc
    }

    /// The `<body>` child of the root `<html>`.
    private static func body(of doc: xmlDocPtr) -> xmlNodePtr? {
        guard let root = xmlDocGetRootElement(doc), xmlStrEqual(root.pointee.name, "html") == 1 else { return nil }
        var child = root.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, xmlStrEqual(c.pointee.name, "body") == 1 { return c }
            child = c.pointee.next
        }
        return nil
    }

    /// Prefixes every id under `root` and every reference to one, so the ids of several documents
    /// stay unique and still point where they did. Elements lose their namespace pointer, as
    /// OutputDocument's own do (the combined file's root declares it), so both are written alike.
    static func prefixIDs(under root: xmlNodePtr, prefix: String, doc: xmlDocPtr) {
        var node = root.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                n.pointee.ns = nil
                var attribute = n.pointee.properties
                while let a = attribute {
                    attribute = a.pointee.next
                    guard a.pointee.ns == nil else { continue }
                    let name = String(cString: a.pointee.name).lowercased()
                    guard idAttributes.contains(name) || idListAttributes.contains(name) || name == "href",
                          let raw = xmlNodeListGetString(doc, a.pointee.children, 1) else { continue }
                    let value = String(cString: raw)
                    mentordocs_xmlFree(raw)
                    if let prefixed = prefixed(value, attribute: name, prefix: prefix) {
                        xmlSetNsProp(n, nil, a.pointee.name, prefixed)
                    }
                }
            }
            node = XMLWalk.next(n, within: root)
        }
    }

    /// `value` of the attribute `name` with its ids prefixed; nil when it holds none.
    static func prefixed(_ value: String, attribute name: String, prefix: String) -> String? {
        if idAttributes.contains(name) {
            return value.isEmpty ? nil : prefix + value
        }
        if idListAttributes.contains(name) {
            var out = ""
            var atTokenStart = true
            for scalar in value.unicodeScalars {
                let isSpace = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
                if isSpace { atTokenStart = true } else if atTokenStart { out += prefix; atTokenStart = false }
                out.unicodeScalars.append(scalar)
            }
            return out == value ? nil : out
        }
        if name == "href", value.hasPrefix("#"), value.count > 1 {
            return "#" + prefix + value.dropFirst()
        }
        return nil
    }
}
