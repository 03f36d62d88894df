// The one pipeline: `render`, `blank` and `batch` reach the same entry point and agree on its id
// rules, its bytes and its reports.
import Foundation
import Testing
@testable import MentorDocs

struct DocumentPipelineTests {
    let renderer: Renderer
    init() throws { renderer = try Renderer(library: TemplateLibrary(directory: Repo.templates)) }

    private func write(_ files: [String: String]) throws -> (folder: String, paths: [String]) {
        let folder = try temporaryFolder()
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            paths.append(folder + "/" + name)
        }
        return (folder, paths)
    }

    @Test func renderAndBatchWriteTheSameBytes() throws {
        let examples = Program.allCases.map { "\(Repo.examples)/\($0.rawValue).yaml" }
        let single = try temporaryFolder(), batched = try temporaryFolder()
        let pipeline = DocumentPipeline(renderer: renderer, documents: [.agreement, .meetingLog, .achievements])
        let run = DocumentRun(pipeline: pipeline, folder: try OutputFolder(single))
        var results: [DocumentResult] = []
        let summary = run.render(examples, loader: ParticipantLoader()) { if case .document(let r) = $0 { results.append(r) } }
        #expect(summary.failed == 0 && summary.documents == 15 && summary.folders.count == 5)

        var options = BatchOptions()
        options.inputs = examples
        options.documents = [.agreement, .meetingLog, .achievements]
        options.output = batched
        options.jobs = 2
        let report = try BatchRun(renderer: renderer, options: options, console: BatchConsole(isTerminal: false) { _ in }).run()
        #expect(report.summary.failed == 0)
        for result in results {
            let a = try Data(contentsOf: URL(fileURLWithPath: result.path))
            let b = try Data(contentsOf: URL(fileURLWithPath: batched + "/" + result.output))
            #expect(a == b, "\(result.output)")
            #expect(result.sha256 == DocumentPipeline.sha256([UInt8](a)))
        }
    }

    @Test func renderRefusesTheNamesTheLayoutUsesAsBatchDoes() throws {
        let (folder, paths) = try write(["a.yaml": "program: aset\nid: Combined\n", "b.yaml": "program: aset\nid: manifest.json\n"])
        let out = folder + "/out"
        var failures: [String] = []
        let run = DocumentRun(pipeline: DocumentPipeline(renderer: renderer, documents: [.agreement]), folder: try OutputFolder(out))
        let summary = run.render(paths, loader: ParticipantLoader()) { if case .failure(let m) = $0 { failures.append(m) } }
        #expect(summary.failed == 2 && summary.documents == 0)
        #expect(failures.first?.hasPrefix("\(paths[0]):2:5: error: id 'Combined' would write into 'Combined', a name the output layout uses") == true, "\(failures)")
        #expect(!FileManager.default.fileExists(atPath: out + "/Combined"))
    }

    @Test func aCollisionIsReportedAtTheIdInEveryCommand() throws {
        let (folder, paths) = try write(["a.yaml": "program: aset\nid: Pair-1\n", "b.yaml": "program: aset\nid: pair-1\n"])
        var failures: [String] = []
        let run = DocumentRun(pipeline: DocumentPipeline(renderer: renderer, documents: [.agreement]), folder: try OutputFolder(folder + "/r"))
        _ = run.render(paths, loader: ParticipantLoader()) { if case .failure(let m) = $0 { failures.append(m) } }

        var options = BatchOptions()
        options.inputs = paths
        options.documents = [.agreement]
        options.output = folder + "/b"
        let lines = Lines()
        _ = try BatchRun(renderer: renderer, options: options, console: BatchConsole(isTerminal: false) { lines.append($0) }).run()
        let printed = lines.all
        let expected = "\(paths[1]):2:5: error: id 'pair-1' is already used by the partnership at \(paths[0]):2:5 (id 'Pair-1'; both would be written to the folder 'Pair-1'), which is written; this one is not."
        #expect(failures.contains { $0.hasPrefix(expected) }, "\(failures)")
        #expect(printed.contains { $0.hasPrefix(expected) }, "\(printed)")
    }

    @Test func aMissingProgramIsOneFailureAndTheRestIsWritten() throws {
        let (folder, paths) = try write(["a.yaml": "id: x\n", "b.yaml": "program: nace\nid: y\n"])
        var events: [RunEvent] = []
        let run = DocumentRun(pipeline: DocumentPipeline(renderer: renderer), folder: try OutputFolder(folder + "/out"))
        let summary = run.render(paths, loader: ParticipantLoader()) { events.append($0) }
        #expect(summary.failed == 1)
        #expect(summary.documents == Program.nace.documents.count)
        #expect(summary.line(outputFolder: folder + "/out") == "\(Program.nace.documents.count) documents in \(folder)/out/y/; 1 failed")
        guard case .failure(let message) = events.first else { Issue.record("no failure first: \(events)"); return }
        #expect(message.hasPrefix("\(paths[0]):1:1: error: no program: add 'program:'"))
    }

    @Test func aSecondRunSaysEverythingIsUpToDate() throws {
        let out = try temporaryFolder()
        let run = DocumentRun(pipeline: DocumentPipeline(renderer: renderer), folder: try OutputFolder(out))
        let first = run.blank([.aset]) { _ in }
        let again = run.blank([.aset]) { _ in }
        #expect(first.line(outputFolder: out) == "4 documents in \(out)/blank/aset/")
        #expect(again.line(outputFolder: out) == "4 documents in \(out)/blank/aset/ (all already up to date)")
    }

    @Test func anObserverHearsEveryStageAndCanStopThePartnership() throws {
        struct Recorder: PipelineObserver {
            var stages: [PipelineStage] = []
            var stopAfter: Int
            mutating func lap(_ stage: PipelineStage) { stages.append(stage) }
            var stopRequested: Bool { stages.filter { $0 == .write }.count >= stopAfter }
        }
        let pipeline = DocumentPipeline(renderer: renderer)
        let partnership = try #require(ParticipantLoader().load(contentsOf: "\(Repo.examples)/aset.yaml").first).get()
        let target = try PartnershipTarget.make(for: partnership).get()
        var recorder = Recorder(stopAfter: 2)
        let results = pipeline.write(partnership, to: target, in: try OutputFolder(try temporaryFolder()), observer: &recorder)
        #expect(results.count == 2, "stopped before the third of \(Program.aset.documents.count) documents")
        let stages: [PipelineStage] = [.render, .validate, .serialize, .hash, .write]
        #expect(recorder.stages == stages + stages)
    }
}

/// Lines a console printed, collected from any thread.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

/// `check` refuses what `render` and `batch` would refuse: no program, a reserved id, a collision.
@Suite(.serialized) struct CheckAgreesWithRenderTests {
    @Test func checkReportsWhatRenderWouldNotWrite() throws {
        let folder = try temporaryFolder()
        let files = ["a.yaml": "id: x\n", "b.yaml": "program: nace\nid: Same\n", "c.yaml": "program: nace\nid: same\n",
                     "d.yaml": "program: aset\nid: index.html\n"]
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        let r = try runCLI(["check", folder])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(folder)/a.yaml:1:1: error: no program: add 'program:'"), "\(r.stdout)")
        #expect(r.stdout.contains("\(folder)/c.yaml:2:5: error: id 'same' is already used by the partnership at \(folder)/b.yaml:2:5"), "\(r.stdout)")
        #expect(r.stdout.contains("\(folder)/d.yaml:2:5: error: id 'index.html' would write into 'index.html', a name the output layout uses"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("4 files, 4 partnerships: 3 errors, 0 warnings\n"), "\(r.stdout)")
    }
}
