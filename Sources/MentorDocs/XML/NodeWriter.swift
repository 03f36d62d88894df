// Writes single nodes of a libxml2 document with the options OutputDocument writes a whole
// document with, so a document can be written in pieces that join into the same bytes.
import Foundation
internal import CLibXML2

/// Serializes nodes of one document in one syntax.
struct NodeWriter {
    let syntax: OutputDocument.Syntax
    let doc: xmlDocPtr

    init(_ syntax: OutputDocument.Syntax, doc: xmlDocPtr) {
        self.syntax = syntax
        self.doc = doc
    }

    /// `nodes` and everything in them, one after another.
    func write(_ nodes: [xmlNodePtr]) throws(XMLLayerError) -> [UInt8] {
        switch syntax {
        case .xhtml:
            // As OutputDocument.xhtml(): libxml2's XHTML rules, UTF-8, no formatting.
            let buffer = xmlBufferCreate()!
            defer { xmlBufferFree(buffer) }
            guard let save = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_XHTML.rawValue)) else {
                throw .serialization("xmlSaveToBuffer failed")
            }
            var failed = false
            for node in nodes where xmlSaveTree(save, node) < 0 { failed = true }
            if xmlSaveClose(save) < 0 || failed { throw .serialization("xmlSaveTree failed") }
            return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
        case .html5:
            // As OutputDocument.html5(): the same writer, node by node.
            return HTML5Writer.write(nodes)
        }
    }
}

/// Document-order walks over a libxml2 tree without recursion.
enum XMLWalk {
    /// The node after `node` in document order (its own children first), staying inside `root`.
    static func next(_ node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children { return child }
        var current = node
        while current != root {
            if let next = current.pointee.next { return next }
            guard let parent = current.pointee.parent else { return nil }
            current = parent
        }
        return nil
    }
}
