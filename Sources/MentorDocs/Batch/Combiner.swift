// `--combine`: one print file per program and document for the whole cohort, each partnership on
// a new page, and `index.html` linking every partnership's documents.
//
// Memory stays flat: a combined file is streamed to disk from the per-pair files already written,
// one at a time, in input order. Validity is kept by construction from validated pieces: the
// frame is the program's blank form with its body replaced, validated through OutputDocument;
// each partnership contributes the children of its own validated <body>, wrapped in a <div>
// (which accepts everything <body> does), with every id and reference to an id prefixed by the
// partnership's number so ids stay unique. The index is built through OutputDocument in chunks.
import Foundation

/// Writes the combined print files and the index of a batch.
struct Combiner {
    let renderer: Renderer
    let options: RenderOptions
    let folder: OutputFolder
    let jobs: Int
    let force: Bool
    let console: BatchConsole

    static let pairClass = "mentordocs-pair"
    static let marker = "mentordocs-combined-marker"

    /// Writes every combined file and the index; one entry for each.
    func run(_ pairs: [CombinePair]) -> [CombinedEntry] {
        // The groups in a fixed order: programs as listed, documents in each pair's order.
        var found: [(Program, DocumentKind)] = []
        var seen = Set<String>()
        for program in Program.allCases {
            for pair in pairs where pair.program == program {
                for (document, _, ok) in pair.documents where ok && seen.insert("\(program.rawValue)/\(document.rawValue)").inserted {
                    found.append((program, document))
                }
            }
        }
        let groups = found
        let results = ResultsBox(count: groups.count)
        let queue = WorkQueue(count: groups.count)
        let done = DispatchGroup()
        for _ in 0..<max(1, min(jobs, groups.count)) {
            done.enter()
            let thread = Thread {
                while let i = queue.next() {
                    results.set(i, combine(groups[i].0, groups[i].1, pairs: pairs))
                }
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        var entries = results.all()
        entries.append(index(pairs, combined: entries))
        for entry in entries where entry.status == .failed {
            console.print("\(PrintedName.escaped(folder.root))/\(entry.output): error: " + (entry.error ?? "cannot write"))
        }
        return entries
    }

    /// `combined/<program>/<document>.<ext>`.
    static func path(program: Program, document: DocumentKind, format: RenderOptions.Format) -> String {
        "combined/\(program.rawValue)/\(document.rawValue).\(format.fileExtension)"
    }

    // MARK: Combined print files

    private func combine(_ program: Program, _ document: DocumentKind, pairs: [CombinePair]) -> CombinedEntry {
        let relative = Combiner.path(program: program, document: document, format: options.format)
        var entry = CombinedEntry(output: relative, program: program.rawValue, document: document.rawValue,
                                  pairs: 0, sha256: nil, status: .failed, error: nil)
        do {
            if options.format == .pdf { return try combinePDF(program, document, pairs: pairs, entry: entry) }
            let (head, tail) = try frame(program, document)
            let file = try StreamingFile(path: try folder.path(for: relative))
            try file.write(head)
            var number = 0
            var out: [UInt8] = []
            for pair in pairs where pair.program == program {
                guard let (_, path, ok) = pair.documents.first(where: { $0.0 == document }), ok else { continue }
                // The path comes from a manifest: kept inside the folder, and read only if it is a regular file.
                guard let full = try? folder.path(for: path), case .success(let data) = RegularFile.read(full),
                      case let bytes = [UInt8](data), let body = BodyRewriter.bodyRange(in: bytes) else {
                    file.discard()
                    throw CombineError("cannot read the body of \(PrintedName.escaped(path))")
                }
                number += 1
                out.removeAll(keepingCapacity: true)
                out.append(contentsOf: "<div class=\"\(Combiner.pairClass)\" id=\"pair-\(number)\">".utf8)
                BodyRewriter.rewrite(bytes[body], prefix: "p\(number)-", into: &out)
                out.append(contentsOf: "</div>\n".utf8)
                try file.write(out)
            }
            try file.write(tail)
            let (outcome, digest) = try file.commit(force: force)
            entry.pairs = number
            entry.sha256 = digest
            entry.status = outcome == .written ? .written : .unchanged
        } catch {
            entry.error = "\(error)"
        }
        return entry
    }

    /// The pairs' own PDFs one after another (each keeps its page numbers), with an outline entry
    /// per pair and each pair's fingerprints in the Info.
    private func combinePDF(_ program: Program, _ document: DocumentKind, pairs: [CombinePair], entry: CombinedEntry) throws -> CombinedEntry {
        var entry = entry
        let file = try StreamingFile(path: try folder.path(for: entry.output))
        do {
            let merge = try PDFMerge { bytes in try file.write(bytes) }
            var number = 0
            // Each pair's fingerprints, from its own PDF, for the combined file's Info.
            var stamps: [(id: String, pages: ClosedRange<Int>, info: [String: String]?)] = []
            for pair in pairs where pair.program == program {
                guard let (_, path, ok) = pair.documents.first(where: { $0.0 == document }), ok else { continue }
                guard let full = try? folder.path(for: path), case .success(let data) = RegularFile.read(full) else {
                    throw CombineError("cannot read \(PrintedName.escaped(path))")
                }
                let bytes = [UInt8](data), first = merge.pageCount + 1
                try merge.append(bytes, title: pair.pair ?? pair.id, name: PrintedName.escaped(path))
                stamps.append((pair.id, first...merge.pageCount, PDFInfo.read(bytes)))
                number += 1
            }
            let title = try renderer.library.template(program: program, document: document).title ?? document.title
            let provenance = CombinedProvenance(document: "\(program.rawValue)/\(document.rawValue)", pairs: stamps)
            try merge.finish(info: [("Title", title), ("Subject", "\(program.displayName) · \(number) \(number == 1 ? "pair" : "pairs")"),
                                    ("Creator", MentorDocsVersion.name)] + (provenance?.metadata ?? []))
            let (outcome, digest) = try file.commit(force: force)
            entry.pairs = number
            entry.sha256 = digest
            entry.status = outcome == .written ? .written : .unchanged
        } catch {
            file.discard()
            throw error
        }
        return entry
    }

    /// The program's blank form with its body emptied, validated and serialized, split where the
    /// partnerships go.
    private func frame(_ program: Program, _ document: DocumentKind) throws -> ([UInt8], [UInt8]) {
        let template = try renderer.library.template(program: program, document: document)
        let values = ComputedValues.make(data: nil, program: program, title: template.title ?? document.title, options: options)
        var root = try template.render(values)
        let css = "div.\(Combiner.pairClass) + div.\(Combiner.pairClass) { page-break-before: always; break-before: page; }"
        for (i, child) in root.children.enumerated() {
            guard case .element(var element) = child else { continue }
            if element.name == "head" {
                element.children.append(.element(XMLTree.Element(
                    name: "style", attributes: [XMLTree.Attribute(name: "type", value: "text/css")],
                    children: [.text(css)], source: element.source)))
            } else if element.name == "body" {
                element.children = [.element(XMLTree.Element(
                    name: "div", attributes: [XMLTree.Attribute(name: "class", value: Combiner.marker)],
                    children: [], source: element.source))]
            }
            root.children[i] = .element(element)
        }
        let bytes = try validated(root)
        let marker = Array("<div class=\"\(Combiner.marker)\"></div>".utf8)
        guard let at = BodyRewriter.find(marker, in: bytes[...]) else {
            throw CombineError("cannot find the body of the \(program.rawValue) \(document.rawValue) frame")
        }
        return (Array(bytes[..<at]), Array(bytes[(at + marker.count)...]))
    }

    private func validated(_ root: XMLTree.Element) throws -> [UInt8] {
        var observer = SilentObserver()
        return try renderer.serialize(root, format: options.format, observer: &observer)
    }

    // MARK: The index

    /// `index.html`: every partnership with links to its documents, built through OutputDocument
    /// a chunk of rows at a time.
    private func index(_ pairs: [CombinePair], combined: [CombinedEntry]) -> CombinedEntry {
        var entry = CombinedEntry(output: "index.html", program: nil, document: nil, pairs: pairs.count,
                                  sha256: nil, status: .failed, error: nil)
        do {
            let marker = "mentordocs-index-marker"
            var body: [XMLTree.Node] = [element("h1", text: "Mentoring documents"),
                                        element("p", text: "\(pairs.count) partnerships, in input order.")]
            let printable = combined.filter { $0.status != .failed }
            if !printable.isEmpty {
                body.append(element("h2", text: "Print files (every partnership, each on a new page)"))
                body.append(element("ul", printable.map { c in
                    element("li", [link(c.output, "\(Program(rawValue: c.program ?? "")?.displayName ?? "") \(DocumentKind(rawValue: c.document ?? "")?.title ?? c.output)")])
                }))
            }
            body.append(element("h2", text: "Partnerships"))
            let header = element("tr", ["#", "Partnership", "Program", "Pair", "Documents"].map { element("th", text: $0) })
            let placeholder = element("tr", [element("td", text: "")], attributes: ["class": marker])
            body.append(element("table", [element("thead", [header]), element("tbody", [placeholder])], attributes: ["class": "grid"]))
            let css = "body { font-family: sans-serif; margin: 2em; } table { border-collapse: collapse; } "
                + "th, td { border: 1px solid #999999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; } "
                + ".failed { color: #a00000; }"
            let frame = try validated(page([element("title", text: "Mentoring documents"), element("style", text: css, attributes: ["type": "text/css"])], body))
            let open = Array("<tr class=\"\(marker)\">".utf8)
            guard let start = BodyRewriter.find(open, in: frame[...]),
                  let end = BodyRewriter.find(Array("</tr>".utf8), in: frame[start...]) else {
                throw CombineError("cannot find the rows of the index frame")
            }
            let file = try StreamingFile(path: try folder.path(for: "index.html"))
            try file.write(frame[..<start])
            var number = 0
            for chunk in stride(from: 0, to: pairs.count, by: 256) {
                var rows: [XMLTree.Node] = []
                for pair in pairs[chunk..<min(pairs.count, chunk + 256)] {
                    number += 1
                    var links: [XMLTree.Node] = []
                    for (i, (document, path, ok)) in pair.documents.enumerated() {
                        if i > 0 { links.append(.text(" · ")) }
                        links.append(ok ? link(path, document.rawValue)
                                        : element("span", text: document.rawValue + " (failed)", attributes: ["class": "failed"]))
                    }
                    rows.append(element("tr", [element("td", text: "\(number)"), element("td", text: pair.id),
                                               element("td", text: pair.program.displayName), element("td", text: pair.pair ?? ""),
                                               element("td", links)]))
                }
                let bytes = try validated(page([element("title", text: "rows")], [element("table", [element("tbody", rows)])]))
                let open = Array("<tbody>".utf8), close = Array("</tbody>".utf8)
                guard let s = BodyRewriter.find(open, in: bytes[...]), let e = BodyRewriter.find(close, in: bytes[s...]) else {
                    throw CombineError("cannot find the rows of an index chunk")
                }
                try file.write(bytes[(s + open.count)..<e])
            }
            try file.write(frame[(end + 5)...])
            let (outcome, digest) = try file.commit(force: force)
            entry.sha256 = digest
            entry.status = outcome == .written ? .written : .unchanged
        } catch {
            entry.error = "\(error)"
        }
        return entry
    }

    private func page(_ head: [XMLTree.Node], _ body: [XMLTree.Node]) -> XMLTree.Element {
        XMLTree.Element(name: "html",
                        attributes: [XMLTree.Attribute(prefix: "xml", namespace: XMLTree.xmlNamespace, name: "lang", value: "en"),
                                     XMLTree.Attribute(name: "lang", value: "en")],
                        children: [element("head", head), element("body", body)], source: Combiner.source)
    }

    private static let source = SourceLocation(file: "<index>", line: 0, column: 0)

    private func element(_ name: String, _ children: [XMLTree.Node] = [], text: String? = nil,
                         attributes: [String: String] = [:]) -> XMLTree.Node {
        .element(XMLTree.Element(name: name,
                                 attributes: attributes.sorted { $0.key < $1.key }.map { XMLTree.Attribute(name: $0.key, value: $0.value) },
                                 children: text.map { [.text($0)] } ?? children, source: Combiner.source))
    }

    private func link(_ path: String, _ text: String) -> XMLTree.Node {
        element("a", text: text, attributes: ["href": Combiner.percentEncoded(path)])
    }

    /// A relative path with every byte outside the URL-safe set percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

/// The combined entries as their threads finish them.
private final class ResultsBox: Sendable {
    private let entries: Locked<[CombinedEntry?]>
    init(count: Int) { entries = Locked(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ entry: CombinedEntry) { entries.withLock { $0[i] = entry } }
    func all() -> [CombinedEntry] { entries.withLock { $0.compactMap { $0 } } }
}

struct CombineError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Byte-level work on documents mentordocs itself serialized (so markup is regular: attribute
/// values quoted, `<` never raw in text, no comments or scripts in the body).
enum BodyRewriter {
    /// Attributes holding one id, or a space-separated list of them.
    static let idAttributes: Set<String> = ["id", "for"]
    static let idListAttributes: Set<String> = ["headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"]

    /// The bytes between the end of the `<body ...>` tag and `</body>`.
    static func bodyRange(in bytes: [UInt8]) -> Range<Int>? {
        guard var i = find(Array("<body".utf8), in: bytes[...]) else { return nil }
        i += 5
        guard i < bytes.count, bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: " ") else { return nil }
        var quote: UInt8?
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote { if b == q { quote = nil } } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b } else if b == UInt8(ascii: ">") { break }
            i += 1
        }
        guard i < bytes.count, let end = findLast(Array("</body>".utf8), in: bytes) else { return nil }
        return (i + 1)..<end
    }

    /// Copies `bytes` to `out`, prefixing every id and every reference to one.
    static func rewrite(_ slice: ArraySlice<UInt8>, prefix: String, into out: inout [UInt8]) {
        let bytes = Array(slice)
        let prefixBytes = Array(prefix.utf8)
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), eq = UInt8(ascii: "=")
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == lt, i + 1 < n, bytes[i + 1] != slash, bytes[i + 1] != UInt8(ascii: "!"), bytes[i + 1] != UInt8(ascii: "?") else {
                out.append(b)
                i += 1
                continue
            }
            // A start tag: its name, then attributes.
            out.append(b)
            i += 1
            while i < n, !isSpace(bytes[i]), bytes[i] != gt, bytes[i] != slash { out.append(bytes[i]); i += 1 }
            while i < n {
                while i < n, isSpace(bytes[i]) || bytes[i] == slash { out.append(bytes[i]); i += 1 }
                if i >= n { break }
                if bytes[i] == gt { out.append(gt); i += 1; break }
                let nameStart = i
                while i < n, !isSpace(bytes[i]), bytes[i] != eq, bytes[i] != gt, bytes[i] != slash { i += 1 }
                let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
                out.append(contentsOf: bytes[nameStart..<i])
                guard i < n, bytes[i] == eq else { continue }
                out.append(eq)
                i += 1
                var quote: UInt8?
                if i < n, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") { quote = bytes[i]; out.append(bytes[i]); i += 1 }
                let valueStart = i
                if let quote { while i < n, bytes[i] != quote { i += 1 } } else { while i < n, !isSpace(bytes[i]), bytes[i] != gt { i += 1 } }
                let value = bytes[valueStart..<i]
                if idAttributes.contains(name), !value.isEmpty {
                    out.append(contentsOf: prefixBytes)
                    out.append(contentsOf: value)
                } else if idListAttributes.contains(name) {
                    var atTokenStart = true
                    for v in value {
                        if isSpace(v) { atTokenStart = true } else if atTokenStart { out.append(contentsOf: prefixBytes); atTokenStart = false }
                        out.append(v)
                    }
                } else if name == "href", value.first == UInt8(ascii: "#"), value.count > 1 {
                    out.append(UInt8(ascii: "#"))
                    out.append(contentsOf: prefixBytes)
                    out.append(contentsOf: value.dropFirst())
                } else {
                    out.append(contentsOf: value)
                }
                if let quote, i < n { out.append(quote); i += 1 }
            }
        }
    }

    /// The first offset of `needle` in `haystack`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func findLast(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
