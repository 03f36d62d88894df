// Shard manifests checked field by field before a merge trusts them (issue 11).
import Foundation
import Testing
@testable import MentorDocs

struct ManifestCheckTests {
    @Test(arguments: ["manifest.1-of-2.json", "manifest.10000-of-10000.json"])
    func canonicalNamesNameAShard(name: String) {
        #expect(Shard(manifestName: name)?.manifestName == name)
    }

    @Test(arguments: ["manifest.01-of-2.json", "manifest.-1-of-1.json", "manifest.0-of-0.json", "manifest.3-of-2.json",
                      "manifest.1-of-10001.json", "manifest.1-of-9223372036854775807.json", "manifest.+1-of-2.json",
                      "manifest.1-of-2-of-3.json", "manifest.json"])
    func otherNamesDoNot(name: String) {
        #expect(Shard(manifestName: name) == nil)
    }

    @Test(arguments: [("a/agreement.html", nil), ("../secret/x.html", "leaves the output folder"),
                      ("/etc/agreement.html", "leaves the output folder"), ("a/../agreement.html", "leaves the output folder"),
                      ("a//agreement.html", "leaves the output folder"), ("a\\..\\x/agreement.html", "leaves the output folder"),
                      ("blank/agreement.html", "is not a folder name a batch writes"), (".hidden/agreement.html", "is not a folder name a batch writes"),
                      ("a/b/agreement.html", "is not a document path"), ("a/roles.html", "does not match the entry's document")])
    func outputPathsMustBeDocumentPathsInsideTheFolder(output: String, problem: String?) {
        let found = ManifestCheck.outputProblem(output, document: "agreement", format: .html)
        if let problem { #expect(found?.contains(problem) == true, "\(found ?? "nil")") } else { #expect(found == nil) }
    }

    @Test func aDecodingErrorNamesTheJSONPath() throws {
        let json = #"{"manifest": "mentordocs-batch/1", "shard": "1/1", "format": "html", "paper": "letter", "documents": null, "inputs": 1, "entries": [{"input": "a", "position": "x", "index": 0, "status": "written"}], "combined": [], "summary": {"pairs": 0, "written": 0, "unchanged": 0, "failed": 0}}"#
        do {
            _ = try JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
            Issue.record("decoded")
        } catch let error as DecodingError {
            #expect(ManifestCheck.describe(error) == "entries[0].position: expected a whole number")
        }
        // An unknown status is said as the other checks say it, not in Foundation's words.
        let status = json.replacingOccurrences(of: #""position": "x""#, with: #""position": 0"#)
            .replacingOccurrences(of: #""status": "written""#, with: #""status": "weird""#)
        do {
            _ = try JSONDecoder().decode(Manifest.self, from: Data(status.utf8))
            Issue.record("decoded")
        } catch let error as DecodingError {
            #expect(ManifestCheck.describe(error) == "entries[0].status: expected one of written, unchanged, failed, found 'weird'")
        }
    }

    @Test func aManifestFromBeforeWarningsWereCountedReadsAsNone() throws {
        let old = #"{"pairs": 3, "written": 2, "unchanged": 0, "failed": 1, "interrupted": null}"#
        let summary = try JSONDecoder().decode(BatchSummary.self, from: Data(old.utf8))
        #expect(summary == BatchSummary(pairs: 3, written: 2, unchanged: 0, failed: 1))
        var counted = summary
        counted.warnings = 4
        let again = try JSONDecoder().decode(BatchSummary.self, from: Data(counted.json.utf8))
        #expect(again == counted && again.warnings == 4)
    }
}
