// The one path from a partnership (or a blank form) to written documents, used by `render`,
// `blank`, `batch` and `--combine` alike: computed values once per partnership, then for each
// document render, validate, serialize, hash and write, each stage reported to an observer.
import Crypto
import Foundation

/// Turns partnerships and blank forms into validated, written documents; safe to share between threads.
public struct DocumentPipeline: Sendable {
    /// The templates and the DTD.
    public let renderer: Renderer
    /// Format, paper and check-in month.
    public let options: RenderOptions
    /// The documents asked for; nil for each program's own forms.
    public let selection: [DocumentKind]?
    /// Rewrite files even when their bytes are unchanged.
    public let force: Bool
    /// Where `--format pdf` documents are printed; nil for HTML and XHTML.
    public let pdf: PDFOutput?

    /// A pipeline writing `documents` (nil: each program's own forms) with `options`.
    public init(renderer: Renderer, options: RenderOptions = RenderOptions(), documents: [DocumentKind]? = nil, force: Bool = false,
                printer: PDFPrinter? = nil) {
        self.renderer = renderer
        self.options = options
        self.selection = documents
        self.force = force
        self.pdf = printer.map { PDFOutput(printer: $0, paper: options.paper) }
    }

    /// The documents written for a partnership of `program`.
    public func documents(for program: Program) -> [DocumentKind] {
        selection ?? program.documents
    }

    /// Renders and writes every document of `partnership` into `folder`, in order; a failed
    /// document does not stop the others.
    public func write<O: PipelineObserver>(_ partnership: Partnership, to target: PartnershipTarget,
                                           in folder: OutputFolder, observer: inout O) -> [DocumentResult] {
        let values = renderer.prepare(partnership.data, program: target.program, options: options)
        return write(values, in: folder, observer: &observer) { document in
            OutputPaths.document(id: target.id, document: document, format: options.format)
        } failure: { document, problems in
            (partnership.location, "\(partnership.location): error: cannot render \(document.rawValue) for '\(target.id)':\n\(problems)")
        }
    }

    /// Renders and writes the blank forms of `program` into `folder`.
    public func writeBlank<O: PipelineObserver>(_ program: Program, in folder: OutputFolder, observer: inout O) -> [DocumentResult] {
        let values = renderer.prepare(nil, program: program, options: options)
        return write(values, in: folder, observer: &observer) { document in
            OutputPaths.blank(program: program, document: document, format: options.format)
        } failure: { document, problems in
            let location = problems.location
            return (location, "\(location): error: cannot render the blank \(program.rawValue) \(document.rawValue):\n\(problems)")
        }
    }

    /// The validated bytes of one document, in memory.
    public func render<O: PipelineObserver>(_ values: PreparedValues, document: DocumentKind, observer: inout O) throws(DiagnosticList) -> [UInt8] {
        try renderer.render(values, document: document, observer: &observer)
    }

    private func write<O: PipelineObserver>(_ values: PreparedValues, in folder: OutputFolder, observer: inout O,
                                            path: (DocumentKind) -> String,
                                            failure: (DocumentKind, DiagnosticList) -> (SourceLocation, String)) -> [DocumentResult] {
        var results: [DocumentResult] = []
        renderer.library.prepare(program: values.program, documents: documents(for: values.program))
        for document in documents(for: values.program) {
            if observer.stopRequested { break }
            let relative = path(document)
            var result = DocumentResult(document: document, output: relative, path: folder.root + "/" + relative)
            do {
                let target = try folder.target(for: relative)
                result.path = target.path
                observer.start()
                let (bytes, provenance) = try renderer.stamped(values, document: document, observer: &observer)
                result.provenance = provenance
                if options.format == .pdf {
                    guard let pdf else { throw PDFError("no PDF printer was started for --format pdf") }
                    let (written, sha256) = try pdf.write(html: bytes, subject: PDFOutput.subject(values), provenance: result.provenance,
                                                          to: target.path, force: force)
                    result.sha256 = sha256
                    result.status = written ? .written : .unchanged
                } else {
                    result.sha256 = DocumentPipeline.sha256(bytes)
                    observer.lap(.hash)
                    result.status = try AtomicWriter.write(bytes, to: target, force: force) == .written ? .written : .unchanged
                }
                observer.lap(.write)
            } catch let problems as DiagnosticList {
                result.sha256 = nil
                let (location, message) = failure(document, problems)
                result.failure = DocumentFailure(location: location, message: message,
                                                 summary: problems.diagnostics.map(\.headline).joined(separator: "\n"))
            } catch {
                result.sha256 = nil
                let location = (error as? LocatedError)?.location ?? SourceLocation(file: result.path, line: 0, column: 0)
                result.failure = DocumentFailure(location: location, message: "\(error)", summary: "\(error)")
            }
            results.append(result)
        }
        return results
    }

    /// The lowercase hex SHA-256 of `bytes`, as the manifest records it.
    public static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// What became of one document.
public struct DocumentResult: Sendable {
    /// Whether the document is on disk.
    public enum Status: String, Sendable { case written, unchanged, failed }

    /// The kind of document.
    public var document: DocumentKind
    /// Its path relative to the output folder.
    public var output: String
    /// Its path as the user would type it (the output folder as given, then `output`).
    public var path: String
    /// Written, unchanged (same bytes already there) or failed.
    public var status: Status = .failed
    /// The SHA-256 of its bytes, when it was rendered.
    public var sha256: String?
    /// Why it failed, when it did.
    public var failure: DocumentFailure?
    /// The data and form fingerprints it carries.
    public var provenance: Provenance?
}

/// Why a document was not written: the full report, and its one-line form for the manifest.
public struct DocumentFailure: LocatedError {
    /// The partnership (or, for a blank form, the output file) concerned.
    public var location: SourceLocation
    /// Every diagnostic with its source line, as printed.
    public var message: String
    /// The headlines only, one per line.
    public var summary: String
    /// The report as printed: it begins with its own location.
    public var description: String { message }
}
