// Killing and interrupting a batch run: only complete files ever exist, the next run removes
// what a killed run left, and SIGINT/SIGTERM stop cleanly with a manifest of what was done.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized) struct BatchInterruptionTests {
    /// Starts a batch over `input` and returns once at least `documents` files are written.
    func startAndWait(_ input: String, out: String, documents: Int) throws -> Process {
        try BatchFixtures.startBatch(input, out: out, documents: documents, arguments: ["--jobs", "2"])
    }

    /// Every document is whole. A temporary a kill left mid-write (`.mentordocs-tmp-...`) is
    /// not a document: no reader sees it under a document's name, and the next run removes it.
    func expectComplete(_ out: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for file in BatchFixtures.files(out) where file.hasSuffix(".html")
            && !file.split(separator: "/").last!.hasPrefix(AtomicWriter.temporaryPrefix) {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(text.hasSuffix("</html>\n"), "\(file) is incomplete", sourceLocation: sourceLocation)
        }
    }

    @Test func afterSIGKILLOnlyCompleteFilesExistAndTheNextRunRemovesTemporaries() throws {
        let input = try BatchFixtures.cohort(400)
        let out = try temporaryFolder()
        let process = try startAndWait(input, out: out, documents: 20)
        #expect(process.isRunning, "the run ended before it could be killed; make the cohort larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        try expectComplete(out)
        // Whatever the kill left, plus a planted leftover, is gone after the next run.
        try "partial".write(toFile: out + "/pair-1/\(AtomicWriter.temporaryPrefix)1-2-agreement.html", atomically: false, encoding: .utf8)

        let again = try runBatch(["batch", input, "--out", out, "--no-progress", "--doc", "agreement"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!BatchFixtures.files(out).contains { $0.contains(AtomicWriter.temporaryPrefix) })
        try expectComplete(out)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsCleanlyWithAManifestOfWhatWasDone(signal: Int32) throws {
        let input = try BatchFixtures.cohort(400)
        let out = try temporaryFolder()
        let process = try startAndWait(input, out: out, documents: 8)
        #expect(process.isRunning, "the run ended before it could be interrupted; make the cohort larger")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)
        #expect(!BatchFixtures.files(out).contains { $0.contains(AtomicWriter.temporaryPrefix) })
        try expectComplete(out)

        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.summary.interrupted == Interruption.name(signal))
        #expect(manifest.entries.count < 400 * 4)
        #expect(!manifest.entries.isEmpty)
        for entry in manifest.entries {
            let data = try #require(FileManager.default.contents(atPath: out + "/" + (entry.output ?? "")))
            #expect(DocumentPipeline.sha256([UInt8](data)) == entry.sha256)
        }
        // Documents on disk that the manifest does not list were finished before the stop only
        // if the manifest lists them; none is half-written either way.
        let listed = Set(manifest.entries.compactMap(\.output))
        let written = Set(BatchFixtures.files(out).filter { $0.hasSuffix(".html") })
        #expect(written == listed)
    }
}
