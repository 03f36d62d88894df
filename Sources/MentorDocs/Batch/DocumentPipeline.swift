// One document of a batch: the renderer's steps, each charged to its stage when timings are on.
import Crypto
import Foundation

/// Renders documents for the batch, optionally timing each stage.
struct DocumentPipeline: Sendable {
    let renderer: Renderer
    let options: RenderOptions

    /// A partnership's values, computed once for all its documents.
    func prepare(_ data: Value, program: Program) -> PreparedValues {
        renderer.prepare(data, program: program, options: options)
    }

    /// The validated bytes of one document.
    func render(_ values: PreparedValues, document: DocumentKind, clock: inout StageClock) throws(DiagnosticList) -> [UInt8] {
        try renderer.render(values, document: document) { step in
            switch step {
            case .fill: clock.lap(.render)
            case .build: clock.lap(.build)
            case .validate: clock.lap(.validate)
            case .serialize: clock.lap(.serialize)
            }
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
