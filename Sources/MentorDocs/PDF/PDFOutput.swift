// A document's PDF on disk: printed from its validated HTML5, given its metadata, written
// atomically, and not reprinted when the file there was made from the same HTML by the same
// mentordocs (a browser stamps a new date into every PDF, so its bytes never match).
import Foundation

/// Writes documents as PDF through one shared printer.
public struct PDFOutput: Sendable {
    /// The printer (one browser) every document goes through.
    public let printer: PDFPrinter
    /// The paper every page is printed on.
    public let paper: RenderOptions.Paper

    /// Info keys of our own, beside the fingerprints: the SHA-256 of the HTML that was printed.
    static let sourceKey = "mentordocs-source"

    /// PDF output through `printer` on `paper`.
    public init(printer: PDFPrinter, paper: RenderOptions.Paper) {
        self.printer = printer
        self.paper = paper
    }

    /// Prints `html` to `path` unless the PDF there came from the same HTML and mentordocs
    /// version (or `force`). Returns whether it was written and the SHA-256 of the file's bytes.
    public func write(html: [UInt8], subject: String, provenance: Provenance?, to path: String,
                      force: Bool) throws -> (written: Bool, sha256: String) {
        let source = DocumentPipeline.sha256(html)
        if !force, let old = FileManager.default.contents(atPath: path) {
            let bytes = [UInt8](old)
            if let info = PDFInfo.read(bytes), info[Self.sourceKey] == source, info["Creator"] == MentorDocsVersion.name {
                return (false, DocumentPipeline.sha256(bytes))
            }
        }
        let printed = try printer.pdf(html: html, paper: paper)
        var entries = [("Subject", subject), ("Creator", MentorDocsVersion.name), (Self.sourceKey, source)]
        entries += (provenance?.metadata ?? []).filter { $0.0 != Provenance.Key.generator }
        let pdf = try PDFInfo.update(printed, entries: entries)
        _ = try AtomicWriter.write(pdf, to: path, force: true)
        return (true, DocumentPipeline.sha256(pdf))
    }

    /// `Program · Mentor and Mentee`, or `Program · blank form`: the PDF's Subject.
    static func subject(_ values: PreparedValues) -> String {
        "\(values.program.displayName) · \(values.fields["pair"]?.text ?? (values.dataFingerprint == nil ? "blank form" : "partnership"))"
    }
}
