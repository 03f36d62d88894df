// `mentordocs batch INPUT...`: a whole cohort on every core, with a manifest; see docs/batch.md.
import ArgumentParser
import Foundation
import MentorDocs

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render a whole cohort (folders, YAML streams, rosters) on every core, with DIR/manifest.json.",
        discussion: """
        A bad file or partnership is reported and skipped; everything else is written. The last \
        line is a summary; exit status 0 when everything succeeded, 1 when anything failed, 2 for \
        a mistake in the command line, 128+N when stopped by signal N (SIGINT, SIGTERM).
        """)

    @Argument(help: "Participant files or folders (folders are searched for .yaml, .yml, .json).")
    var inputs: [String] = []

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("roster"), help: "A roster spreadsheet (CSV): one row per partnership, headers are key paths such as mentor.name. Repeatable.")
    var rosters: [String] = []

    @Option(help: "Worker threads (default: the number of active processors).")
    var jobs: Int?

    @Option(help: "Render only share K of N of the inputs (K from 1), writing manifest.K-of-N.json; merge with merge-manifests.")
    var shard: String?

    @Flag(help: "Also write one print file per program and document (DIR/combined/) and DIR/index.html.")
    var combine = false

    @Flag(help: "Rewrite every file, even when its bytes are unchanged.")
    var force = false

    @Flag(help: "Treat unknown keys as errors.")
    var strict = false

    @Option(help: "Month the check-in reports, YYYY-MM (default: the latest month with meetings).")
    var month: String?

    @Flag(help: "Print the time spent in each stage, and peak memory, to standard error.")
    var timings = false

    @Flag(help: "Show no progress.")
    var noProgress = false

    @Option(help: .hidden)
    var progressInterval: Double = 5

    mutating func validate() throws {
        if inputs.isEmpty && rosters.isEmpty { throw ValidationError("give participant files or folders, or --roster FILE.csv") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, got \(jobs)") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 <= K <= N <= \(Shard.maxCount) (for example 2/4), got '\(shard)'") }
        if combine, shard != nil {
            throw ValidationError("--combine needs the whole cohort: after every shard has run, use 'mentordocs merge-manifests DIR --combine'")
        }
        _ = try YearMonth.option(month)
        if let documents = output.documents {
            do { _ = try DocumentKind.parseList(documents) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        Interruption.installSignalHandlers()
        var options = BatchOptions()
        options.inputs = inputs
        options.rosters = rosters
        options.documents = try output.documents.map(DocumentKind.parseList)
        options.render = RenderOptions(format: output.format, paper: output.paper, month: try YearMonth.option(month))
        options.output = output.outputFolder
        if let jobs { options.jobs = jobs }
        options.shard = shard.flatMap { Shard($0) }
        options.combine = combine
        options.force = force
        options.strict = strict
        options.timings = timings
        options.progress = noProgress ? .none : .automatic
        options.progressInterval = progressInterval
        options.printer = try output.makePrinter()
        defer { options.printer?.close() }
        let report = try BatchRun(renderer: try output.makeRenderer(), options: options).run()
        if timings { printError(report.timingsTable) }
        print(report.line)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
