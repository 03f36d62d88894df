// One document of a batch: render, validate, serialize, hash. Without timings it is exactly
// `Renderer.render`; with timings the same steps are taken one by one so each can be measured.
import Crypto
import Foundation

/// Renders documents for the batch, optionally timing each stage.
struct DocumentPipeline: Sendable {
    let renderer: Renderer
    let options: RenderOptions

    /// The validated bytes of one document.
    func render(_ data: Value, program: Program, document: DocumentKind, clock: inout StageClock) throws(DiagnosticList) -> [UInt8] {
        guard clock.enabled else {
            return try renderer.render(data, program: program, document: document, options: options)
        }
        // The steps of Renderer.render, separated; BatchTests checks both give the same bytes.
        let template = try renderer.library.template(program: program, document: document)
        let values = ComputedValues.make(data: data, program: program, title: template.title ?? document.title, options: options)
        let tree = template.render(values)
        clock.lap(.render)
        let output = OutputDocument(root: tree)
        clock.lap(.build)
        let problems = output.validate(against: renderer.dtd).filter { $0.severity == .error }
        clock.lap(.validate)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        do {
            let bytes = options.format == .html ? try output.html5() : try output.xhtml()
            clock.lap(.serialize)
            return bytes
        } catch {
            throw DiagnosticList([Diagnostic(at: tree.source, "\(error)")])
        }
    }

    /// Lowercase hex SHA-256.
    static func sha256(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
