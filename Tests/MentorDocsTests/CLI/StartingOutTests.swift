// The command line as a new coordinator meets it: a binary copied anywhere, --version, init,
// templates export, and names typed in any case.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized) struct StartingOutTests {
    /// Runs the binary from `folder` (not the repository).
    func run(_ arguments: [String], in folder: String, executable: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        try runCLI(arguments, executable: executable, in: folder)
    }

    @Test func versionIsTheLibrarysConstant() throws {
        let r = try run(["--version"], in: try temporaryFolder())
        #expect(r.status == 0)
        #expect(r.stdout == MentorDocs.version + "\n")
    }

    @Test func initWritesAFileThatChecksAndRendersFromAnEmptyFolder() throws {
        let folder = try temporaryFolder()
        let r = try run(["init", "--program", "NACE", "pair.yaml"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("pair.yaml"))
        let check = try run(["check", "pair.yaml"], in: folder)
        #expect(check.status == 0 && check.stdout == "1 file, 1 partnership: 0 errors, 0 warnings\n", "\(check.stdout)")
        let render = try run(["render", "pair.yaml"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")
        for doc in Program.nace.documents {
            #expect(FileManager.default.fileExists(atPath: folder + "/Output/pair-1/\(doc.rawValue).html"))
        }
        let plain = try run(["init", "--program", "aset"], in: folder)
        #expect(plain.status == 0 && FileManager.default.fileExists(atPath: folder + "/aset.yaml"), "\(plain.stderr)")
    }

    @Test func initNeverOverwrites() throws {
        let folder = try temporaryFolder()
        try "program: aset\nmentor:\n  name: Kept\n".write(toFile: folder + "/pair.yaml", atomically: true, encoding: .utf8)
        let r = try run(["init", "--program", "aset", "pair.yaml"], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("pair.yaml: error: already exists"))
        #expect(try String(contentsOfFile: folder + "/pair.yaml", encoding: .utf8) == "program: aset\nmentor:\n  name: Kept\n")
        #expect(try run(["init", "pair2.yaml"], in: folder).status == 2, "--program is required")
    }

    @Test func oneCharacterNamesAndFoldersAreNamedNotCrashedOn() throws {
        let folder = try temporaryFolder()
        #expect(try run(["init", "--program", "aset", "a"], in: folder).status == 0)
        let again = try run(["init", "--program", "aset", "a"], in: folder)
        #expect(again.status == 1 && again.stderr.contains("a: error: already exists"), "\(again.status) \(again.stderr)")
        for name in [".", "./"] {
            let here = try run(["init", "--program", "aset", name], in: folder)
            #expect(here.status == 1 && here.stderr.contains("\(name): error: is a folder; name the file to write in it"), "\(here.status) \(here.stderr)")
        }
        #expect(try run(["templates", "export", "T"], in: folder).status == 0)
        let twice = try run(["templates", "export", "T"], in: folder)
        #expect(twice.status == 1 && twice.stderr.contains("error: already exists"), "\(twice.status) \(twice.stderr)")
    }

    @Test func initIntoAMissingFolderOrBelowAFileSaysWhatToDo() throws {
        let folder = try temporaryFolder()
        let missing = try run(["init", "--program", "aset", "pairs/2026/pair.yaml"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("pairs/2026/pair.yaml: error: there is no folder pairs/2026; create it first (mkdir -p 'pairs/2026')"), "\(missing.stderr)")
        try "x".write(toFile: folder + "/notes", atomically: true, encoding: .utf8)
        let below = try run(["init", "--program", "aset", "notes/pair.yaml"], in: folder)
        #expect(below.status == 1)
        #expect(below.stderr.contains("notes/pair.yaml: error: notes is not a folder"), "\(below.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes"])
    }

    @Test func templatesExportWritesTheBuiltInSetOnceAndRefusesToOverwrite() throws {
        let folder = try temporaryFolder()
        let r = try run(["templates", "export", "mine"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let agreement = folder + "/mine/shared/agreement.xhtml"
        #expect(FileManager.default.contentsEqual(atPath: agreement, andPath: Repo.templates + "/shared/agreement.xhtml"))
        try "edited".write(toFile: agreement, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/mine/aset/look.xhtml")
        let again = try run(["templates", "export", "mine"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("mine/shared/agreement.xhtml: error: already exists"))
        #expect(try String(contentsOfFile: agreement, encoding: .utf8) == "edited")
        #expect(!FileManager.default.fileExists(atPath: folder + "/mine/aset/look.xhtml"), "nothing is written when anything exists")
    }

    @Test func namesAreReadInAnyCaseAndAnEmptyDocumentListIsAUsageError() throws {
        let folder = try temporaryFolder()
        let r = try run(["blank", "--program", "AWMI", "--paper", "A4", "--format", "HTML", "--doc", "Agreement"], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: folder + "/Output/blank/awmi/agreement.html", encoding: .utf8)
        #expect(page.contains("size: A4"))
        for documents in ["", ",", " , "] {
            let bad = try run(["blank", "--program", "aset", "--doc", documents], in: folder)
            #expect(bad.status == 2, "--doc '\(documents)'")
            #expect(bad.stderr.contains("--doc needs at least one document name"))
        }
        #expect(try run(["blank", "--program", "asset"], in: folder).status == 2)
    }

    @Test func aCopiedBinaryFindsItsFilesInShareMentordocsAndSaysSoWhenTheyAreMissing() throws {
        let prefix = try temporaryFolder()
        let manager = FileManager.default
        try manager.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: prefix + "/share/mentordocs", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Repo.binary, toPath: prefix + "/bin/mentordocs")
        try manager.copyItem(atPath: Repo.templates, toPath: prefix + "/share/mentordocs/Templates")
        try manager.copyItem(atPath: Repo.root + "/Sources/MentorDocs/Resources/DTD", toPath: prefix + "/share/mentordocs/DTD")
        let folder = try temporaryFolder()
        try manager.copyItem(atPath: Repo.examples + "/aset.yaml", toPath: folder + "/pair.yaml")
        let r = try run(["render", "pair.yaml", "--doc", "agreement"], in: folder, executable: prefix + "/bin/mentordocs")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Output/2026-aset-007/agreement.html\n") && r.stdout.hasSuffix("1 document in Output/2026-aset-007/\n"), "\(r.stdout)")

        let alone = try temporaryFolder()
        try manager.copyItem(atPath: Repo.binary, toPath: alone + "/mentordocs")
        let lost = try run(["render", "pair.yaml"], in: folder, executable: alone + "/mentordocs")
        #expect(lost.status == 2)
        #expect(lost.stderr.contains("the built-in templates are missing beside the mentordocs binary"))
    }
}
