// What a batch's worker threads share, each piece behind one `Locked` value: the next input to
// take, templates loaded on the calling thread, who owns each output folder, results put back
// in input order, and the stage timings.
import Foundation

/// Loads templates on the thread that runs the batch, never on a worker: libxml2 parses them
/// there, and workers only ever read compiled templates and the shared DTD. Only the programs a
/// cohort uses are loaded, when a worker first meets one, so a run over one file starts fast.
final class TemplateService: @unchecked Sendable {
    private let library: TemplateLibrary
    private let documents: [DocumentKind]?
    private struct State {
        var loaded = Set<Program>()
        var requested: [Program] = []
        var running: Int
    }
    private let state: Locked<State>

    init(library: TemplateLibrary, documents: [DocumentKind]?, workers: Int) {
        self.library = library
        self.documents = documents
        self.state = Locked(State(running: workers))
    }

    /// Blocks until every template of `program` is loaded (or has failed to load, which the
    /// render then reports).
    func ensure(_ program: Program) {
        state.withLock { state in
            if !state.loaded.contains(program), !state.requested.contains(program) { state.requested.append(program) }
        }
        state.withLock(waitingUntil: { $0.loaded.contains(program) }) { _ in }
    }

    /// A worker has taken its last input.
    func workerFinished() {
        state.withLock { $0.running -= 1 }
    }

    /// Loads what workers ask for until every worker has finished.
    func serve() {
        while let program = state.withLock(waitingUntil: { !$0.requested.isEmpty || $0.running == 0 }, { $0.requested.first }) {
            for document in documents ?? program.documents {
                _ = try? library.template(program: program, document: document)
            }
            state.withLock { state in
                state.loaded.insert(program)
                state.requested.removeFirst()
            }
        }
    }
}

/// Hands out input numbers in order.
final class WorkQueue: Sendable {
    private let nextIndex = Locked(0)
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        nextIndex.withLock { next in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// Decides, in input order, which partnership owns each output folder (`FolderClaims`). A worker
/// registers its input's claims and waits only for inputs handed out before it, which other
/// workers are already reading, so the answer never depends on thread timing.
final class IdentityRegistry: Sendable {
    private struct State {
        var next = 0
        var waiting: [Int: [PartnershipTarget]] = [:]
        var verdicts: [Int: [Diagnostic?]] = [:]
        var claims = FolderClaims()
    }
    private let state = Locked(State())

    /// For each target of input `order`: nil when it owns its folder, else why it is not written.
    func decide(order: Int, claims targets: [PartnershipTarget]) -> [Diagnostic?] {
        state.withLock { state in
            state.waiting[order] = targets
            while let ready = state.waiting.removeValue(forKey: state.next) {
                state.verdicts[state.next] = ready.map { state.claims.claim($0) }
                state.next += 1
            }
        }
        return state.withLock(waitingUntil: { $0.verdicts[order] != nil }) { $0.verdicts.removeValue(forKey: order)! }
    }
}

/// Puts results back in input order: messages printed, manifest entries written, counts kept.
final class ResultCollector: @unchecked Sendable {
    private let manifest: ManifestWriter
    private let console: BatchConsole
    private let keepPairs: Bool
    private struct State {
        var next = 0
        var waiting: [Int: (UnitResult, [String])] = [:]
        var summary = BatchSummary()
        var failure: WriteError?
        var pairs: [CombinePair] = []
    }
    private let state = Locked(State())

    init(manifest: ManifestWriter, console: BatchConsole, keepPairs: Bool) {
        self.manifest = manifest
        self.console = console
        self.keepPairs = keepPairs
    }

    /// The partnerships kept for `--combine`, in input order.
    var pairs: [CombinePair] { state.withLock { $0.pairs } }

    func submit(_ result: UnitResult) {
        // The manifest lines are written out by the worker, before the lock the others wait on.
        let lines = result.entries.map(\.json)
        state.withLock { state in
            state.waiting[result.order] = (result, lines)
            while let ready = state.waiting.removeValue(forKey: state.next) {
                emit(ready.0, lines: ready.1, into: &state)
                state.next += 1
            }
        }
    }

    /// Emits what is still waiting (after an interruption, inputs past a gap) and gives the counts.
    func finish() throws(WriteError) -> BatchSummary {
        let (summary, failure): (BatchSummary, WriteError?) = state.withLock { state in
            for order in state.waiting.keys.sorted() { emit(state.waiting[order]!.0, lines: state.waiting[order]!.1, into: &state) }
            state.waiting = [:]
            return (state.summary, state.failure)
        }
        if let failure { throw failure }
        return summary
    }

    private func emit(_ result: UnitResult, lines: [String], into state: inout State) {
        for message in result.messages { console.print(message) }
        state.summary.pairs += result.pairs
        state.summary.warnings += result.warnings
        for (entry, line) in zip(result.entries, lines) {
            state.summary.count(entry)
            do { try manifest.append(json: line) } catch { if state.failure == nil { state.failure = error } }
        }
        if keepPairs { state.pairs += result.combine }
    }
}

/// Stage times and document counts gathered from the workers as they finish.
final class TimingsBox: Sendable {
    private let state = Locked((timings: StageTimings(), rendered: 0))

    func add(_ more: StageTimings, rendered more2: Int) {
        state.withLock { state in
            state.timings.add(more)
            state.rendered += more2
        }
    }

    func read() -> (StageTimings, Int) {
        state.withLock { ($0.timings, $0.rendered) }
    }
}
