// Combined PDFs: two printed (and Info-updated) PDFs merged into one that pdfinfo, pdftotext and
// qpdf (when installed) accept, each part's pages and page numbers kept, one outline entry per
// part; and `batch --combine --format pdf` end to end through the binary and Chromium.
import Foundation
import Testing
@testable import MentorDocs

/// The outline's titles and the page number (1-based) each entry opens, read with our own reader.
func outlineEntries(_ pdf: [UInt8]) throws -> [(title: String, page: Int)] {
    let document = try PDFDocument(pdf, name: "merged")
    let catalog = try document.object(try #require(document.trailer["Root"]?.reference)).value
    let pagesRoot = try document.object(try #require(catalog["Pages"]?.reference)).value
    guard case .array(let kids) = try #require(pagesRoot["Kids"]) else { throw PDFError("no kids") }
    let pages = kids.compactMap(\.reference)
    let outlines = try document.object(try #require(catalog["Outlines"]?.reference)).value
    var out: [(String, Int)] = []
    var next = outlines["First"]?.reference
    while let n = next, out.count < 10_000 {
        let item = try document.object(n).value
        guard case .raw(let title) = try #require(item["Title"]), case .array(let dest) = try #require(item["Dest"]),
              let page = dest.first?.reference, let index = pages.firstIndex(of: page) else { throw PDFError("bad outline item \(n)") }
        out.append((try #require(PDFInfo.decodeString(String(decoding: title, as: UTF8.self))), index + 1))
        next = item["Next"]?.reference
    }
    return out
}

func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

/// `pdfinfo -struct-text`: the structure tree with each element's text; nil without poppler.
func structureText(_ path: String) -> [String]? {
    guard let run = runTool("pdfinfo", ["-struct-text", path]), run.status == 0 else { return nil }
    return run.out.split(separator: "\n").map(String.init)
}

/// Checks the merged file's parent tree against its pages with our own reader: every page's
/// /StructParents names an entry, each listing elements that sit on that page; keys unique,
/// below /ParentTreeNextKey. Returns the number of pages checked.
func checkParentTree(_ pdf: [UInt8]) throws -> Int {
    let document = try PDFDocument(pdf, name: "merged")
    let catalog = try document.object(try #require(document.trailer["Root"]?.reference)).value
    let root = try document.object(try #require(catalog["StructTreeRoot"]?.reference)).value
    let next = try #require(root["ParentTreeNextKey"]?.integer)
    var entries: [Int: PDFValue] = [:]
    func walk(_ node: PDFValue) throws {
        let node = try node.reference.map { try document.object($0).value } ?? node
        if case .array(let nums)? = node["Nums"] {
            for i in stride(from: 0, to: nums.count, by: 2) {
                let key = try #require(nums[i].integer)
                #expect(entries[key] == nil, "key \(key) twice")
                #expect(key < next)
                entries[key] = nums[i + 1]
            }
        }
        if case .array(let kids)? = node["Kids"] { for kid in kids { try walk(kid) } }
    }
    try walk(try #require(root["ParentTree"]))
    let pagesRoot = try document.object(try #require(catalog["Pages"]?.reference)).value
    guard case .array(let kids)? = pagesRoot["Kids"] else { throw PDFError("no kids") }
    var checked = 0
    for kid in kids {
        let page = try #require(kid.reference)
        guard let key = try document.object(page).value["StructParents"]?.integer else { continue }
        let value = try #require(entries[key], "page \(page): no parent tree entry \(key)")
        let list = try value.reference.map { try document.object($0).value } ?? value
        guard case .array(let elements) = list else { Issue.record("entry \(key) is not an array"); continue }
        #expect(!elements.isEmpty)
        for element in elements.compactMap(\.reference) {
            let dict = try document.object(element).value
            // An element on this page names it (/Pg), or its marked-content kids do.
            var pages: [Int] = []
            if let pg = dict["Pg"]?.reference { pages.append(pg) }
            if case .array(let ks)? = dict["K"] { for k in ks { if let pg = k["Pg"]?.reference { pages.append(pg) } } }
            #expect(pages.contains(page), "element \(element) in entry \(key) is not on page \(page)")
        }
        checked += 1
    }
    return checked
}

@Suite(.serialized, .enabled(if: pdfToolsPresent)) struct PDFMergeTests {
    static func html(_ name: String, pages: Int) -> [UInt8] {
        let body = (1...pages).map { "<p style=\"break-after: page\">\(name) part \($0)</p>" }.joined()
        return Array("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>\(name)</title>
        <style>@page { size: letter; margin: 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
        p:last-child { break-after: auto; }</style></head><body>\(body)</body></html>
        """.utf8)
    }

    static let printed: [[UInt8]] = {
        let printer = try! PDFPrinter(pages: 2)
        defer { printer.close() }
        // Updated like the product's own PDFs, so the merge follows /Prev to the browser's table.
        return [("Alpha Zoë", 2), ("Bravo Chloé", 3)].map { name, pages in
            try! PDFInfo.update(try! printer.pdf(html: html(name, pages: pages), paper: .letter), entries: [("Subject", name)])
        }
    }()

    static func merged() throws -> [UInt8] {
        var out: [UInt8] = []
        let merge = try PDFMerge { out += $0 }
        try merge.append(printed[0], title: "Alpha Zoë", name: "a.pdf")
        try merge.append(printed[1], title: "Bravo Chloé", name: "b.pdf")
        try merge.finish(info: [("Title", "Combined form"), ("Subject", "ASET · 2 pairs"), ("Creator", "mentordocs test")])
        return out
    }

    @Test func theMergeIsAValidPDFWithEveryPageInOrder() throws {
        let path = try writeTemporary(try Self.merged(), name: "merged.pdf")
        let info = pdfinfo(path)
        #expect(info["Pages"] == "5")
        #expect(info["Title"] == "Combined form")
        #expect(info["Subject"] == "ASET · 2 pairs")
        #expect(info["Creator"] == "mentordocs test")
        #expect(info["Page size"] == "612 x 792 pts (letter)")
        let expected = ["Alpha Zoë part 1", "Alpha Zoë part 2", "Bravo Chloé part 1", "Bravo Chloé part 2", "Bravo Chloé part 3"]
        for (i, text) in expected.enumerated() {
            let page = try #require(runTool("pdftotext", ["-enc", "UTF-8", "-f", "\(i + 1)", "-l", "\(i + 1)", path, "-"])?.out)
            #expect(page.contains(text), "page \(i + 1): \(page)")
        }
        // Page numbers are each part's own.
        let all = try #require(runTool("pdftotext", ["-enc", "UTF-8", path, "-"])?.out)
        #expect(occurrences("Page 1 of", in: all) == 2, "\(all)")
        #expect(all.contains("Page 2 of 2") && all.contains("Page 3 of 3") && !all.contains("of 5"))
        let fonts = runTool("pdffonts", [path])?.out.split(separator: "\n").dropFirst(2) ?? []
        #expect(!fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(line)")
        }
        if let qpdf = runTool("qpdf", ["--check", path]) {
            #expect(qpdf.status == 0, "\(qpdf.out)")
        }
    }

    @Test func theOutlineHasOneEntryPerPartAtItsFirstPage() throws {
        let merged = try Self.merged()
        let entries = try outlineEntries(merged)
        #expect(entries.map(\.title) == ["Alpha Zoë", "Bravo Chloé"])
        #expect(entries.map(\.page) == [1, 3])
        // The language of the parts is the file's.
        let document = try PDFDocument(merged, name: "merged")
        let catalog = try document.object(try #require(document.trailer["Root"]?.reference)).value
        if case .raw(let lang) = try #require(catalog["Lang"]) { #expect(lang == Array("(en)".utf8)) } else { Issue.record("no /Lang") }
        if let json = runTool("qpdf", ["--json", "--json-key=outlines", try writeTemporary(merged, name: "o.pdf")]) {
            #expect(json.status == 0)
            #expect(json.out.contains("Alpha Zo") && json.out.contains("\"destpageposfrom1\": 3"), "\(json.out)")
        }
    }

    @Test func theMergeIsTaggedWithEveryPartsStructure() throws {
        let merged = try Self.merged()
        let path = try writeTemporary(merged, name: "tagged.pdf")
        #expect(pdfinfo(path)["Tagged"] == "yes")
        let document = try PDFDocument(merged, name: "merged")
        let catalog = try document.object(try #require(document.trailer["Root"]?.reference)).value
        #expect(catalog["MarkInfo"]?["Marked"].map { $0.bytes == Array("true".utf8) } == true)
        // Both parts' trees, each under a Part of one Document, with all their text.
        let tree = try #require(structureText(path))
        #expect(tree.first == "Document")
        #expect(tree.filter { $0 == "  Part" }.count == 2, "\(tree)")
        let text = tree.joined(separator: "\n")
        for expected in ["Alpha Zoë part 1", "Alpha Zoë part 2", "Bravo Chloé part 1", "Bravo Chloé part 3"] {
            #expect(text.contains(expected), "\(expected) not in the structure: \(text)")
        }
        #expect(text.range(of: "Alpha Zoë part 2")!.lowerBound < text.range(of: "Bravo Chloé part 1")!.lowerBound)
        // Each page's /StructParents finds, in the one parent tree, elements on that page.
        #expect(try checkParentTree(merged) == 5)
        if let qpdf = runTool("qpdf", ["--check", path]) { #expect(qpdf.status == 0, "\(qpdf.out)") }
    }

    @Test func anUntaggedPartLeavesTheOthersTagged() throws {
        let untagged = Self.handmade([
            "<</Type /Catalog /Pages 2 0 R>>",
            "<</Type /Pages /Kids [3 0 R] /Count 1>>",
            "<</Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /StructParents 0 /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>",
            "<</Length 40>>\nstream\nBT /F1 12 Tf 72 200 Td (Hand made) Tj ET\nendstream",
            "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
        ])
        var out: [UInt8] = []
        let merge = try PDFMerge { out += $0 }
        try merge.append(untagged, title: "one", name: "hand.pdf")
        try merge.append(Self.printed[1], title: "two", name: "b.pdf")
        try merge.finish(info: [("Title", "t")])
        let path = try writeTemporary(out, name: "mixed.pdf")
        #expect(pdfinfo(path)["Tagged"] == "yes")
        // The untagged part's page no longer claims a parent tree entry; the tagged part's do.
        #expect(try checkParentTree(out) == 3)
        let text = try #require(structureText(path)).joined(separator: "\n")
        #expect(text.contains("Bravo Chloé part 3") && !text.contains("Hand made"))
        if let qpdf = runTool("qpdf", ["--check", path]) { #expect(qpdf.status == 0, "\(qpdf.out)") }

        // Untagged parts only: no structure tree at all.
        var plain: [UInt8] = []
        let only = try PDFMerge { plain += $0 }
        try only.append(untagged, title: "one", name: "hand.pdf")
        try only.finish(info: [])
        #expect(pdfinfo(try writeTemporary(plain, name: "plain.pdf"))["Tagged"] == "no")
    }

    @Test func mergingTheSameInputsGivesTheSameBytes() throws {
        #expect(try Self.merged() == Self.merged())
    }

    @Test func whatItCannotReadIsAClearError() throws {
        var out: [UInt8] = []
        let merge = try PDFMerge { out += $0 }
        for (bytes, message) in [(Array("not a pdf".utf8), "is not a PDF"),
                                 (Array("%PDF-1.5\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n".utf8), "cross-reference stream"),
                                 (Array(Self.printed[0].prefix(Self.printed[0].count / 2)), "no startxref")] {
            do {
                try merge.append(bytes, title: "x", name: "bad.pdf")
                Issue.record("accepted \(message)")
            } catch {
                #expect("\(error)".contains("bad.pdf") && "\(error)".contains(message), "\(error)")
            }
        }
        #expect(merge.pageCount == 0)
    }

    /// A PDF built by hand: `objects` numbered from 1, a classic table, Root 1.
    static func handmade(_ objects: [String]) -> [UInt8] {
        var out = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { out += Array(String(format: "%010d 00000 n \n", offset).utf8) }
        out += Array("trailer\n<</Size \(objects.count + 1) /Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    @Test func inheritedAttributesMoveOntoThePagesAndIndirectLengthsAreResolved() throws {
        // A nested page tree whose nodes hand down /MediaBox and /Resources, and a content
        // stream whose /Length is an indirect object.
        let content = "BT /F1 12 Tf 72 200 Td (Hand made) Tj ET"
        let pdf = Self.handmade([
            "<</Type /Catalog /Pages 2 0 R>>",
            "<</Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 300 400] /Resources <</Font <</F1 5 0 R>>>>>>",
            "<</Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 /Rotate 90>>",
            "<</Type /Page /Parent 3 0 R /Contents 6 0 R>>",
            "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
            "<</Length 7 0 R>>\nstream\n\(content)\nendstream",
            "\(content.utf8.count)",
        ])
        var out: [UInt8] = []
        let merge = try PDFMerge { out += $0 }
        try merge.append(pdf, title: "one", name: "hand.pdf")
        try merge.append(Self.printed[0], title: "two", name: "a.pdf")
        try merge.finish(info: [("Title", "t")])
        let path = try writeTemporary(out, name: "hand.pdf")
        let info = runTool("pdfinfo", ["-f", "1", "-l", "1", path])?.out ?? ""
        #expect(info.contains("Page    1 size:  300 x 400 pts"), "\(info)")
        #expect(info.contains("Page    1 rot:   90"), "\(info)")
        #expect(runTool("pdftotext", ["-f", "1", "-l", "1", path, "-"])?.out.contains("Hand made") == true)
        #expect(pdfinfo(path)["Pages"] == "3")
        if let qpdf = runTool("qpdf", ["--check", path]) { #expect(qpdf.status == 0, "\(qpdf.out)") }
    }

    /// Damaged bytes (mostly in the tables and dictionaries at the end, where the reader looks)
    /// are an error or a readable merge, never a crash or a hang.
    @Test func damagedInputsNeverCrashTheMerge() throws {
        var random = SeededGenerator(seed: 9)
        let original = Self.printed[1]
        let syntax = Array("0123456789 /<>[]()R\n".utf8)
        var refused = 0
        for round in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + random.below(3)) {
                let at = round % 2 == 0 ? bytes.count - 1 - random.below(min(4000, bytes.count)) : random.below(bytes.count)
                bytes[at] = syntax[random.below(syntax.count)]
            }
            if round % 7 == 0 { bytes.removeLast(random.below(200)) }
            var out: [UInt8] = []
            let merge = try PDFMerge { out += $0 }
            do {
                try merge.append(bytes, title: "x", name: "damaged.pdf")
                try merge.finish(info: [])
                #expect(try PDFDocument(out, name: "out").trailer["Root"] != nil)
            } catch let error as PDFError {
                #expect(error.description.contains("damaged.pdf"), "\(error)")
                refused += 1
            }
        }
        #expect(refused > 0, "no damage was noticed")
    }
}

@Suite(.serialized, .enabled(if: pdfToolsPresent)) struct CombinedPDFCommandTests {
    @Test func batchCombineWritesOnePDFPerDocumentWithAnOutlineEntryPerPair() throws {
        let inputs = try BatchFixtures.cohort(3)
        let out = try temporaryFolder()
        let first = try runBatch(["batch", inputs, "--doc", "agreement", "--combine", "--format", "pdf", "--out", out, "--no-progress"])
        #expect(first.status == 0, "\(first.stderr)")
        let combined = out + "/combined/aset/agreement.pdf"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: combined)))
        let singles = (1...3).map { Int(pdfinfo(out + "/pair-\($0)/agreement.pdf")["Pages"] ?? "") ?? 0 }
        #expect(singles.allSatisfy { $0 > 0 })
        let info = pdfinfo(combined)
        #expect(info["Pages"] == "\(singles.reduce(0, +))")
        #expect(info["Subject"] == "ASET · 3 pairs", "\(info["Subject"] ?? "")")
        #expect(info["Creator"] == MentorDocsVersion.name)
        #expect(info["Title"] == pdfinfo(out + "/pair-1/agreement.pdf")["Title"])
        let entries = try outlineEntries(bytes)
        #expect(entries.count == 3)
        #expect(entries.map(\.page) == [1, 1 + singles[0], 1 + singles[0] + singles[1]])
        #expect(entries.allSatisfy { !$0.title.isEmpty })
        let text = try #require(runTool("pdftotext", ["-enc", "UTF-8", combined, "-"])?.out)
        #expect(occurrences("Page 1 of", in: text) == 3)
        if let qpdf = runTool("qpdf", ["--check", combined]) { #expect(qpdf.status == 0, "\(qpdf.out)") }
        // Tagged: the structure tree is each pair's own, in order, each under a Part (IDs made
        // unique by a pair prefix), so a screen reader reads every pair's text.
        #expect(info["Tagged"] == "yes")
        let tree = try #require(structureText(combined))
        var expected = ["Document"]
        for n in 1...3 {
            let single = try #require(structureText(out + "/pair-\(n)/agreement.pdf"))
            #expect(single.first == "Document" && single.count > 20)
            expected += ["  Part"] + single.dropFirst().map {
                "  " + $0.replacingOccurrences(of: "<node", with: "<p\(n)-node").replacingOccurrences(of: "(node", with: "(p\(n)-node")
            }
        }
        #expect(tree == expected, "the combined structure is not the pairs' own")
        #expect(try checkParentTree(bytes) == singles.reduce(0, +))
        let manifest = try BatchFixtures.manifest(out)
        let entry = try #require(manifest.combined.first { $0.output == "combined/aset/agreement.pdf" })
        #expect(entry.status == .written && entry.pairs == 3 && entry.sha256 == DocumentPipeline.sha256(bytes))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("combined/aset/agreement.pdf"))

        // Nothing changed: the combined file is not rewritten.
        let second = try runBatch(["batch", inputs, "--doc", "agreement", "--combine", "--format", "pdf", "--out", out, "--no-progress"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try BatchFixtures.manifest(out).combined.first { $0.output == "combined/aset/agreement.pdf" }?.status == .unchanged)
        #expect(BatchFixtures.files(out).allSatisfy { !$0.contains(AtomicWriter.temporaryPrefix) })
    }

    @Test func verifyFindsEachPairOfACombinedPDF() throws {
        let inputs = try BatchFixtures.cohort(3)
        let out = try temporaryFolder()
        let run = try runBatch(["batch", inputs, "--doc", "agreement", "--combine", "--format", "pdf", "--out", out, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        let combined = out + "/combined/aset/agreement.pdf"
        // The Info holds the form once and each pair's data, id and pages, as the pairs' own PDFs say.
        let info = try #require(PDFInfo.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: combined)))))
        let pages = (1...3).map { Int(pdfinfo(out + "/pair-\($0)/agreement.pdf")["Pages"] ?? "") ?? 0 }
        #expect(info["mentordocs-pairs"] == "3")
        var first = 1
        for n in 1...3 {
            let own = try #require(PDFInfo.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/pair-\(n)/agreement.pdf")))))
            #expect(info["mentordocs-data-\(n)"] == own["mentordocs-data"] && own["mentordocs-data"]?.count == 64)
            #expect(info["mentordocs-form"] == own["mentordocs-form"])
            #expect(info["mentordocs-pair-\(n)"] == "pair-\(n)")
            #expect(info["mentordocs-pages-\(n)"] == "\(first)-\(first + pages[n - 1] - 1)")
            first += pages[n - 1]
        }
        #expect(info["mentordocs-document"] == "aset/agreement")

        let input = inputs + "/group-0/pair-2.yaml"
        let same = try runBatch(["verify", combined, input])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("pair 2 of 3 ('pair-2', pages \(1 + pages[0])-\(pages[0] + pages[1]))"), "\(same.stdout)")
        #expect(same.stdout.contains("form: same templates"), "\(same.stdout)")
        // Its values changed since: this pair's data differ.
        let text = try String(contentsOfFile: input, encoding: .utf8)
        try text.replacingOccurrences(of: "Tomasz", with: "Tomas").write(toFile: input, atomically: true, encoding: .utf8)
        let changed = try runBatch(["verify", combined, input])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("data differs: pair 2 of 3"), "\(changed.stdout)")
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        // A partnership that is not in the file.
        let other = try runBatch(["verify", combined, Repo.examples + "/aset.yaml"])
        #expect(other.status == 1)
        #expect(other.stdout.contains("not in the file: none of its 3 pairs"), "\(other.stdout)")
        // Other templates: the form differs, though the pair is there.
        let templates = try temporaryFolder() + "/Templates"
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: templates)
        let look = templates + "/aset/look.xhtml"
        try (try String(contentsOfFile: look, encoding: .utf8) + "<!-- changed -->\n").write(toFile: look, atomically: true, encoding: .utf8)
        let form = try runBatch(["verify", combined, input, "--templates", templates])
        #expect(form.status == 1)
        #expect(form.stdout.contains("form differs") && form.stdout.contains("pair 2 of 3"), "\(form.stdout)")
        // A combined file of PDFs without fingerprints carries none.
        let bare = try writeTemporary(try PDFMergeTests.merged(), name: "bare.pdf")
        let none = try runBatch(["verify", bare, input])
        #expect(none.status == 2, "\(none.stdout)")
    }

    @Test func mergeManifestsCombinesPDFShards() throws {
        let inputs = try BatchFixtures.cohort(3)
        let out = try temporaryFolder()
        for k in 1...2 {
            let r = try runBatch(["batch", inputs, "--doc", "agreement", "--format", "pdf", "--shard", "\(k)/2", "--out", out, "--no-progress"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merged = try runCLI(["merge-manifests", out, "--combine"], executable: BatchFixtures.binary)
        #expect(merged.status == 0, "\(merged.stderr)")
        let combined = out + "/combined/aset/agreement.pdf"
        let entries = try outlineEntries([UInt8](try Data(contentsOf: URL(fileURLWithPath: combined))))
        #expect(entries.count == 3)
        #expect(pdfinfo(combined)["Subject"] == "ASET · 3 pairs")
    }
}
