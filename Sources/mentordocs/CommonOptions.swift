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
        "A templates folder whose files replace the built-in ones (default: $MENTORDOCS_TEMPLATES).",
        discussion: "A file it lacks comes from the built-in set; 'mentordocs templates export DIR' starts one."))
    var templates: String?

    func documents(for program: Program) throws -> [DocumentKind] {
        guard let documents else { return program.documents }
        return try DocumentKind.parseList(documents)
    }

    func makeRenderer() throws -> Renderer {
        try Renderer(library: TemplateLibrary.standard(explicit: templates))
    }
}

/// Names typed on the command line are read whatever their case: `--paper A4`, `--program AWMI`.
protocol CaseInsensitiveArgument: ExpressibleByArgument, RawRepresentable, CaseIterable where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension RenderOptions.Format: CaseInsensitiveArgument {}
extension RenderOptions.Paper: CaseInsensitiveArgument {}
extension Program: CaseInsensitiveArgument {}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
