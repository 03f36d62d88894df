// Options shared by the commands that write documents.
import ArgumentParser
import Foundation
import MentorDocs

struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("doc"), help: "Documents to write, comma-separated, or 'all' (default: the program's own forms).")
    var documents: String?

    @Option(help: "Output: html (HTML5), xhtml (XHTML 1.0 Strict) or pdf (printed by Chromium).")
    var format: RenderOptions.Format = .html

    @Option(help: "Paper size for printing: letter or a4.")
    var paper: RenderOptions.Paper = .letter

    @Option(name: .customLong("out"), help: "Output folder.")
    var outputFolder: String = "Output"

    @Option(help: ArgumentHelp(
        "A templates folder whose files replace the built-in ones (default: $MENTORDOCS_TEMPLATES).",
        discussion: "A file it lacks comes from the built-in set; 'mentordocs templates export DIR' starts one."))
    var templates: String?

    mutating func validate() throws {
        if outputFolder.isEmpty { throw ValidationError("--out needs a folder name (default: Output)") }
    }

    /// The pipeline every document of the command goes through, the options parsed once.
    func makePipeline(month: YearMonth? = nil, force: Bool = false) throws -> DocumentPipeline {
        DocumentPipeline(renderer: try makeRenderer(), options: RenderOptions(format: format, paper: paper, month: month),
                         documents: try documents.map(DocumentKind.parseList), force: force, printer: try makePrinter())
    }

    /// One browser for the whole command when it writes PDFs (the command closes it), else nil.
    func makePrinter() throws -> PDFPrinter? {
        format == .pdf ? try PDFPrinter(pages: PDFPrinter.defaultPages()) : nil
    }

    /// Prints one event of a run: paths written to standard output, problems to standard error.
    func print(_ event: RunEvent) {
        switch event {
        case .warning(let diagnostic): printError(diagnostic.description)
        case .failure(let message): printError(message)
        case .document(let result):
            if let failure = result.failure { printError(failure.message) } else { Swift.print(result.path) }
        }
    }

    /// The summary line, the next step on a terminal, and exit status 1 when anything failed.
    func finish(_ summary: RunSummary) throws {
        Swift.print(summary.line(outputFolder: outputFolder))
        if summary.failed == 0, isatty(STDOUT_FILENO) != 0, let first = summary.firstDocument {
            Swift.print(format == .pdf ? "Next: open \(first)."
                        : "Next: open \(first) in a browser and print it (paper: \(paper.rawValue), no headers and footers), or add --format pdf for PDFs to print or e-mail.")
        }
        if summary.failed > 0 { throw ExitCode(1) }
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

extension YearMonth {
    /// The `--month` option's value, parsed once; the option's error when it is not `YYYY-MM`.
    static func option(_ text: String?) throws -> YearMonth? {
        guard let text else { return nil }
        guard let month = YearMonth(text) else { throw ValidationError("--month takes YYYY-MM, got '\(text)'") }
        return month
    }
}

extension Program {
    /// The program keys as help text says them: `awmi, aset, caltrans, nace or generic`.
    static var spokenList: String {
        let keys = allCases.map(\.rawValue)
        return keys.dropLast().joined(separator: ", ") + " or " + keys.last!
    }
}
