// The `mentordocs` command: a thin shell over the MentorDocs library. Exit 0 when all went well,
// 1 when any document failed, 2 for usage errors.
import ArgumentParser
import Foundation
import MentorDocs

@main
struct MentorDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentordocs",
        abstract: "Fill mentoring-program forms from YAML participant files; write validated HTML5 or XHTML.",
        discussion: """
        Start a partnership with 'mentordocs init --program PROGRAM pair.yaml', fill it in, then \
        'mentordocs check pair.yaml' and 'mentordocs render pair.yaml'. Programs: \
        \(Program.allCases.map(\.rawValue).joined(separator: ", ")). Names of programs, documents, formats and paper sizes are read in \
        any case.
        """,
        version: MentorDocs.version,
        subcommands: [InitCommand.self, RenderCommand.self, BlankCommand.self, ListCommand.self, CheckCommand.self,
                      BatchCommand.self, MergeManifestsCommand.self, TemplatesCommand.self, VerifyCommand.self])

    static func main() {
        // A file-size limit (ulimit -f) must fail the write with EFBIG, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || error is UsageError {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            if error is LocatedError || error is PDFError {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
}
