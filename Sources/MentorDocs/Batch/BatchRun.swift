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

    /// Folder names that the batch layout itself uses at the top of the output folder.
    static func isReserved(_ key: String) -> Bool {
        ["blank", "combined", "index.html", "manifest.json"].contains(key)
            || (key.hasPrefix("manifest.") && key.hasSuffix(".json"))
    }

    /// A run over `options`; `renderer` is shared read-only by every worker.
    public init(renderer: Renderer, options: BatchOptions, interruption: Interruption = Interruption(),
                console: BatchConsole = .standardError()) {
        self.renderer = renderer
        self.options = options
        self.interruption = interruption
        self.console = console
        self.loader = ParticipantLoader(strict: options.strict)
        self.pipeline = DocumentPipeline(renderer: renderer, options: options.render)
    }

    /// Renders every input, writes the manifest (and, with `combine`, the combined files), and
    /// reports. Throws only when the output folder or the manifest cannot be written.
    public func run() throws -> BatchReport {
        let started = StageTimings.now()
        let folder = try OutputFolder(options.output)
        let manifestName = options.shard?.manifestName ?? "manifest.json"
        let runLock = try RunLock.take(folder: options.output, manifest: manifestName)
        defer { runLock.release() }

        let rosterReads = options.rosters.map(BatchInputs.readRoster)
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
        let jobs = max(1, min(options.jobs, work.count))
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
        return BatchReport(summary: summary, manifestPath: options.output + "/" + manifestName,
                           timings: options.timings ? stageTimes : nil, documentsRendered: rendered,
                           seconds: Double(StageTimings.now() - started) / 1e9, jobs: jobs, interruptedBy: interrupted)
    }

    // MARK: One input

    /// Reads one input and renders and writes every document of its partnerships.
    private func process(_ input: BatchInput, order: Int, rosters: [Result<Roster, DiagnosticList>], folder: OutputFolder,
                         registry: IdentityRegistry, templates: TemplateService, ready: inout Set<Program>,
                         clock: inout StageClock, rendered: inout Int) -> UnitResult {
        var result = UnitResult(order: order)
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
        }
        clock.lap(.read)
        result.pairs = outcomes.count

        // Claims on output folders, registered in input order so the first claimant wins.
        var claims: [IdentityRegistry.Claim?] = []
        var accepted: [(Partnership, Program, String)] = []
        for (i, outcome) in outcomes.enumerated() {
            let base = ManifestEntry(input: input.path, position: input.position, index: rosterRow == nil ? i : 0,
                                     row: rosterRow?.number, status: .failed)
            switch outcome {
            case .failure(let problems):
                result.messages.append(problems.description)
                var entry = base
                entry.error = problems.diagnostics.filter { $0.severity == .error }.map(\.headline).joined(separator: "\n")
                result.entries.append(entry)
                claims.append(nil)
            case .success(let partnership):
                partnership.warnings.forEach { result.messages.append($0.description) }
                let slug = partnership.slugID()
                var entry = base
                entry.id = slug
                entry.pair = pairName(partnership)
                guard let program = partnership.program else {
                    let problem = Diagnostic(at: partnership.location, "no program: add 'program:' with one of \(Program.allCases.map(\.rawValue).joined(separator: ", "))", path: "program")
                    result.messages.append(problem.description)
                    entry.error = problem.headline
                    result.entries.append(entry)
                    claims.append(nil)
                    continue
                }
                entry.program = program.rawValue
                let key = OutputPaths.collisionKey(slug)
                if BatchRun.isReserved(key) {
                    let problem = Diagnostic(at: idLocation(partnership, row: rosterRow, idColumn: idColumn),
                                             "id '\(slug)' would write into '\(OutputPaths.safeComponent(slug))', a name the batch layout uses (blank, combined, index.html, manifest files); choose another id",
                                             path: "id")
                    result.messages.append(problem.description)
                    entry.error = problem.headline
                    result.entries.append(entry)
                    claims.append(nil)
                    continue
                }
                claims.append(IdentityRegistry.Claim(key: key, id: slug,
                                                     location: idLocation(partnership, row: rosterRow, idColumn: idColumn)))
                accepted.append((partnership, program, slug))
                result.pending.append(entry)
            }
        }
        let verdicts = registry.decide(order: order, claims: claims.compactMap { $0 })

        for (n, (partnership, program, slug)) in accepted.enumerated() {
            var base = result.pending[n]
            if let first = verdicts[n] {
                let mine = idLocation(partnership, row: rosterRow, idColumn: idColumn)
                var message = "id '\(slug)' is already used by the partnership at \(first.location)"
                if first.id != slug { message += " (id '\(first.id)'; both would be written to the folder '\(OutputPaths.safeComponent(first.id))')" }
                message += ", which is written; this one is not. Give each partnership its own id"
                let problem = Diagnostic(at: mine, message, path: "id")
                result.messages.append(problem.description)
                base.error = problem.headline
                result.entries.append(base)
                continue
            }
            if options.shard != nil {
                AtomicWriter.removeLeftovers(in: options.output + "/" + OutputPaths.safeComponent(slug))
            }
            if ready.insert(program).inserted { templates.ensure(program) }
            var combinePair = CombinePair(id: slug, pair: base.pair, program: program, documents: [])
            let values = pipeline.prepare(partnership.data, program: program)
            for document in options.documents ?? program.documents {
                if interruption.isRequested { result.interrupted = true; break }
                var entry = base
                entry.document = document.rawValue
                let relative = OutputPaths.document(id: slug, document: document, format: options.render.format)
                entry.output = relative
                do {
                    let path = try folder.path(for: relative)
                    clock.start()
                    let bytes = try pipeline.render(values, document: document, clock: &clock)
                    rendered += 1
                    entry.sha256 = DocumentPipeline.sha256(bytes)
                    clock.lap(.hash)
                    let outcome = try AtomicWriter.write(bytes, to: path, force: options.force)
                    clock.lap(.write)
                    entry.status = outcome == .written ? .written : .unchanged
                    entry.error = nil
                } catch let problems as DiagnosticList {
                    entry.sha256 = nil
                    result.messages.append("\(partnership.location): error: cannot render \(document.rawValue) for '\(slug)':\n" + problems.description)
                    entry.error = problems.diagnostics.map(\.headline).joined(separator: "\n")
                } catch {
                    entry.sha256 = nil
                    result.messages.append("\(error)")
                    entry.error = "\(error)"
                }
                combinePair.documents.append((document, relative, entry.status != .failed))
                result.entries.append(entry)
            }
            result.combine.append(combinePair)
            if result.interrupted { break }
        }
        result.pending = []
        return result
    }

    private func pairName(_ partnership: Partnership) -> String? {
        guard let mentor = partnership.mentorName, let mentee = partnership.menteeName else { return nil }
        return "\(mentor) and \(mentee)"
    }

    /// Where the id is written: its value in a file, its cell in a roster, else the partnership.
    private func idLocation(_ partnership: Partnership, row: Roster.Row?, idColumn: Int?) -> SourceLocation {
        if let row {
            if partnership.id != nil, let idColumn { return SourceLocation(file: partnership.file, line: row.number, column: idColumn) }
            return partnership.location
        }
        if partnership.id != nil, let location = partnership.data["id"]?.location { return location }
        return partnership.location
    }
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
    var entries: [ManifestEntry] = []
    var messages: [String] = []
    var combine: [CombinePair] = []
    var interrupted = false
    /// Entries of accepted partnerships while their documents are rendered.
    var pending: [ManifestEntry] = []

    init(order: Int) { self.order = order }
}
