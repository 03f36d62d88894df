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

    mutating func validate() throws {
        if file?.isEmpty == true { throw ValidationError("the file name is empty; give the file to write, or leave it out for \(program.rawValue).yaml") }
    }

    func run() throws {
        let path = file ?? "\(program.rawValue).yaml"
        let text = try StarterFile.text(program: program, library: TemplateLibrary.standard(explicit: templates))
        // O_EXCL: refuse an existing file (or a link) even if it appears between a check and the write.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            printError("\(path): error: \(Self.reason(creating: path, errno: errno))")
            throw ExitCode(1)
        }
        var failure: Int32 = 0
        Array(text.utf8).withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                done += n
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            printError("\(path): error: cannot write: \(String(cString: strerror(failure)))")
            unlink(path)
            throw ExitCode(1)
        }
        print("wrote \(path): fill it in, then 'mentordocs check \(path)' and 'mentordocs render \(path)'")
    }

    /// Why `path` could not be created, in words that say what to do.
    static func reason(creating path: String, errno code: Int32) -> String {
        let folder = PathText.folder(of: path)
        var isFolder: ObjCBool = false
        switch code {
        case EEXIST where FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue:
            return "is a folder; name the file to write in it (\(path.hasSuffix("/") ? path : path + "/")pair.yaml)"
        case EEXIST:
            return "already exists; mentordocs init never overwrites a file (choose another name)"
        case ENOENT where !folder.isEmpty && !FileManager.default.fileExists(atPath: folder):
            return "there is no folder \(folder); create it first (mkdir -p '\(folder)') or name a file in a folder that exists"
        case ENOTDIR:
            return "\(folder) is not a folder; name a file in a folder"
        default:
            return "cannot create the file: \(String(cString: strerror(code)))"
        }
    }
}
