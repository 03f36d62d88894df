// The Info dictionary written by an incremental update reads back, with pdfinfo and qpdf (when
// installed) and with mentordocs's own reader, and keeps the browser's entries it does not set.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized, .enabled(if: pdfToolsPresent)) struct PDFInfoTests {
    static let printed: [UInt8] = {
        let printer = try! PDFPrinter(pages: 1)
        defer { printer.close() }
        return try! printer.pdf(html: Array("<!DOCTYPE html><html><head><title>Zoë’s plan</title></head><body><p>x</p></body></html>".utf8), paper: .letter)
    }()

    @Test func entriesReadBackEverywhere() throws {
        let updated = try PDFInfo.update(Self.printed, entries: [("Subject", "ASET · Ana Silva and 陈波"), ("Creator", "mentordocs 0.3"),
                                                                 ("mentordocs-data", String(repeating: "ab", count: 32))])
        #expect(updated.starts(with: Self.printed), "the browser's bytes must stay as they were")
        let path = try writeTemporary(updated, name: "info.pdf")
        let info = pdfinfo(path)
        #expect(info["Title"] == "Zoë’s plan")
        #expect(info["Subject"] == "ASET · Ana Silva and 陈波")
        #expect(info["Creator"] == "mentordocs 0.3")
        #expect(info["Producer"]?.hasPrefix("Skia") == true)
        let own = try #require(PDFInfo.read(updated))
        #expect(own["Subject"] == "ASET · Ana Silva and 陈波")
        #expect(own["Title"] == "Zoë’s plan")
        #expect(own["mentordocs-data"] == String(repeating: "ab", count: 32))
        if let qpdf = runTool("qpdf", ["--check", path]) {
            #expect(qpdf.status == 0, "\(qpdf.out)")
        }
    }

    @Test func aSecondUpdateChainsToTheFirst() throws {
        let once = try PDFInfo.update(Self.printed, entries: [("Subject", "first"), ("Keywords", "kept")])
        let twice = try PDFInfo.update(once, entries: [("Subject", "second")])
        let own = try #require(PDFInfo.read(twice))
        #expect(own["Subject"] == "second")
        #expect(own["Keywords"] == "kept")
        #expect(pdfinfo(try writeTemporary(twice, name: "twice.pdf"))["Subject"] == "second")
    }

    @Test func notAPDFIsAnError() {
        #expect(throws: PDFError.self) { try PDFInfo.update(Array("%PDF-1.4\nnothing here".utf8), entries: []) }
        #expect(PDFInfo.read(Array("%PDF-1.4\nstartxref\n999999\n%%EOF".utf8)) == nil)
    }
}
