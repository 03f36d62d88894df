// Output paths stay inside the output folder; failed writes leave the previous file intact.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct OutputSafetyTests {
    @Test(arguments: [
        ("2026-014", "2026-014"),
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("a/b\\c", "a-b-c"),
        ("..", "partnership"),
        (".hidden", "hidden"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Ана Петрова & 李明", "Ана-Петрова-李明"),
        ("line\nbreak\u{0}nul", "line-break-nul"),
    ])
    func idsBecomeOneSafeComponent(id: String, expected: String) {
        #expect(OutputPaths.safeComponent(id) == expected)
    }

    @Test func longIdsAreCutToAHundredBytes() {
        let safe = OutputPaths.safeComponent(String(repeating: "é", count: 300))
        #expect(safe.utf8.count <= 100)
        #expect(!safe.isEmpty)
    }

    @Test func idsThatDifferOnlyInCaseCollide() {
        #expect(OutputPaths.collisionKey("Kate-Dana") == OutputPaths.collisionKey("kate-dana"))
    }

    @Test func outputFolderThatIsAFileIsRefused() throws {
        let dir = try temporaryFolder()
        let file = dir + "/out"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: OutputFolderError.self) { try OutputFolder(file) }
        do { _ = try OutputFolder(file) } catch { #expect(error.description == "\(file): error: the output folder is a file, not a folder; choose another --out") }
    }

    @Test func outputFolderThatIsANamedPipeIsCalledOne() throws {
        let pipe = try temporaryFolder() + "/out"
        #expect(mkfifo(pipe, 0o600) == 0)
        do {
            _ = try OutputFolder(pipe)
            Issue.record("a named pipe was taken for the output folder")
        } catch {
            #expect(error.description == "\(pipe): error: the output folder is a named pipe (FIFO), not a folder; choose another --out")
        }
    }

    @Test func symbolicLinkInsideTheFolderIsRefused() throws {
        let dir = try temporaryFolder(), outside = try temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/2026-014", withDestinationPath: outside)
        let folder = try OutputFolder(dir)
        do {
            _ = try folder.path(for: "2026-014/agreement.html")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == "\(dir)/2026-014: error: is a symbolic link; mentordocs writes only into real folders inside the output folder")
        }
        #expect(try folder.path(for: "other/agreement.html") == dir + "/other/agreement.html")
    }

    @Test func writesAreAtomicAndUnchangedBytesAreNotRewritten() throws {
        let dir = try temporaryFolder()
        let path = dir + "/a/b.html"
        #expect(try AtomicWriter.write(Array("one".utf8), to: path) == .written)
        #expect(try AtomicWriter.write(Array("one".utf8), to: path) == .unchanged)
        #expect(try AtomicWriter.write(Array("one".utf8), to: path, force: true) == .written)
        #expect(try AtomicWriter.write(Array("two".utf8), to: path) == .written)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir + "/a").filter { $0.hasPrefix(AtomicWriter.temporaryPrefix) }
        #expect(leftovers.isEmpty)
    }

    @Test func leftoverTemporariesAreRemoved() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/x", withIntermediateDirectories: true)
        try "partial".write(toFile: dir + "/x/" + AtomicWriter.temporaryPrefix + "1-2-agreement.html", atomically: false, encoding: .utf8)
        try "keep".write(toFile: dir + "/x/agreement.html", atomically: false, encoding: .utf8)
        AtomicWriter.removeLeftovers(in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/x") == ["agreement.html"])
    }

    @Test func fullDiskLeavesThePreviousFileIntactAndIsReported() throws {
        let dir = try temporaryFolder()
        let first = try runCLI(["blank", "--program", "aset", "--doc", "agreement", "--out", dir])
        #expect(first.status == 0)
        let path = dir + "/blank/aset/agreement.html"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // ulimit -f 4: at most 4 KiB per file, so the new (different: A4) document cannot be written.
        let binary = Repo.binary
        let r = try runCLI(["-c", "ulimit -f 4; exec \"$0\" blank --program aset --doc agreement --paper a4 --out \"$1\"", binary, dir], executable: "/bin/bash")
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path): error: cannot write: File too large"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir + "/blank/aset").filter { $0.hasPrefix(AtomicWriter.temporaryPrefix) }
        #expect(leftovers.isEmpty)
    }
}
