// `mentordocs templates export DIR`: the built-in templates, to start a program's own look from.
import ArgumentParser
import Foundation
import MentorDocs

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the built-in templates.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Copy the built-in templates into DIR, to edit and use with --templates DIR.",
            discussion: "Nothing is written when any file to be written already exists. Files you delete from DIR come from the built-in set again.")

        @Argument(help: "The folder to write (created if missing).")
        var folder: String

        func run() throws {
            guard let source = BuiltInResources.templates else {
                throw UsageError.invalid("the built-in templates are missing beside the mentordocs binary; reinstall it")
            }
            let count: Int
            do { count = try TemplateExport.export(to: folder, from: source) } catch {
                error.diagnostics.forEach { printError($0.description) }
                throw ExitCode(1)
            }
            print("exported \(count) templates to \(folder)/; use them with --templates \(folder)")
        }
    }
}
