// `mentordocs check INPUT...`: validate participant files (and templates) without writing.
import ArgumentParser
import Foundation
import MentorDocs

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check participant files (and, with --templates, templates) without writing anything.",
        discussion: "Exit status: 0 when there is no error (warnings allowed), 1 when there is any.")

    @Argument(help: "Participant files or folders (searched for .yaml, .yml, .json).")
    var inputs: [String] = []

    @Option(name: .customLong("roster"), help: "A roster spreadsheet (CSV) to check, each row as batch --roster reads it. Repeatable.")
    var rosters: [String] = []

    @Option(help: "Also load every template in this folder (the built-in set filling its gaps), for every program and document.")
    var templates: String?

    @Option(help: "Output: text (compiler-style) or json.")
    var format: ReportFormat = .text

    @Flag(help: "Treat unknown keys as errors.")
    var strict = false

    @Option(help: "Also warn when the check-in of this month (YYYY-MM) would report no meeting.")
    var month: String?

    func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    enum ReportFormat: String, ExpressibleByArgument { case text, json }

    mutating func validate() throws {
        if inputs.isEmpty && rosters.isEmpty && templates == nil {
            throw ValidationError("give participant files or folders, --roster FILE.csv, or --templates DIR")
        }
        _ = try YearMonth.option(month)
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var partnerships = 0
        let (files, missing, empty) = InputFiles.collect(inputs)
        for path in missing {
            diagnostics.append(Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "no such file or folder"))
        }
        diagnostics += empty.map(InputFiles.emptyFolderProblem)
        let loader = ParticipantLoader(strict: strict)
        var consistency = ConsistencyCheck(month: try YearMonth.option(month))
        var claims = FolderClaims() // what render and batch would refuse, check reports
        // Each file's and each roster's partnerships read as they are checked, one after the other.
        let reads = files.map { file in { loader.load(contentsOf: file) } } + rosters.map { roster in { loader.load(roster: roster) } }
        for read in reads {
            for outcome in read() {
                switch outcome {
                case .success(let partnership):
                    partnerships += 1
                    diagnostics += partnership.warnings
                    switch PartnershipTarget.make(for: partnership) {
                    case .failure(let problem): diagnostics.append(problem)
                    case .success(let target): if let problem = claims.claim(target) { diagnostics.append(problem) }
                    }
                    diagnostics += consistency.warnings(for: partnership)
                case .failure(let list):
                    diagnostics += list.diagnostics
                }
            }
        }
        if let templates {
            diagnostics += try TemplateLibrary.standard(explicit: templates).checkAll()
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(diagnostics), as: UTF8.self))
        case .text:
            for d in diagnostics { print(d.description) }
            print("\(count(files.count + rosters.count, "file")), \(count(partnerships, "partnership")): \(count(errors, "error")), \(count(warnings, "warning"))")
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
