// The example in docs/participant-format.md is a valid participant file that uses every key,
// so the documentation cannot drift from the format.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ParticipantFormatDocTests {
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/participant-format.md")

    /// The first ```yaml block of the page.
    static func example() throws -> String {
        let text = try String(contentsOf: page, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theExampleLoadsStrictlyWithEveryKey() throws {
        let p = try Loader.partnership(Loader.load(try Self.example(), strict: true))
        #expect(p.warnings.isEmpty)
        #expect(Self.keyPaths(ParticipantFormat.file).filter { p.data.lookup($0.split(separator: ".").map(String.init)) == nil } == [])
        #expect(p.data.lookup(["goals", "0", "obstacles"])?.text == "Shift work; solution: weekend study group")
    }

    @Test func everyKeyIsDocumented() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        for field in Self.fieldNames(ParticipantFormat.file) {
            let written = ["`\(field)`", "`\(field).", ".\(field)`", ".\(field),"].contains { text.contains($0) }
            #expect(written, "\(field) is not in the key table")
        }
    }

    /// Dotted paths of every key, lists entered through their first entry (`goals.0.goal`).
    static func keyPaths(_ shape: Shape, _ prefix: String = "") -> [String] {
        switch shape {
        case .record(let fields):
            return fields.flatMap { field in
                let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                return [path] + keyPaths(field.shape, path)
            }
        case .list(let item): return keyPaths(item, prefix + ".0")
        default: return []
        }
    }

    static func fieldNames(_ shape: Shape) -> Set<String> {
        switch shape {
        case .record(let fields): return fields.reduce(into: Set(fields.map(\.name))) { $0.formUnion(fieldNames($1.shape)) }
        case .list(let item): return fieldNames(item)
        default: return []
        }
    }
}
