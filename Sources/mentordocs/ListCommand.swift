// `mentordocs list`: programs, documents, and which handbook form each follows.
import ArgumentParser
import Foundation
import MentorDocs

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List programs and documents, and which handbook form each follows.")

    @Option(help: "Templates folder (see 'render --help').")
    var templates: String?

    func run() throws {
        let library = try TemplateLibrary.standard(explicit: templates)
        var failed = false
        for program in Program.allCases {
            print("\(program.rawValue) (\(program.displayName)): \(program.handbook)")
            for document in DocumentKind.allCases {
                let mark = program.documents.contains(document) ? "*" : " "
                let source = library.hasOwnForm(program: program, document: document) ? "own form" : "shared form"
                do {
                    let template = try library.template(program: program, document: document)
                    print("  \(mark) \(document.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(source), follows \(template.follows ?? "no handbook form")")
                } catch {
                    print("  \(mark) \(document.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) unavailable")
                    printError("\(error)")
                    failed = true
                }
            }
        }
        print("* = rendered by default for that program")
        if failed { throw ExitCode(1) }
    }
}
