// Helpers shared by the participant-loader tests: load from a string, read fixtures, unwrap outcomes.
import Foundation
import Testing
@testable import MentorDocs

enum Loader {
    /// Loads YAML text as the file `pair.yaml`.
    static func load(_ yaml: String, strict: Bool = false,
                     limits: ParticipantLoader.Limits = .init()) -> [LoadOutcome] {
        ParticipantLoader(limits: limits, strict: strict).load(data: Data(yaml.utf8), file: "pair.yaml")
    }

    /// Loads bytes as the file `pair.yaml`.
    static func load(bytes: Data, limits: ParticipantLoader.Limits = .init()) -> [LoadOutcome] {
        ParticipantLoader(limits: limits).load(data: bytes, file: "pair.yaml")
    }

    /// The path of a file under Tests/MentorDocsTests/Fixtures/participants, found from this file.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/participants/\(name)").path
    }

    /// The one-line forms of every diagnostic of a single failed outcome.
    static func headlines(_ outcomes: [LoadOutcome], sourceLocation: Testing.SourceLocation = #_sourceLocation)
        -> [String] {
        guard outcomes.count == 1, case .failure(let list) = outcomes[0] else {
            Issue.record("expected one failure, got \(outcomes)", sourceLocation: sourceLocation)
            return []
        }
        return list.diagnostics.map(\.headline)
    }

    /// The partnership of a single successful outcome.
    static func partnership(_ outcomes: [LoadOutcome],
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Partnership {
        try #require(outcomes.count == 1, "expected one outcome, got \(outcomes)", sourceLocation: sourceLocation)
        return try outcomes[0].get()
    }
}
