// `mentordocs batch`: a whole cohort on every core. The engine stays free of files and threads;
// this layer owns both: it finds the inputs, loads templates once on the calling thread, runs
// workers that each read, render and write one input at a time, and puts their results back in
// input order, so the manifest, the messages and the duplicate-id decisions never depend on
// which thread finished first.
import Foundation

/// Everything a batch run is asked to do.
public struct BatchOptions: Sendable {
    /// Files and folders (searched for .yaml, .yml, .json).
    public var inputs: [String] = []
    /// Roster spreadsheets (CSV).
    public var rosters: [String] = []
    /// The documents to write; nil for each program's own forms.
    public var documents: [DocumentKind]?
    public var render = RenderOptions()
    /// The output folder.
    public var output = "Output"
    /// Worker threads.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// This machine's share of the inputs, if the cohort is split between machines.
    public var shard: Shard?
    /// Also write one print file per program and document, and `index.html`.
    public var combine = false
    /// Rewrite files even when their bytes are unchanged.
    public var force = false
    /// The browser that prints `--format pdf`; the caller starts and closes it.
    public var printer: PDFPrinter?
    /// Unknown keys are errors.
    public var strict = false
    /// Measure the time spent in each stage.
    public var timings = false
    public var progress: ProgressStyle = .none
    /// Seconds between progress lines when standard error is not a terminal.
    public var progressInterval: Double = 5

    /// Default options.
    public init() {}
}

/// What a batch run did.
public struct BatchReport: Sendable {
    public var summary: BatchSummary
    /// The manifest written (`DIR/manifest.json`, or `DIR/manifest.K-of-N.json` for a shard).
    public var manifestPath: String
    /// Time per stage, summed over workers, when asked for.
    public var timings: StageTimings?
    /// Documents rendered (whether written, unchanged or failed after rendering).
    public var documentsRendered: Int
    /// Wall-clock seconds from the start of the run to the manifest being written.
    public var seconds: Double
    /// Worker threads used.
    public var jobs: Int
    /// The signal that stopped the run, if one did.
    public var interruptedBy: Int32?
    /// The combined print files and the index written, relative to the output folder.
    public var combined: [String] = []

    /// The summary line, naming `combined/` and `index.html` when they were written.
    public var line: String {
        guard !combined.isEmpty else { return summary.line }
        let folders = combined.contains { $0.hasPrefix("combined/") } ? "combined/ and " : ""
        return summary.line + "; " + folders + "index.html in " + outputFolder + "/"
    }
    /// The output folder, as given.
    public var outputFolder = ""

    /// 0 when everything succeeded, 1 when anything failed, 128 + the signal when interrupted.
    public var exitCode: Int32 {
        if let interruptedBy { return 128 + interruptedBy }
        return summary.failed > 0 ? 1 : 0
    }
}

/// Runs one batch.
public final class BatchRun: @unchecked Sendable {
    let renderer: Renderer
    let options: BatchOptions
    let interruption: Interruption
    let console: BatchConsole
    let loader: ParticipantLoader
    let pipeline: DocumentPipeline

    /// A run over `options`; `renderer` is shared read-only by every worker.
    public init(renderer: Renderer, options: BatchOptions, interruption: Interruption = Interruption(),
                console: BatchConsole = .standardError()) {
        self.renderer = renderer
        self.options = options
        self.interruption = interruption
        self.console = console
        self.loader = ParticipantLoader(strict: options.strict)
        self.pipeline = DocumentPipeline(renderer: renderer, options: options.render, documents: options.documents, force: options.force,
                                         printer: options.printer)
    }

    /// Renders every input, writes the manifest (and, with `combine`, the combined files), and
    /// reports. Throws only when the output folder or the manifest cannot be written.
    public func run() throws -> BatchReport {
        let started = StageTimings.now()
        let folder = try OutputFolder(options.output)
        defer { folder.lease.end() } // last: after the run lock, once every worker has finished
        let manifestName = options.shard?.manifestName ?? "manifest.json"
        let runLock = try RunLock.take(folder: options.output, manifest: manifestName)
        defer { runLock.release() }

        let rosterReads = options.rosters.map(Roster.read)
        let all = BatchInputs.collect(options.inputs, rosters: rosterReads, rosterPaths: options.rosters,
                                      outputFolder: options.output)
        let work = options.shard.map { shard in all.filter { shard.contains($0.shardKey) } } ?? all

        // A killed run leaves only temporaries; remove those no live run owns (see OutputLease).
        Leftovers.sweep(options.output)

        let manifest = try ManifestWriter(path: options.output + "/" + manifestName, shard: options.shard,
                                          options: options.render, documents: options.documents, inputs: all.count)
        let counts = ProgressCounts()
        let collector = ResultCollector(manifest: manifest, console: console, keepPairs: options.combine)
        let registry = IdentityRegistry()
        let queue = WorkQueue(count: work.count)
        // Workers wait while the browser prints, so a PDF run keeps every browser page busy.
        let jobs = max(1, min(options.printer.map { max(options.jobs, $0.pages) } ?? options.jobs, work.count))
        let templates = TemplateService(library: renderer.library, documents: options.documents, workers: jobs)

        var display: ProgressDisplay?
        if options.progress == .automatic, !work.isEmpty {
            display = ProgressDisplay(console: console, counts: counts, total: work.count, lineInterval: options.progressInterval)
            display?.begin()
        }

        let done = DispatchGroup()
        let timings = TimingsBox()
        for number in 0..<jobs {
            done.enter()
            let thread = Thread { [self] in
                var clock = StageClock(enabled: options.timings)
                var rendered = 0
                var ready = Set<Program>()
                while !interruption.isRequested, let next = queue.next() {
                    let result = process(work[next], order: next, rosters: rosterReads, folder: folder,
                                         registry: registry, templates: templates, ready: &ready,
                                         clock: &clock, rendered: &rendered)
                    counts.add(units: 1, documents: result.entries.count { $0.document != nil })
                    collector.submit(result)
                }
                timings.add(clock.timings, rendered: rendered)
                templates.workerFinished()
                done.leave()
            }
            thread.name = "mentordocs batch \(number + 1)"
            thread.stackSize = 8 << 20
            thread.start()
        }
        // This thread loads templates as workers first meet each program (see TemplateService).
        if !work.isEmpty { templates.serve() }
        done.wait()
        display?.end()

        var summary = try collector.finish()
        let interrupted = interruption.signal
        summary.interrupted = interrupted.map(Interruption.name)

        var combined: [CombinedEntry] = []
        if options.combine, interrupted == nil, options.shard == nil {
            combined = Combiner(renderer: renderer, options: options.render, folder: folder, jobs: options.jobs,
                                force: options.force, console: console).run(collector.pairs)
            for entry in combined where entry.status == .failed { summary.failed += 1 }
        }
        _ = try manifest.finish(combined: combined, summary: summary)

        let (stageTimes, rendered) = timings.read()
        var report = BatchReport(summary: summary, manifestPath: options.output + "/" + manifestName,
                                 timings: options.timings ? stageTimes : nil, documentsRendered: rendered,
                                 seconds: Double(StageTimings.now() - started) / 1e9, jobs: jobs, interruptedBy: interrupted)
        report.combined = combined.filter { $0.status != .failed }.map(\.output)
        report.outputFolder = options.output
        return report
    }

    // MARK: One input

    /// Reads one input and renders and writes every document of its partnerships.
    private func process(_ input: BatchInput, order: Int, rosters: [Result<Roster, DiagnosticList>], folder: OutputFolder,
                         registry: IdentityRegistry, templates: TemplateService, ready: inout Set<Program>,
                         clock: inout StageClock, rendered: inout Int) -> UnitResult {
        var result = UnitResult(order: order)
        var consistency = ConsistencyCheck(month: options.render.month)
        clock.start()
        var rosterRow: Roster.Row?
        var idColumn: Int?
        let outcomes: [LoadOutcome]
        switch input.source {
        case .file:
            outcomes = loader.load(contentsOf: input.path)
        case .rosterRow(let number, let row):
            switch rosters[number] {
            case .success(let roster):
                rosterRow = roster.rows[row]
                idColumn = roster.idColumn
                outcomes = [roster.load(roster.rows[row], with: loader)]
            case .failure(let problems):
                outcomes = [.failure(problems)]
            }
        case .roster(let number):
            switch rosters[number] {
            case .success: outcomes = []
            case .failure(let problems): outcomes = [.failure(problems)]
            }
        case .emptyFolder:
            outcomes = [.failure(DiagnosticList([InputFiles.emptyFolderProblem(input.path)]))]
        }
        clock.lap(.read)
        result.pairs = outcomes.count

        // Claims on output folders, registered in input order so the first claimant wins.
        var accepted: [(Partnership, PartnershipTarget)] = []
        for (i, outcome) in outcomes.enumerated() {
            let base = ManifestEntry(input: input.path, position: input.position, index: rosterRow == nil ? i : 0,
                                     row: rosterRow?.number, status: .failed)
            switch outcome {
            case .failure(let problems):
                result.messages.append(problems.description)
                var entry = base
                entry.error = problems.diagnostics.filter { $0.severity == .error }.map(\.headline).joined(separator: "\n")
                let warnings = problems.diagnostics.filter { $0.severity == .warning }
                result.warnings += warnings.count
                entry.warnings = warnings.isEmpty ? nil : warnings.map(\.headline).joined(separator: "\n")
                result.entries.append(entry)
            case .success(let partnership):
                let warnings = partnership.warnings + consistency.warnings(for: partnership)
                warnings.forEach { result.messages.append($0.description) }
                result.warnings += warnings.count
                var entry = base
                entry.warnings = warnings.isEmpty ? nil : warnings.map(\.headline).joined(separator: "\n")
                entry.id = partnership.slugID()
                entry.pair = pairName(partnership)
                entry.program = partnership.program?.rawValue
                switch PartnershipTarget.make(for: partnership, idLocation: rosterIdLocation(partnership, row: rosterRow, idColumn: idColumn)) {
                case .failure(let problem):
                    result.messages.append(problem.description)
                    entry.error = problem.headline
                    result.entries.append(entry)
                case .success(let target):
                    accepted.append((partnership, target))
                    result.pending.append(entry)
                }
            }
        }
        let verdicts = registry.decide(order: order, claims: accepted.map(\.1))

        var observer = BatchObserver(clock: clock, interruption: interruption)
        defer { clock = observer.clock }
        for (n, (partnership, target)) in accepted.enumerated() {
            let base = result.pending[n]
            if let problem = verdicts[n] {
                result.messages.append(problem.description)
                var entry = base
                entry.error = problem.headline
                result.entries.append(entry)
                continue
            }
            if options.shard != nil {
                AtomicWriter.removeLeftovers(in: options.output + "/" + target.folder)
            }
            if ready.insert(target.program).inserted { templates.ensure(target.program) }
            var combinePair = CombinePair(id: target.id, pair: base.pair, program: target.program, documents: [])
            for document in pipeline.write(partnership, to: target, in: folder, observer: &observer) {
                var entry = base
                entry.document = document.document.rawValue
                entry.output = document.output
                entry.sha256 = document.sha256
                entry.dataFingerprint = document.provenance?.data
                entry.formFingerprint = document.provenance?.form
                if document.sha256 != nil { rendered += 1 }
                switch document.status {
                case .written: entry.status = .written
                case .unchanged: entry.status = .unchanged
                case .failed: entry.status = .failed
                }
                if let failure = document.failure {
                    result.messages.append(failure.message)
                    entry.error = failure.summary
                }
                combinePair.documents.append((document.document, document.output, document.status != .failed))
                result.entries.append(entry)
            }
            result.combine.append(combinePair)
            if interruption.isRequested { result.interrupted = true; break }
        }
        result.pending = []
        return result
    }

    private func pairName(_ partnership: Partnership) -> String? {
        guard let mentor = partnership.mentorName, let mentee = partnership.menteeName else { return nil }
        return Partnership.pairName(mentor: mentor, mentee: mentee)
    }

    /// Where a roster row's id is written: its cell, else the row; nil for a file's partnership.
    private func rosterIdLocation(_ partnership: Partnership, row: Roster.Row?, idColumn: Int?) -> SourceLocation? {
        guard row != nil else { return nil }
        if partnership.id != nil, let idColumn, let row { return SourceLocation(file: partnership.file, line: row.number, column: idColumn) }
        return partnership.location
    }
}

/// A batch worker's observer: its stage clock, and the run's interruption.
struct BatchObserver: PipelineObserver {
    var clock: StageClock
    let interruption: Interruption

    mutating func start() { clock.start() }
    mutating func lap(_ stage: PipelineStage) { clock.lap(stage) }
    var stopRequested: Bool { interruption.isRequested }
}

/// A partnership's documents, for the combined files and the index.
struct CombinePair: @unchecked Sendable {
    var id: String
    var pair: String?
    var program: Program
    /// Kind, output path relative to the output folder, and whether it was written successfully.
    var documents: [(DocumentKind, String, Bool)]
}

/// Everything one input produced.
struct UnitResult: @unchecked Sendable {
    var order: Int
    var pairs = 0
    /// Warnings about its partnerships that were read.
    var warnings = 0
    var entries: [ManifestEntry] = []
    var messages: [String] = []
    var combine: [CombinePair] = []
    var interrupted = false
    /// Entries of accepted partnerships while their documents are rendered.
    var pending: [ManifestEntry] = []

    init(order: Int) { self.order = order }
}
