// `mentordocs init --program P [FILE]`: a commented starter participant file to fill in.
import ArgumentParser
import Foundation
import MentorDocs

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a participant file: every key the program's forms use, commented, all empty.",
        discussion: "The file passes 'mentordocs check' as written and renders the blank forms. An existing file is never overwritten.")

    @Option(help: "Program: \(Program.spokenList).")
    var program: Program

    @Argument(help: "The file to write (default: <program>.yaml in this folder).")
    var file: String?

    @Option(help: "Templates folder (see 'render --help'); its forms decide which keys are listed.")
    var templates: String?

    func run() throws {
        let path = file ?? "\(program.rawValue).yaml"
        let text = try StarterFile.text(program: program, library: TemplateLibrary.standard(explicit: templates))
        // O_EXCL: refuse an existing file (or a link) even if it appears between a check and the write.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let why = errno == EEXIST ? "already exists; mentordocs init never overwrites a file (choose another name)"
                : String(cString: strerror(errno))
            printError("\(path): error: \(why)")
            throw ExitCode(1)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            printError("\(path): error: cannot write: \(error.localizedDescription)")
            unlink(path)
            throw ExitCode(1)
        }
        print("wrote \(path): fill it in, then 'mentordocs check \(path)' and 'mentordocs render \(path)'")
    }
}
