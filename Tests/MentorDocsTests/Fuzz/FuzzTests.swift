// Bounded, seeded fuzzing: thousands of mutations of the example files must each end in a valid
// document or a located error: no crash, no hang, no invalid output.
import Foundation
import Testing
@testable import MentorDocs

enum Mutator {
    static let fragments: [[UInt8]] = [
        ": ", "- ", "\t", "---\n", "&a ", "*a", "<<: *a\n", "[", "]", "{", "}", "!!binary ", "? ",
        "'", "\"", "|\n", ">\n", "#", "%YAML 1.1\n", "~", "null", "2026-02-30", "-1", "1e309", "9999999999999999999",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{FEFF}", "\u{202E}", "<script>", "]]>", "&amp;", "👩🏽‍💼", "\r\n",
    ].map { Array($0.utf8) }

    /// One to four random edits of `bytes`.
    static func mutate(_ bytes: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: if !out.isEmpty { out[at] = UInt8.random(in: 0...255, using: &rng) }
            case 1: out.insert(contentsOf: fragments.randomElement(using: &rng)!, at: at)
            case 2: if !out.isEmpty { out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...40, using: &rng))) }
            case 3: // duplicate a line
                let lines = out.split(separator: 10, omittingEmptySubsequences: false)
                if let line = lines.randomElement(using: &rng) { out.insert(contentsOf: Array(line) + [10], at: at) }
            case 4: // change a line's indentation
                if let nl = out[..<at].lastIndex(of: 10) { out.insert(contentsOf: [UInt8](repeating: 32, count: Int.random(in: 1...3, using: &rng)), at: nl + 1) }
            case 5: out = Array(out.prefix(at)) // truncate
            default: if !out.isEmpty { out.swapAt(at, Int.random(in: 0..<out.count, using: &rng)) }
            }
        }
        return out
    }
}

@Suite struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["MENTORDOCS_FUZZ_ITERATIONS"] ?? "") ?? 3000
    static let seed = UInt64(ProcessInfo.processInfo.environment["MENTORDOCS_FUZZ_SEED"] ?? "") ?? 20261123

    @Test func mutatedExamplesEndInAValidDocumentOrALocatedError() throws {
        let renderer = try Renderer(library: TemplateLibrary(directory: Repo.templates))
        let examples = try Program.allCases.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Repo.examples)/\($0.rawValue).yaml"))) }
        var rng = SeededGenerator(state: Self.seed)
        let loader = ParticipantLoader()
        var rendered = 0, rejected = 0
        for iteration in 0..<Self.iterations {
            let input = Mutator.mutate(examples.randomElement(using: &rng)!, using: &rng)
            let name = "fuzz-\(iteration).yaml"
            let started = Date()
            for outcome in loader.load(data: Data(input), file: name) {
                switch outcome {
                case .failure(let list):
                    rejected += 1
                    #expect(!list.diagnostics.isEmpty)
                    for d in list.diagnostics where d.severity == .error {
                        #expect(d.location.file == name && d.location.line >= 1, "seed \(Self.seed) iteration \(iteration): unlocated error \(d.headline)")
                    }
                case .success(let partnership):
                    let program = partnership.program ?? .generic
                    let document = DocumentKind.allCases.randomElement(using: &rng)!
                    do {
                        _ = try renderer.render(partnership.data, program: program, document: document, options: RenderOptions())
                        rendered += 1
                    } catch {
                        Issue.record("seed \(Self.seed) iteration \(iteration): a loaded partnership failed to render \(document.rawValue): \(error)")
                    }
                }
            }
            #expect(Date().timeIntervalSince(started) < 2, "seed \(Self.seed) iteration \(iteration) took too long")
        }
        // Both paths must be exercised, or the fuzzer is not testing anything.
        #expect(rendered > Self.iterations / 10 && rejected > Self.iterations / 10, "rendered \(rendered), rejected \(rejected)")
    }
}

/// Hostile scalars put in place of the examples' values: numbers YAML 1.1 would read as base 60,
/// octal or binary, overflowing and non-finite numbers, tags, and characters XML cannot carry.
enum HostileScalars {
    static let numbers = [
        "1:0:0:0:0:0:0:0:0:0:0:0", "9223372036854775807:59", "1:30", "012", "0b101", "0o777", "0xFFFFFFFFFFFFFFFFFF",
        "!!str 12", "!!int 1:30", "!!float 1e309", "1.79e308", "1e309", "-1e309", ".inf", "-.inf", ".nan", "inf",
        "99999999999999999999", "-9223372036854775809", "1_000", "+12", "12.0", "1e15", "0.", "0x",
    ]
    static let characters = [
        "\"\\uFFFE\"", "\"\\uFFFF\"", "\"\\uFDD0\"", "\"\\uFDEF\"", "\"\\U0001FFFE\"", "\"\\U0010FFFF\"",
        "\"a\\x07b\"", "\"\\x85\"", "\"\\u0000\"", "\"\\uD800\"",
    ] + [0xFFFE, 0xFDD5, 0x10FFFE].map { "x" + String(Unicode.Scalar($0)!) + "y" }

    /// The text with the value after one random `key: ` replaced by `scalar`.
    static func substitute(_ text: String, _ scalar: String, using rng: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let candidates = lines.indices.filter { lines[$0].contains(": ") && !lines[$0].hasSuffix(":") }
        guard let i = candidates.randomElement(using: &rng), let colon = lines[i].range(of: ": ") else { return text }
        lines[i] = String(lines[i][..<colon.upperBound]) + scalar
        return lines.joined(separator: "\n")
    }
}

extension FuzzTests {
    @Test func hostileNumbersAndCharactersEndInAValidDocumentOrALocatedError() throws {
        let renderer = try Renderer(library: TemplateLibrary(directory: Repo.templates))
        let examples = try Program.allCases.map { try String(contentsOfFile: "\(Repo.examples)/\($0.rawValue).yaml", encoding: .utf8) }
        var rng = SeededGenerator(state: Self.seed ^ 0x5EED)
        let loader = ParticipantLoader()
        var rendered = 0, rejected = 0
        for iteration in 0..<Self.iterations / 6 {
            let pool = Bool.random(using: &rng) ? HostileScalars.numbers : HostileScalars.characters
            var text = examples.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                text = HostileScalars.substitute(text, pool.randomElement(using: &rng)!, using: &rng)
            }
            let name = "hostile-\(iteration).yaml"
            for outcome in loader.load(data: Data(text.utf8), file: name) {
                switch outcome {
                case .failure(let list):
                    rejected += 1
                    for d in list.diagnostics where d.severity == .error {
                        #expect(d.location.file == name && d.location.line >= 1, "iteration \(iteration): unlocated error \(d.headline)")
                    }
                case .success(let partnership):
                    for kind in [DocumentKind.allCases.randomElement(using: &rng)!] {
                        do {
                            let bytes = try renderer.render(partnership.data, program: partnership.program ?? .generic,
                                                            document: kind, options: RenderOptions())
                            let html = String(decoding: bytes, as: UTF8.self)
                            #expect(!html.unicodeScalars.contains(where: SourceDecoder.isRefused),
                                    "iteration \(iteration): \(kind.rawValue) carries a character XML does not allow")
                        } catch {
                            Issue.record("iteration \(iteration): a loaded partnership failed to render \(kind.rawValue): \(error)")
                        }
                    }
                    rendered += 1
                }
            }
        }
        #expect(rendered > 0 && rejected > Self.iterations / 20, "rendered \(rendered), rejected \(rejected)")
    }
}
