// `mentordocs blank --program P`: forms to fill in by hand, to DIR/blank/<program>/.
import ArgumentParser
import Foundation
import MentorDocs

struct BlankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blank",
        abstract: "Write blank forms to DIR/blank/<program>/<document>.html (or .xhtml).")

    @Option(help: "Program: \(Program.spokenList) (default: every program).")
    var program: Program?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        if let documents = output.documents {
            do { _ = try DocumentKind.parseList(documents) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let pipeline = try output.makePipeline()
        defer { pipeline.pdf?.printer.close() }
        let run = DocumentRun(pipeline: pipeline, folder: try OutputFolder(output.outputFolder))
        let summary = run.blank(program.map { [$0] } ?? Program.allCases, report: output.print)
        try output.finish(summary)
    }
}
