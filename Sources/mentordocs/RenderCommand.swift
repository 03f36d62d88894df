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
        if let month, CalendarDate(iso: month + "-01") == nil {
            throw ValidationError("--month takes YYYY-MM, got '\(month)'")
        }
        if let documents = output.documents {
            do { _ = try DocumentKind.parseList(documents) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let renderer = try output.makeRenderer()
        let options = RenderOptions(format: output.format, paper: output.paper, month: month)
        let folder = try OutputFolder(output.outputFolder)
        let loader = ParticipantLoader(strict: strict)
        var failed = 0, written = 0
        // Output folder names already taken, compared as a case-insensitive file system would.
        var claimed: [String: SourceLocation] = [:]
        for file in files {
            for outcome in loader.load(contentsOf: file) {
                switch outcome {
                case .failure(let problems):
                    printError(problems.description)
                    failed += 1
                case .success(let partnership):
                    partnership.warnings.forEach { printError($0.description) }
                    guard let program = partnership.program else {
                        printError(Diagnostic(at: partnership.location, "no program: add 'program:' with one of \(Program.allCases.map(\.rawValue).joined(separator: ", "))", path: "program").description)
                        failed += 1
                        continue
                    }
                    let id = partnership.slugID()
                    if let first = claimed[OutputPaths.collisionKey(id)] {
                        printError(Diagnostic(at: partnership.location, "id '\(id)' is already used by the partnership at \(first); ids must be unique (ignoring case), so this one is not written", path: "id").description)
                        failed += 1
                        continue
                    }
                    claimed[OutputPaths.collisionKey(id)] = partnership.location
                    let values = renderer.prepare(partnership.data, program: program, options: options)
                    for document in try output.documents(for: program) {
                        do {
                            let path = try folder.path(for: OutputPaths.document(id: id, document: document, format: options.format))
                            let bytes = try renderer.render(values, document: document)
                            _ = try AtomicWriter.write(bytes, to: path)
                            print(path)
                            written += 1
                        } catch {
                            printError("\(error)")
                            failed += 1
                        }
                    }
                }
            }
        }
        if failed > 0 {
            printError("\(written) documents written, \(failed) failed")
            throw ExitCode(1)
        }
    }
}
