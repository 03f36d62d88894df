// `--combine`: one print file per program and document for the whole cohort, each partnership on
// a new page, and `index.html` linking every partnership's documents.
//
// Memory stays flat: a combined file is streamed to disk from the per-pair files already written,
// one at a time, in input order. Validity is kept by construction from validated pieces, joined
// on libxml2 trees in XML/ (DocumentJoiner), never by editing serialized bytes: the frame is the
// program's blank form with its body emptied, validated through OutputDocument and written as the
// bytes before and after the body's children; each partnership's written document is parsed back
// and its <body> becomes a <div> (which accepts everything <body> does), with every id and
// reference to an id prefixed by the partnership's number so ids stay unique. The index is built
// through OutputDocument the same way, a chunk of rows at a time.
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
            let joiner = DocumentJoiner(syntax: options.format.syntax, pairClass: Combiner.pairClass)
            let (head, tail) = try frame(program, document, joiner: joiner)
            let file = try StreamingFile(path: try folder.path(for: relative))
            try file.write(head)
            var number = 0
            for pair in pairs where pair.program == program {
                guard let (_, path, ok) = pair.documents.first(where: { $0.0 == document }), ok else { continue }
                // The path comes from a manifest: kept inside the folder, and read only if it is a regular file.
                guard let full = try? folder.path(for: path), case .success(let data) = RegularFile.read(full),
                      let div = try joiner.pair([UInt8](data), number: number + 1) else {
                    file.discard()
                    throw CombineError("cannot read the body of \(PrintedName.escaped(path))")
                }
                number += 1
                try file.write(div)
            }
            try file.write(tail)
            let (outcome, digest) = try file.commit(force: force)
            entry.pairs = number
            entry.sha256 = digest
            entry.status = outcome == .written ? .written : .unchanged
        } catch {
            entry.error = (error as? LocatedError)?.message ?? "\(error)" // printed after the file's own path
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

    /// The program's blank form with its body emptied, validated, written as the bytes before
    /// and after where the partnerships go.
    private func frame(_ program: Program, _ document: DocumentKind, joiner: DocumentJoiner) throws -> ([UInt8], [UInt8]) {
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
                element.children = []
            }
            root.children[i] = .element(element)
        }
        return try joiner.frame(try renderer.validated(root))
    }

    // MARK: The index

    /// `index.html`: every partnership with links to its documents, built through OutputDocument
    /// a chunk of rows at a time.
    private func index(_ pairs: [CombinePair], combined: [CombinedEntry]) -> CombinedEntry {
        var entry = CombinedEntry(output: "index.html", program: nil, document: nil, pairs: pairs.count,
                                  sha256: nil, status: .failed, error: nil)
        do {
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
            // A table body holds at least one row: this one makes the frame valid and is left out of it.
            let placeholder = element("tr", [element("td", text: "")])
            body.append(element("table", [element("thead", [header]), element("tbody", [placeholder])], attributes: ["class": "grid"]))
            let css = "body { font-family: sans-serif; margin: 2em; } table { border-collapse: collapse; } "
                + "th, td { border: 1px solid #999999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; } "
                + ".failed { color: #a00000; }"
            let syntax = options.format.syntax
            let frame = try renderer.validated(page([element("title", text: "Mentoring documents"), element("style", text: css, attributes: ["type": "text/css"])], body))
                .split(at: "tbody", syntax)
            let file = try StreamingFile(path: try folder.path(for: "index.html"))
            try file.write(frame.before)
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
                try file.write(try renderer.validated(page([element("title", text: "rows")], [element("table", [element("tbody", rows)])]))
                    .children(of: "tbody", syntax))
            }
            try file.write(frame.after)
            let (outcome, digest) = try file.commit(force: force)
            entry.sha256 = digest
            entry.status = outcome == .written ? .written : .unchanged
        } catch {
            entry.error = (error as? LocatedError)?.message ?? "\(error)" // printed after the file's own path
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
