// Writes a document's tree as HTML5 bytes, straight into one buffer: the bytes libxml2 2.9's
// htmlDocContentDumpFormatOutput(format: 0) writes for our trees, without its per-node costs (a
// linear, case-folding search of its element table for every element, a fresh escaped copy of
// every text and attribute value). Its rules, kept here:
// - `<!DOCTYPE html>` and a line break, the root element, a line break;
// - void elements (br, hr, meta, col, ... libxml2's `empty` ones) have no end tag, an empty `li`
//   none either, any other empty element `<x></x>`;
// - text escapes `<` `>` `&` and a carriage return (`&#13;`), drops other C0 controls but tab
//   and line feed, and keeps UTF-8 as it is; inside `style` and `script` it is written raw;
// - attribute values are escaped the same way, then quoted with `"` (with `'` when the value
//   holds `"` but no `'`, else `"` with `&quot;`); `href`, `src`, `action` (and `name` on `a`)
//   are URI-escaped by libxml2 itself; boolean attributes are written bare.
// Names are compared with ASCII case folded, as libxml2 does. The tests compare this writer with
// libxml2's on every golden document and on hostile values.
// `converting`: an XHTML tree is written as OutputDocument's HTML5 conversion would leave it (no
// namespaces, no `xml:` attributes, `<meta charset="utf-8">` first in `<head>` in place of a
// Content-Type `http-equiv` meta), without changing the tree or walking it an extra time.
// A copy of a template's fixed subtree (its root's `_private` holds -(prototype index + 1)) is
// written as the bytes its prototype was written as, once per template, when `fixed` gives them:
// nothing changes a copy after it is made, and the conversion never reaches below `<head>`'s own
// children, so its bytes are the same in every document. A copy that is the root, `<head>` or a
// child of `<head>` is walked as any element.
internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTML5 serialization of a libxml2 tree.
struct HTML5Writer: ~Copyable {
    private var out: ByteBuffer
    /// An attribute value being escaped before it is quoted.
    private var value: ByteBuffer
    /// Whether the tree is XHTML, written as converted to HTML5.
    private let converting: Bool
    /// The root element and, once met, its `<head>` (while converting).
    private var root: xmlNodePtr?
    private var head: xmlNodePtr?
    /// The HTML5 bytes of the template's fixed subtrees, by prototype index (while converting).
    private var fixed: [[UInt8]] = []

    private init(capacity: Int, converting: Bool = false) {
        out = ByteBuffer(capacity: capacity)
        value = ByteBuffer(capacity: 256)
        self.converting = converting
    }

    /// The HTML5 bytes of `doc`, a tree already converted to HTML5.
    static func write(_ doc: xmlDocPtr, capacity: Int = 32 << 10) -> [UInt8] {
        var writer = HTML5Writer(capacity: capacity)
        writer.document(doc)
        return writer.out.bytes
    }

    /// The HTML5 bytes of the XHTML document `doc`, which is not changed: the bytes `write`
    /// gives once OutputDocument has converted it.
    /// `fixed`: the HTML5 bytes of the fixed subtrees the tree's marked copies were made from
    /// (`TemplatePrototype.html5`), or none to walk every node.
    static func write(converting doc: xmlDocPtr, fixed: [[UInt8]] = [], capacity: Int = 32 << 10) -> [UInt8] {
        var writer = HTML5Writer(capacity: capacity, converting: true)
        writer.root = xmlDocGetRootElement(doc)
        writer.fixed = fixed
        writer.document(doc)
        return writer.out.bytes
    }

    /// The HTML5 bytes of the unlinked prototype element `node`, as a copy of it is written
    /// inside a converted document's `<body>`.
    static func write(fixed node: xmlNodePtr) -> [UInt8] {
        var writer = HTML5Writer(capacity: 1 << 10, converting: true)
        writer.subtree(node)
        return writer.out.bytes
    }

    /// The HTML5 bytes of `nodes` and everything in them, one after another, exactly as the
    /// whole document's writing has them.
    static func write(_ nodes: [xmlNodePtr], capacity: Int = 32 << 10) -> [UInt8] {
        var writer = HTML5Writer(capacity: capacity)
        for node in nodes { writer.subtree(node) }
        return writer.out.bytes
    }

    private mutating func document(_ doc: xmlDocPtr) {
        if converting {
            out.append("<!DOCTYPE html>\n")
        } else if let dtd = doc.pointee.intSubset {
            out.append("<!DOCTYPE ")
            out.append(dtd.pointee.name)
            if let external = dtd.pointee.ExternalID {
                out.append(" PUBLIC ")
                quoted(external)
                if let system = dtd.pointee.SystemID { out.append(" "); quoted(system) }
            } else if let system = dtd.pointee.SystemID, xmlStrEqual(system, "about:legacy-compat") == 0 {
                out.append(" SYSTEM ")
                quoted(system)
            }
            out.append(">\n")
        }
        var child = doc.pointee.children
        if child == nil { out.append("\n"); return }
        while let node = child {
            subtree(node)
            child = node.pointee.next
        }
        out.append("\n")
    }

    /// Writes `root` and everything below it, without recursion.
    private mutating func subtree(_ root: xmlNodePtr) {
        var cur = root
        var open: [xmlNodePtr] = []
        while true {
            switch cur.pointee.type {
            case XML_ELEMENT_NODE:
                if converting, let head, cur.pointee.parent == head, HTML5Writer.isContentTypeMeta(cur) { break } // dropped
                if let bytes = fixedBytes(of: cur) { out.append(bytes); break } // a fixed subtree's copy
                if self.open(cur), let first = cur.pointee.children {
                    open.append(cur)
                    cur = first
                    continue
                }
            case XML_TEXT_NODE:
                if let content = cur.pointee.content {
                    if let parent = cur.pointee.parent, HTML5Writer.isRawText(parent.pointee.name) {
                        out.append(content)
                    } else {
                        out.appendEscaped(content)
                    }
                }
            case XML_COMMENT_NODE:
                if let content = cur.pointee.content { out.append("<!--"); out.append(content); out.append("-->") }
            case XML_PI_NODE:
                if let name = cur.pointee.name {
                    out.append("<?"); out.append(name)
                    if let content = cur.pointee.content { out.append(" "); out.append(content) }
                    out.append(">")
                }
            case XML_ENTITY_REF_NODE:
                out.append("&"); out.append(cur.pointee.name); out.append(";")
            default:
                break
            }
            // On to the next sibling, closing the elements left behind.
            while true {
                if cur == root { return }
                if let next = cur.pointee.next { cur = next; break }
                guard let up = open.popLast() else { return }
                out.append("</"); qualifiedName(up); out.append(">")
                cur = up
            }
        }
    }

    /// The bytes of the fixed subtree `element` is a copy of, when it may be written as them.
    @inline(__always) private func fixedBytes(of element: xmlNodePtr) -> [UInt8]? {
        guard !fixed.isEmpty, let mark = element.pointee._private.map({ Int(bitPattern: $0) }), mark < 0,
              element != root, let parent = element.pointee.parent, parent != root, parent != head else { return nil }
        let index = -mark - 1
        return index < fixed.count && !fixed[index].isEmpty ? fixed[index] : nil
    }

    /// `<name attributes>`; true when its children follow (and then its end tag).
    private mutating func open(_ element: xmlNodePtr) -> Bool {
        out.append("<")
        qualifiedName(element)
        var ns = converting && element == root ? nil : element.pointee.nsDef
        while let n = ns {
            if n.pointee.type == XML_NAMESPACE_DECL, let href = n.pointee.href,
               !(n.pointee.prefix.map { xmlStrEqual($0, "xml") == 1 } ?? false) {
                out.append(" xmlns")
                if let prefix = n.pointee.prefix { out.append(":"); out.append(prefix) }
                out.append("=")
                quoted(href)
            }
            ns = n.pointee.next
        }
        var attribute = element.pointee.properties
        while let a = attribute {
            if !(converting && HTML5Writer.isXMLAttribute(a)) { self.attribute(a, of: element) }
            attribute = a.pointee.next
        }
        let name = element.pointee.name!
        if converting, head == nil, element.pointee.parent == root, xmlStrEqual(name, "head") == 1 {
            head = element
            out.append("><meta charset=\"utf-8\">") // the conversion's first child of <head>
            if element.pointee.children != nil { return true }
            out.append("</"); qualifiedName(element); out.append(">")
            return false
        }
        let known = converting || element.pointee.ns == nil
        if known, HTML5Writer.isVoid(name) {
            out.append(">")
            return false
        }
        if element.pointee.children == nil {
            if known, HTML5Writer.folded(name, equals: "li") { out.append(">") } else { out.append("></"); qualifiedName(element); out.append(">") }
            return false
        }
        out.append(">")
        return true
    }

    private mutating func attribute(_ a: xmlAttrPtr, of element: xmlNodePtr) {
        out.append(" ")
        if let ns = a.pointee.ns, let prefix = ns.pointee.prefix { out.append(prefix); out.append(":") }
        let name = a.pointee.name!
        out.append(name)
        guard a.pointee.children != nil, !HTML5Writer.isBoolean(name) else { return }
        value.removeAll()
        var child = a.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = c.pointee.content { value.appendEscaped(content) }
            } else if c.pointee.type == XML_ENTITY_REF_NODE {
                value.append("&"); value.append(c.pointee.name); value.append(";")
            }
            child = c.pointee.next
        }
        out.append("=")
        let isURI = a.pointee.ns == nil && (converting || element.pointee.ns == nil) && HTML5Writer.isURI(name, of: element)
        value.append(0) // a C string for libxml2 and for quoting
        defer { value.removeLast() }
        if isURI {
            var start = value.start
            while start.pointee == 0x20 || start.pointee == 0x09 || start.pointee == 0x0A || start.pointee == 0x0D { start += 1 }
            if let escaped = xmlURIEscapeStr(start, "@/:=?;#%&,+<>") {
                quoted(UnsafePointer(escaped))
                mentordocs_xmlFree(escaped)
                return
            }
        }
        quoted(UnsafePointer(value.start))
    }

    /// `text` in quotes, as libxml2's xmlBufWriteQuotedString writes it.
    private mutating func quoted(_ text: UnsafePointer<xmlChar>) {
        let count = strlen(text)
        let hasDouble = memchr(text, 0x22, count) != nil
        if !hasDouble {
            out.append("\""); out.append(text, count: count); out.append("\"")
        } else if memchr(text, 0x27, count) == nil {
            out.append("'"); out.append(text, count: count); out.append("'")
        } else {
            out.append("\"")
            var start = text
            for i in 0..<count where text[i] == 0x22 {
                out.append(start, count: start.distance(to: text + i))
                out.append("&quot;")
                start = text + i + 1
            }
            out.append(start, count: start.distance(to: text + count))
            out.append("\"")
        }
    }

    private mutating func qualifiedName(_ element: xmlNodePtr) {
        if !converting, let ns = element.pointee.ns, let prefix = ns.pointee.prefix { out.append(prefix); out.append(":") }
        out.append(element.pointee.name)
    }

    /// An attribute in the `xml:` namespace (`xml:lang`), which the conversion removes.
    private static func isXMLAttribute(_ a: xmlAttrPtr) -> Bool {
        guard let ns = a.pointee.ns, let prefix = ns.pointee.prefix else { return false }
        return xmlStrEqual(prefix, "xml") == 1
    }

    /// A `<meta http-equiv="Content-Type">`, which the conversion removes from `<head>`.
    private static func isContentTypeMeta(_ element: xmlNodePtr) -> Bool {
        guard xmlStrEqual(element.pointee.name, "meta") == 1, let equiv = xmlGetProp(element, "http-equiv") else { return false }
        defer { mentordocs_xmlFree(equiv) }
        return String(cString: equiv).lowercased() == "content-type"
    }

    // MARK: Names, ASCII case folded

    /// Elements libxml2 writes without an end tag (its table's `empty` ones).
    private static func isVoid(_ name: UnsafePointer<xmlChar>) -> Bool {
        switch name.pointee | 0x20 {
        case UInt8(ascii: "a"): return folded(name, equals: "area")
        case UInt8(ascii: "b"): return folded(name, equals: "br") || folded(name, equals: "base") || folded(name, equals: "basefont")
        case UInt8(ascii: "c"): return folded(name, equals: "col")
        case UInt8(ascii: "f"): return folded(name, equals: "frame")
        case UInt8(ascii: "h"): return folded(name, equals: "hr")
        case UInt8(ascii: "i"): return folded(name, equals: "img") || folded(name, equals: "input") || folded(name, equals: "isindex")
        case UInt8(ascii: "l"): return folded(name, equals: "link")
        case UInt8(ascii: "m"): return folded(name, equals: "meta")
        case UInt8(ascii: "p"): return folded(name, equals: "param")
        default: return false
        }
    }

    /// Attributes libxml2 writes as their name alone.
    private static func isBoolean(_ name: UnsafePointer<xmlChar>) -> Bool {
        switch name.pointee | 0x20 {
        case UInt8(ascii: "c"): return folded(name, equals: "checked") || folded(name, equals: "compact")
        case UInt8(ascii: "d"): return folded(name, equals: "declare") || folded(name, equals: "defer") || folded(name, equals: "disabled")
        case UInt8(ascii: "i"): return folded(name, equals: "ismap")
        case UInt8(ascii: "m"): return folded(name, equals: "multiple")
        case UInt8(ascii: "n"): return folded(name, equals: "nohref") || folded(name, equals: "noresize") || folded(name, equals: "noshade")
            || folded(name, equals: "nowrap")
        case UInt8(ascii: "r"): return folded(name, equals: "readonly")
        case UInt8(ascii: "s"): return folded(name, equals: "selected")
        default: return false
        }
    }

    /// Attributes libxml2 URI-escapes: `href`, `action`, `src`, and `name` on `a`.
    private static func isURI(_ name: UnsafePointer<xmlChar>, of element: xmlNodePtr) -> Bool {
        switch name.pointee | 0x20 {
        case UInt8(ascii: "h"): return folded(name, equals: "href")
        case UInt8(ascii: "a"): return folded(name, equals: "action")
        case UInt8(ascii: "s"): return folded(name, equals: "src")
        case UInt8(ascii: "n"): return folded(name, equals: "name") && folded(element.pointee.name, equals: "a")
        default: return false
        }
    }

    /// Whether text in an element of this name is written unescaped.
    private static func isRawText(_ name: UnsafePointer<xmlChar>?) -> Bool {
        guard let name, name.pointee | 0x20 == UInt8(ascii: "s") else { return false }
        return folded(name, equals: "style") || folded(name, equals: "script")
    }

    /// Whether the C string `name` is `lower` with ASCII case folded (`lower` is lowercase).
    static func folded(_ name: UnsafePointer<xmlChar>, equals lower: StaticString) -> Bool {
        lower.withUTF8Buffer { expected in
            for i in 0..<expected.count {
                let byte = name[i]
                if byte == 0 { return false }
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if folded != expected[i] { return false }
            }
            return name[expected.count] == 0
        }
    }
}

/// A growing byte buffer written with memcpy.
private struct ByteBuffer: ~Copyable {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    mutating func removeAll() { count = 0 }
    mutating func removeLast() { count -= 1 }

    @inline(__always) mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(count + more) }
    }

    private mutating func grow(_ needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = grown
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ text: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (start + count).update(from: text, count: n)
        count += n
    }

    mutating func append(_ text: UnsafePointer<UInt8>) { append(text, count: strlen(text)) }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { append(base, count: $0.count) } }
    }

    /// Markup written by the writer: most of it one or a few bytes, copied without a call.
    @inline(__always) mutating func append(_ text: StaticString) {
        guard text.hasPointerRepresentation else {
            text.withUTF8Buffer { append($0.baseAddress!, count: $0.count) }
            return
        }
        let n = text.utf8CodeUnitCount
        reserve(n)
        let source = text.utf8Start
        for i in 0..<n { start[count + i] = source[i] }
        count += n
    }

    /// libxml2's xmlEncodeEntitiesReentrant for a document with an encoding: `<` `>` `&` as
    /// entities, a carriage return as `&#13;`, other C0 controls but tab and line feed dropped,
    /// everything else as it is.
    mutating func appendEscaped(_ text: UnsafePointer<UInt8>) {
        var from = text
        var cur = text
        while true {
            let byte = cur.pointee
            if byte == 0 { break }
            // Letters and most punctuation are above '>' (0x3E), the highest byte escaped.
            if byte > 0x3E || (byte >= 0x20 && byte != 0x3C && byte != 0x3E && byte != 0x26) || byte == 0x0A || byte == 0x09 {
                cur += 1
                continue
            }
            append(from, count: from.distance(to: cur))
            switch byte {
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x26: append("&amp;")
            case 0x0D: append("&#13;")
            default: break // not an XML character: libxml2 drops it
            }
            cur += 1
            from = cur
        }
        append(from, count: from.distance(to: cur))
    }
}
