// A rendered document as a libxml2 tree: built from an XMLTree, validated in memory against the
// shared DTD, then written as XHTML or HTML5. The one owner of its xmlDoc.
import Foundation
internal import CLibXML2

/// One output document held by libxml2; freed when this object goes away.
public final class OutputDocument {
    private let doc: xmlDocPtr
    /// Where each element came from; an element's `_private` holds its index here.
    private var sources: [SourceLocation] = []
    private var html5Applied = false
    /// Text or attribute values holding a character XML 1.0 does not allow, found while building.
    private var badCharacters: [Diagnostic] = []

    /// Builds the document: XHTML namespace on every element, the XHTML 1.0 Strict doctype.
    public init(root: XMLTree.Element) {
        _ = LibXML.ready
        doc = xmlNewDoc("1.0")
        doc.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        xmlCreateIntSubset(doc, "html", TemplateParser.xhtmlStrictPublicID, XHTMLDTD.systemID)
        let rootNode = xmlNewDocNode(doc, nil, root.name, nil)!
        let ns = xmlNewNs(rootNode, XMLTree.xhtmlNamespace, nil)
        xmlSetNs(rootNode, ns)
        xmlDocSetRootElement(doc, rootNode)
        fill(rootNode, from: root, ns: ns)
    }

    deinit { xmlFreeDoc(doc) }

    private func fill(_ node: xmlNodePtr, from element: XMLTree.Element, ns: xmlNsPtr?) {
        sources.append(element.source)
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: sources.count)
        node.pointee.line = UInt16(clamping: element.source.line)
        for attribute in element.attributes {
            noteBadCharacters(attribute.value, at: element.source)
            // xmlSetProp resolves the `xml:` prefix and stores the value as text, never as markup.
            xmlSetProp(node, attribute.qualifiedName, attribute.value)
        }
        for child in element.children {
            switch child {
            case .element(let e):
                let childNode = xmlNewDocNode(doc, ns, e.name, nil)!
                xmlAddChild(node, childNode)
                fill(childNode, from: e, ns: ns)
            case .text(var s):
                noteBadCharacters(s, at: element.source)
                // The string's own UTF-8 storage, no copy; libxml2 copies what it keeps.
                s.withUTF8 { buffer in
                    _ = xmlAddChild(node, xmlNewDocTextLen(doc, buffer.baseAddress, Int32(buffer.count)))
                }
            }
        }
    }

    /// The loader refuses these characters; this keeps any other source of them out of the output.
    private func noteBadCharacters(_ text: String, at source: SourceLocation) {
        guard let bad = OutputDocument.firstNonXMLCharacter(text) else { return }
        let hex = String(bad.value, radix: 16, uppercase: true)
        badCharacters.append(Diagnostic(at: source, "output is not valid XHTML 1.0 Strict: character U+"
                                        + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                                        + " is not allowed in XML"))
    }

    /// The first character outside XML 1.0's `Char` production (C0 controls other than tab, LF and
    /// CR; U+FFFE; U+FFFF), found on the UTF-8 bytes so the common case costs one scan.
    static func firstNonXMLCharacter(_ text: String) -> Unicode.Scalar? {
        let suspect = text.utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }
        guard suspect else { return nil }
        return text.unicodeScalars.first {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF
        }
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
               node.pointee.type == XML_ELEMENT_NODE,
               let index = node.pointee._private.map({ Int(bitPattern: $0) }), index > 0, index <= sources.count {
                location = sources[index - 1]
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
        precondition(!html5Applied, "xhtml() after html5()")
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
    /// Changes the tree, so call it last.
    public func html5() throws(XMLLayerError) -> [UInt8] {
        if !html5Applied { convertToHTML5(); html5Applied = true }
        guard let out = xmlAllocOutputBuffer(nil) else { throw .serialization("xmlAllocOutputBuffer failed") }
        htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0)
        xmlOutputBufferFlush(out)
        let bytes = Array(UnsafeBufferPointer(start: xmlOutputBufferGetContent(out), count: Int(xmlOutputBufferGetSize(out))))
        xmlOutputBufferClose(out)
        return bytes
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
