// `mentordocs blank --program P`: forms to fill in by hand, to DIR/blank/<program>/.
import ArgumentParser
import Foundation
import MentorDocs

struct BlankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blank",
        abstract: "Write blank forms to DIR/blank/<program>/<document>.html (or .xhtml).")

    @Option(help: "Program: awmi, aset, caltrans, nace or generic (default: every program).")
    var program: Program?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        if let documents = output.documents {
            do { _ = try DocumentKind.parseList(documents) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() throws {
        let renderer = try output.makeRenderer()
        let options = RenderOptions(format: output.format, paper: output.paper)
        let folder = try OutputFolder(output.outputFolder)
        var failed = 0
        for program in program.map({ [$0] }) ?? Program.allCases {
            let values = renderer.prepare(nil, program: program, options: options)
            for document in try output.documents(for: program) {
                do {
                    let path = try folder.path(for: OutputPaths.blank(program: program, document: document, format: options.format))
                    let bytes = try renderer.render(values, document: document)
                    _ = try AtomicWriter.write(bytes, to: path)
                    print(path)
                } catch {
                    printError("\(error)")
                    failed += 1
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
