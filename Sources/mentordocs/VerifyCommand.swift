// `mentordocs verify DOCUMENT INPUT`: whether a written document (HTML, XHTML or PDF) was made
// from this input's data and these templates. Exit 0 both match, 1 one differs, 2 no fingerprint.
import ArgumentParser
import Foundation
import MentorDocs

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Say whether a document was made from this participant file's data and these templates.",
        discussion: "Exit status 0 when data and form both match, 1 when either differs, 2 when the document carries no fingerprint.")

    @Argument(help: "A document mentordocs wrote: .html, .xhtml or .pdf.")
    var document: String

    @Argument(help: "The participant file (YAML or JSON) it should have been made from.")
    var input: String

    @Option(help: ArgumentHelp(
        "Templates folder.",
        discussion: "Default: $MENTORDOCS_TEMPLATES, else ./Templates, else Templates beside the mentordocs binary."))
    var templates: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: document) else {
            throw UsageError.invalid("\(document): cannot read the document")
        }
        let renderer = try Renderer(library: TemplateLibrary.standard(explicit: templates))
        let result = Verification.check(document: [UInt8](data), named: document,
                                        inputs: ParticipantLoader(strict: false).load(contentsOf: input), input: input,
                                        renderer: renderer)
        result.lines.forEach { print($0) }
        if result.outcome != .matches { throw ExitCode(result.outcome.rawValue) }
    }
}
