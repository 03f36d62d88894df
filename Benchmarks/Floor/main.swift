// The libxml2 floor for `make bench`: what rendering costs when everything but libxml2's own
// work is free. Each of the given documents (mentordocs's XHTML output for the benchmark cohort)
// is parsed once, untimed, as its prototype, and its text kept as Swift strings; the timed part
// then does per document only what any libxml2-based renderer must: copy the prototype, fill
// every text node, validate against the XHTML 1.0 Strict DTD, serialize as HTML. No YAML, no
// templates, no file writes.
//
//   mentordocs-floor --dtd PATH --jobs N FOLDER...   prints "floor: D documents in S s: R documents/s"
import CLibXML2
import Foundation

/// The parsed DTD, only read once every content model is built.
struct SharedDTD: @unchecked Sendable { let pointer: xmlDtdPtr }

struct Prototype: @unchecked Sendable {
    let doc: xmlDocPtr
    let texts: [String]
}

func textNodes(_ node: xmlNodePtr?, _ visit: (xmlNodePtr) -> Void) {
    var child = node?.pointee.children
    while let c = child {
        if c.pointee.type == XML_TEXT_NODE { visit(c) } else if c.pointee.type == XML_ELEMENT_NODE { textNodes(c, visit) }
        child = c.pointee.next
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var dtdPath = "/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-xhtml1-20020801/xhtml1-strict.dtd"
var jobs = 2
var folders: [String] = []
while !arguments.isEmpty {
    let a = arguments.removeFirst()
    switch a {
    case "--dtd": dtdPath = arguments.removeFirst()
    case "--jobs": jobs = Int(arguments.removeFirst()) ?? 2
    default: folders.append(a)
    }
}

xmlInitParser()
guard let dtd = xmlParseDTD(nil, dtdPath) else { fatalError("cannot read the DTD at \(dtdPath)") }
// Build every content model up front, as mentordocs does, so threads only read the DTD.
do {
    let context = xmlNewValidCtxt()
    var node = dtd.pointee.children
    while let n = node {
        if n.pointee.type == XML_ELEMENT_DECL {
            let element = UnsafeMutableRawPointer(n).assumingMemoryBound(to: xmlElement.self)
            if element.pointee.etype == XML_ELEMENT_TYPE_ELEMENT { xmlValidBuildContentModel(context, element) }
        }
        node = n.pointee.next
    }
    xmlFreeValidCtxt(context)
}

var prototypes: [Prototype] = []
for folder in folders {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
    while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".xhtml"), let data = FileManager.default.contents(atPath: folder + "/" + relative) else { continue }
        let doc = data.withUnsafeBytes { raw in
            xmlReadMemory(raw.baseAddress, Int32(raw.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue))
        }
        guard let doc else { continue }
        var texts: [String] = []
        textNodes(xmlDocGetRootElement(doc).map { $0 }) { node in texts.append(String(cString: node.pointee.content)) }
        prototypes.append(Prototype(doc: doc, texts: texts))
    }
}
guard !prototypes.isEmpty else { fatalError("no .xhtml documents in \(folders)") }

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var bytes = 0
    func take() -> Int? { lock.lock(); defer { lock.unlock() }; next += 1; return next - 1 }
    func add(_ n: Int) { lock.lock(); bytes += n; lock.unlock() }
}
let counter = Counter()
let all = prototypes
let shared = SharedDTD(pointer: dtd)
let start = DispatchTime.now().uptimeNanoseconds
let group = DispatchGroup()
for _ in 0..<jobs {
    group.enter()
    Thread {
        var produced = 0
        while let i = counter.take(), i < all.count {
            let prototype = all[i]
            let copy = xmlCopyDoc(prototype.doc, 1)!
            var n = 0
            textNodes(xmlDocGetRootElement(copy)) { node in
                var text = prototype.texts[n]
                text.withUTF8 { xmlNodeSetContentLen(node, $0.baseAddress, Int32($0.count)) }
                n += 1
            }
            let context = xmlNewValidCtxt()!
            context.pointee.error = nil
            context.pointee.warning = nil
            if xmlValidateDtd(context, copy, shared.pointer) != 1 { fatalError("a prototype is not valid") }
            xmlFreeValidCtxt(context)
            let out = xmlAllocOutputBuffer(nil)!
            htmlDocContentDumpFormatOutput(out, copy, "UTF-8", 0)
            xmlOutputBufferFlush(out)
            produced += Int(xmlOutputBufferGetSize(out))
            xmlOutputBufferClose(out)
            xmlFreeDoc(copy)
        }
        counter.add(produced)
        group.leave()
    }.start()
}
group.wait()
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print(String(format: "floor: %d documents in %.3f s: %.0f documents/s (%d jobs, %.1f MB of HTML)",
             all.count, seconds, Double(all.count) / seconds, jobs, Double(counter.bytes) / 1e6))
