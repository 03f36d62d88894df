// `mentordocs render FILE...`: every partnership in the files, each document to DIR/<id>/.
import ArgumentParser
import Foundation
import MentorDocs

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render participant files into DIR/<id>/<document>.html (or .xhtml).")

    @Argument(help: "Participant files (YAML or JSON; a YAML stream holds several partnerships).")
    var files: [String]

    @OptionGroup var output: OutputOptions

    @Option(help: "Month the check-in reports, YYYY-MM (default: the latest month with meetings).")
    var month: String?

    @Flag(help: "Treat unknown keys as errors.")
    var strict = false

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one participant file") }
        _ = try YearMonth.option(month)
        if let documents = output.documents {
            do { _ = try DocumentKind.parseList(documents) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let pipeline = try output.makePipeline(month: try YearMonth.option(month))
        defer { pipeline.pdf?.printer.close() }
        // The process ends after this command: its compiled templates are left to the exit, not
        // freed node by node.
        defer { _ = Unmanaged.passRetained(pipeline.renderer) }
        let run = DocumentRun(pipeline: pipeline, folder: try OutputFolder(output.outputFolder))
        let summary = run.render(files, loader: ParticipantLoader(strict: strict), report: output.print)
        try output.finish(summary)
    }
}
