// One PDF made of several, for `--combine --format pdf`: each part's pages (and every object they
// reach: contents, fonts, images, annotations) copied with its objects renumbered, one new page
// tree, an outline with one entry per part, and the document information. Parts are appended one
// at a time and written out at once, so only the offsets table and the page numbers stay in
// memory. Each part keeps its own page numbers ("Page 1 of 2"), printed into it by the browser.
// The parts' tagged structure is carried over by PDFStructureMerge, so the whole file is tagged.
import Foundation

/// Concatenates PDFs into one, written through `write` as it goes.
final class PDFMerge {
    private let write: ([UInt8]) throws -> Void
    private var offset = 0
    /// New object number → byte offset.
    private var offsets: [Int] = [0, 0, 0, 0, 0]
    private var pages: [Int] = []
    /// Each part's title and first page.
    private var outline: [(title: String, page: Int)] = []
    /// The first part's language (`/Lang`), kept for the whole file.
    private var language: [UInt8]?
    /// The parts' structure trees.
    private let structure = PDFStructureMerge()
    /// The new structure tree root and Document element, numbered when the first tagged part comes.
    private var structureNumbers: (root: Int, document: Int)?

    static let pagesNumber = 1, catalogNumber = 2, outlinesNumber = 3, infoNumber = 4
    /// Page attributes a Pages node may hand down to its pages.
    static let inherited = ["Resources", "MediaBox", "CropBox", "Rotate"]

    /// A merge whose bytes go to `write`, starting with the PDF header.
    init(write: @escaping ([UInt8]) throws -> Void) throws {
        self.write = write
        try emit(Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 10])
    }

    /// The number of pages appended so far.
    var pageCount: Int { pages.count }

    /// Appends every page of `pdf`, with an outline entry titled `title` pointing at its first.
    /// After an error the merge is unusable (its output is to be discarded).
    func append(_ pdf: [UInt8], title: String, name: String) throws {
        let document = try PDFDocument(pdf, name: name)
        guard let root = document.trailer["Root"]?.reference, case let catalog = try document.object(root).value,
              let pagesRoot = catalog["Pages"]?.reference else {
            throw PDFError("\(name) has no page tree")
        }
        if language == nil, case .raw(let lang) = catalog["Lang"], lang.allSatisfy({ (32..<127).contains($0) }) { language = lang }
        // The page tree, in order, with what each page inherits; its nodes, the catalog, the
        // Info and the structure trees (rebuilt for the whole file) are not copied (a reference
        // to one becomes null).
        var leaves: [(number: Int, inherited: [(String, PDFValue)])] = []
        var excluded: Set<Int> = [root]
        let trees = try structure.begin(document, catalog: catalog, part: outline.count + 1)
        excluded.formUnion(trees)
        if !trees.isEmpty && structureNumbers == nil {
            structureNumbers = (offsets.count, offsets.count + 1)
            offsets += [0, 0]
        }
        let documentNumber = structureNumbers?.document ?? 0
        var seenLeaves = Set<Int>()
        if let info = document.trailer["Info"]?.reference { excluded.insert(info) }
        func walk(_ number: Int, _ handed: [(String, PDFValue)], depth: Int) throws {
            guard depth < 64, !excluded.contains(number) else {
                throw PDFError("\(name): its page tree loops or is too deep")
            }
            let node = try document.object(number).value
            if node["Type"]?.name == "Pages" || node["Kids"] != nil {
                excluded.insert(number)
                var handed = handed
                for key in Self.inherited { if let value = node[key] { handed.removeAll { $0.0 == key }; handed.append((key, value)) } }
                guard case .array(let kids) = node["Kids"] ?? .array([]) else { throw PDFError("\(name): a page tree node's /Kids is not an array") }
                for kid in kids {
                    guard let n = kid.reference else { throw PDFError("\(name): a page tree node has a kid that is not a reference") }
                    try walk(n, handed, depth: depth + 1)
                }
            } else {
                guard seenLeaves.insert(number).inserted else { throw PDFError("\(name): a page appears twice in its page tree") }
                leaves.append((number, handed.filter { key, _ in node[key] == nil }))
            }
        }
        try walk(pagesRoot, [], depth: 0)
        guard !leaves.isEmpty else { throw PDFError("\(name) has no pages") }

        // Pages take the next numbers, in order; everything they reach follows as it is found.
        var renumbered: [Int: Int] = [:]
        var queue: [Int] = []
        func number(_ old: Int) -> Int? {
            if let parent = structure.parent(of: old, document: documentNumber) { return parent }
            if excluded.contains(old) || document.offsets[old] == nil { return nil }
            if let n = renumbered[old] { return n }
            let n = offsets.count
            offsets.append(0)
            renumbered[old] = n
            queue.append(old)
            return n
        }
        var inheritedOf: [Int: [(String, PDFValue)]] = [:]
        for leaf in leaves {
            guard let page = number(leaf.number) else { throw PDFError("\(name): page object \(leaf.number) is missing") }
            pages.append(page)
            inheritedOf[leaf.number] = leaf.inherited
        }
        outline.append((title, pages[pages.count - leaves.count]))
        try structure.collect(document, number: number)

        var next = 0
        var out: [UInt8] = []
        while next < queue.count {
            let old = queue[next]
            next += 1
            let object = try document.object(old)
            var value = structure.adjust(object.value, old: old)
            if let handed = inheritedOf[old] {
                for (key, inherited) in handed { value = value.setting(key, inherited) }
                value = value.setting("Parent", .ref(-1))
            }
            if let stream = object.stream { value = value.setting("Length", .raw(Array(String(stream.count).utf8))) }
            out.removeAll(keepingCapacity: true)
            out += Array("\(renumbered[old]!) 0 obj\n".utf8)
            value.write(into: &out) { $0 == -1 ? Self.pagesNumber : number($0) }
            if let stream = object.stream {
                out += Array("\nstream\n".utf8)
                out += document.bytes[stream]
                out += Array("\nendstream".utf8)
            }
            out += Array("\nendobj\n".utf8)
            offsets[renumbered[old]!] = offset
            try emit(out)
        }
        structure.end()
    }

    /// Writes the page tree, the outline, the catalog, the Info (text `entries`), the
    /// cross-reference table and the trailer.
    func finish(info entries: [(String, String)]) throws {
        guard !pages.isEmpty else { throw PDFError("there are no pages to combine") }
        let first = offsets.count
        let items = outline.indices.map { first + $0 }
        offsets += Array(repeating: 0, count: items.count)

        var kids = "["
        for (i, page) in pages.enumerated() { kids += (i % 16 == 15 ? "\n" : i > 0 ? " " : "") + "\(page) 0 R" }
        try object(Self.pagesNumber, "<</Type /Pages\n/Count \(pages.count)\n/Kids \(kids)]>>")
        for (i, item) in outline.enumerated() {
            var body = "<</Title \(PDFInfo.hexString(item.title))\n/Parent \(Self.outlinesNumber) 0 R\n/Dest [\(item.page) 0 R /Fit]"
            if i > 0 { body += "\n/Prev \(items[i - 1]) 0 R" }
            if i + 1 < items.count { body += "\n/Next \(items[i + 1]) 0 R" }
            try object(items[i], body + ">>")
        }
        try object(Self.outlinesNumber, "<</Type /Outlines\n/First \(items[0]) 0 R\n/Last \(items[items.count - 1]) 0 R\n/Count \(items.count)>>")
        let lang = language.map { "\n/Lang " + String(decoding: $0, as: UTF8.self) } ?? ""
        var tagged = ""
        if let numbers = structureNumbers, structure.isTagged {
            try structure.finish(root: numbers.root, document: numbers.document, language: language,
                                 allocate: { offsets.append(0); return offsets.count - 1 }, object: object)
            tagged = "\n/MarkInfo <</Type /MarkInfo /Marked true>>\n/StructTreeRoot \(numbers.root) 0 R"
        } else if let numbers = structureNumbers {
            // Tagged parts whose trees held no element: the numbers set aside are left empty.
            try object(numbers.root, "null")
            try object(numbers.document, "null")
        }
        try object(Self.catalogNumber, "<</Type /Catalog\n/Pages \(Self.pagesNumber) 0 R\n/Outlines \(Self.outlinesNumber) 0 R\n/PageMode /UseOutlines"
                   + "\n/ViewerPreferences <</DisplayDocTitle true>>\(lang)\(tagged)>>")
        var info = "<<"
        for (key, value) in entries { info += "/\(key) \(PDFInfo.textString(value))\n" }
        try object(Self.infoNumber, info + ">>")

        let xref = offset
        var tail = "xref\n0 \(offsets.count)\n0000000000 65535 f \n"
        for n in 1..<offsets.count { tail += String(format: "%010d 00000 n \n", offsets[n]) }
        tail += "trailer\n<</Size \(offsets.count) /Root \(Self.catalogNumber) 0 R /Info \(Self.infoNumber) 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        try emit(Array(tail.utf8))
    }

    private func object(_ number: Int, _ body: String) throws {
        try object(number, Array(body.utf8))
    }

    private func object(_ number: Int, _ body: [UInt8]) throws {
        offsets[number] = offset
        try emit(Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8))
    }

    private func emit(_ bytes: [UInt8]) throws {
        try write(bytes)
        offset += bytes.count
    }
}
