// Options shared by the commands that write documents.
import ArgumentParser
import Foundation
import MentorDocs

struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("doc"), help: "Documents to write, comma-separated, or 'all' (default: the program's own forms).")
    var documents: String?

    @Option(help: "Output syntax: html (HTML5) or xhtml (XHTML 1.0 Strict).")
    var format: RenderOptions.Format = .html

    @Option(help: "Paper size for printing: letter or a4.")
    var paper: RenderOptions.Paper = .letter

    @Option(name: .customLong("out"), help: "Output folder.")
    var outputFolder: String = "Output"

    @Option(help: ArgumentHelp(
        "Templates folder.",
        discussion: "Default: $MENTORDOCS_TEMPLATES, else ./Templates, else Templates beside the mentordocs binary."))
    var templates: String?

    func documents(for program: Program) throws -> [DocumentKind] {
        guard let documents else { return program.documents }
        return try DocumentKind.parseList(documents)
    }

    func makeRenderer() throws -> Renderer {
        guard let folder = TemplateLibrary.locate(explicit: templates) else {
            throw UsageError.invalid("cannot find the Templates folder; pass --templates DIR or set MENTORDOCS_TEMPLATES")
        }
        return try Renderer(library: TemplateLibrary(directory: folder))
    }
}

extension RenderOptions.Format: ExpressibleByArgument {}
extension RenderOptions.Paper: ExpressibleByArgument {}
extension Program: ExpressibleByArgument {}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
