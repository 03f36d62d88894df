// The built binary against hostile and careless inputs (issue 11): two runs on one folder,
// special files, forged shard manifests, an output folder that holds the cohort, strange names.
import Foundation
import Testing
@testable import MentorDocs

/// Runs the binary with a deadline; a run that outlives it is killed and reported as hung.
func runBounded(_ arguments: [String], seconds: Double = 60) throws -> (status: Int32, stdout: String, stderr: String, hung: Bool) {
    let folder = try temporaryFolder()
    _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: folder + "/err", contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: BatchFixtures.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/err"))
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    let hung = process.isRunning
    if hung { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let out = (try? String(contentsOfFile: folder + "/out", encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? ""
    return (process.terminationStatus, out, err, hung)
}

@Suite(.serialized) struct ConcurrentRunTests {
    /// Starts a batch in the background and returns once it has written `documents` files.
    func startBatch(_ input: String, out: String, documents: Int, extra: [String] = []) throws -> Process {
        try BatchFixtures.startBatch(input, out: out, documents: documents, arguments: ["--jobs", "1"] + extra)
    }

    @Test func aSecondRunOnTheSameManifestIsRefusedAndTheFirstFinishesWhole() throws {
        let input = try BatchFixtures.cohort(300)
        let out = try temporaryFolder()
        let first = try startBatch(input, out: out, documents: 8)
        #expect(first.isRunning, "the first run ended too soon; make the cohort larger")
        let second = try runBounded(["batch", input, "--out", out, "--no-progress"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("another mentordocs run (process \(first.processIdentifier)) is writing manifest.json in this output folder"), "\(second.stderr)")
        // A render beside the running batch writes its own documents and breaks nothing.
        let render = try runBounded(["render", Repo.examples + "/nace.yaml", "--out", out])
        #expect(render.status == 0, "\(render.stderr)")
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.summary.written + manifest.summary.unchanged == 1200 && manifest.summary.failed == 0)
        #expect(!BatchFixtures.files(out).contains { $0.contains(".mentordocs-") }, "locks and temporaries are gone")
    }

    @Test func aSweepKeepsTheTemporariesOfALiveProcessAndRemovesADeadOnes() throws {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let out = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: out + "/x", withIntermediateDirectories: true)
        // A live owner: another process holds its lease (flock(1) keeps the lock while it sleeps).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [out + "/" + OutputLease.lockPrefix + "aaaaaaaaaaaaaaaa", "sleep", "30"]
        try holder.run()
        defer { kill(holder.processIdentifier, SIGTERM); holder.waitUntilExit() }
        let lockDeadline = Date().addingTimeInterval(10)
        while !FileLock.isHeld(out + "/" + OutputLease.lockPrefix + "aaaaaaaaaaaaaaaa"), Date() < lockDeadline { Thread.sleep(forTimeInterval: 0.01) }
        let live = out + "/x/" + AtomicWriter.temporaryPrefix + "aaaaaaaaaaaaaaaa-1-agreement.html"
        // A dead owner: its lease file is there (its run was killed) but nobody holds it.
        _ = FileManager.default.createFile(atPath: out + "/" + OutputLease.lockPrefix + "bbbbbbbbbbbbbbbb", contents: nil)
        let dead = out + "/x/" + AtomicWriter.temporaryPrefix + "bbbbbbbbbbbbbbbb-2-agreement.html"
        for path in [live, dead] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }

        let r = try runBounded(["batch", input, "--out", out, "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: live), "a live process's temporary survives the sweep")
        #expect(!FileManager.default.fileExists(atPath: dead), "a killed run's temporary is swept")
        #expect(!FileManager.default.fileExists(atPath: out + "/" + OutputLease.lockPrefix + "bbbbbbbbbbbbbbbb"))
    }

    @Test func aSweepKeepsTheTemporariesOfThisProcessesOpenOutputFolder() throws {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let out = try temporaryFolder()
        let folder = try OutputFolder(out) // this process's lease, as a `render` in progress holds one
        try FileManager.default.createDirectory(atPath: out + "/y", withIntermediateDirectories: true)
        let mine = out + "/y/" + AtomicWriter.temporaryPrefix + folder.lease.owner + "-1-agreement.html"
        try "partial".write(toFile: mine, atomically: false, encoding: .utf8)
        // Plus a killed run's lease, so the batch does walk the folder.
        _ = FileManager.default.createFile(atPath: out + "/" + OutputLease.lockPrefix + "cccccccccccccccc", contents: nil)
        let r = try runBounded(["batch", input, "--out", out, "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: mine))
        withExtendedLifetime(folder) {}
    }

    @Test func shardsOfOneCohortRunSideBySideInOneFolder() throws {
        let input = try BatchFixtures.cohort(120)
        let out = try temporaryFolder()
        let first = try startBatch(input, out: out, documents: 4, extra: ["--shard", "1/2"])
        let second = try runBounded(["batch", input, "--out", out, "--no-progress", "--shard", "2/2"])
        first.waitUntilExit()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.terminationStatus == 0)
        let merged = try runBounded(["merge-manifests", out])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.lastLine == "120 pairs, 480 documents written, 0 unchanged, 0 failed")
    }
}

@Suite(.serialized) struct SpecialFileTests {
    @Test(arguments: ["check", "render", "batch"])
    func aNamedPipeAmongTheInputsIsRefusedNotWaitedOn(command: String) throws {
        let folder = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        #expect(mkfifo(folder + "/pipe.yaml", 0o644) == 0)
        let out = try temporaryFolder()
        var arguments = [command] + (command == "render" ? [folder + "/a.yaml", folder + "/pipe.yaml"] : [folder])
        if command != "check" { arguments += ["--out", out] }
        if command == "batch" { arguments += ["--no-progress"] }
        let r = try runBounded(arguments, seconds: 30)
        #expect(!r.hung, "\(command) waited on the pipe")
        #expect(r.status == 1)
        #expect(r.stderr.contains("pipe.yaml: error: cannot read file: it is a named pipe (FIFO), not a regular file")
                || r.stdout.contains("pipe.yaml: error: cannot read file: it is a named pipe (FIFO), not a regular file"), "\(r.stdout)\(r.stderr)")
    }

    @Test func aNamedPipeGivenAsARosterIsRefused() throws {
        let folder = try temporaryFolder()
        #expect(mkfifo(folder + "/roster.csv", 0o644) == 0)
        let r = try runBounded(["batch", "--roster", folder + "/roster.csv", "--out", try temporaryFolder(), "--no-progress"], seconds: 30)
        #expect(!r.hung)
        #expect(r.status == 1)
        #expect(r.stderr.contains("roster.csv: error: cannot read roster: it is a named pipe (FIFO), not a regular file"), "\(r.stderr)")
    }

    @Test func aNamedPipeWhereTheManifestGoesIsRefused() throws {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let out = try temporaryFolder()
        #expect(mkfifo(out + "/manifest.json", 0o644) == 0)
        let r = try runBounded(["batch", input, "--out", out, "--no-progress"], seconds: 30)
        #expect(!r.hung)
        #expect(r.status == 1)
        #expect(r.stderr.contains("/manifest.json: error: cannot write: it is a named pipe (FIFO), not a regular file"), "\(r.stderr)")
    }

    @Test func aNamedPipeWhereADocumentGoesFailsThatDocumentOnly() throws {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let out = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: out + "/a", withIntermediateDirectories: true)
        #expect(mkfifo(out + "/a/agreement.html", 0o644) == 0)
        let r = try runBounded(["batch", input, "--out", out, "--no-progress"], seconds: 30)
        #expect(!r.hung)
        #expect(r.status == 1)
        #expect(r.stdout.lastLine == "1 pair, 3 documents written, 0 unchanged, 1 failed", "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("a/agreement.html: error: cannot write: it is a named pipe (FIFO)"))
    }
}

@Suite(.serialized) struct HostileManifestTests {
    /// A folder with two shard manifests of one real run, to forge from.
    func shardedRun() throws -> String {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a"), "b.yaml": try BatchFixtures.aset(id: "b")])
        let out = try temporaryFolder()
        for k in 1...2 {
            let r = try runBounded(["batch", input, "--out", out, "--doc", "agreement", "--shard", "\(k)/2", "--no-progress"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return out
    }

    /// The shard manifest holding `a`'s entry.
    func manifestHoldingA(_ out: String) throws -> String {
        for k in 1...2 {
            let path = out + "/manifest.\(k)-of-2.json"
            if try String(contentsOfFile: path, encoding: .utf8).contains("\"id\": \"a\"") { return path }
        }
        throw CombineError("no manifest holds a")
    }

    @Test func anOutputPathOutsideTheFolderIsRefusedNotFollowed() throws {
        let out = try shardedRun()
        let secret = try temporaryFolder()
        try "<html><body><p>secret</p></body></html>".write(toFile: secret + "/x.html", atomically: false, encoding: .utf8)
        let path = try manifestHoldingA(out)
        let forged = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"output\": \"a/agreement.html\"", with: "\"output\": \"../\((secret as NSString).lastPathComponent)/x.html\"")
        try forged.write(toFile: path, atomically: false, encoding: .utf8)
        let r = try runBounded(["merge-manifests", out, "--combine"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\((path as NSString).lastPathComponent): error: entries[0].output: '../"), "\(r.stderr)")
        #expect(r.stderr.contains("leaves the output folder"))
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test(arguments: ["manifest.01-of-2.json", "manifest.-1-of-1.json", "manifest.0-of-0.json", "manifest.1-of-99999999999999999999.json"])
    func aShardManifestNameThatIsNotCanonicalIsAnError(name: String) throws {
        let out = try shardedRun()
        try FileManager.default.copyItem(atPath: out + "/manifest.1-of-2.json", toPath: out + "/" + name)
        let r = try runBounded(["merge-manifests", out], seconds: 30)
        #expect(!r.hung)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(name): error: not a shard manifest's name"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/manifest.json"))
    }

    @Test(arguments: [
        ("\"inputs\": 2", "\"inputs\": 9223372036854775807", "inputs: expected a count from 0 to"),
        ("\"position\": 0", "\"position\": -5", "entries[0].position: expected 0 to 1"),
        ("\"status\": \"written\"", "\"status\": \"owned\"", "entries[0].status:"),
        ("\"format\": \"html\"", "\"format\": 7", "format: expected a string"),
    ])
    func aForgedFieldIsALocatedError(original: String, forged: String, message: String) throws {
        let out = try shardedRun()
        let path = try manifestHoldingA(out)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: forged).write(toFile: path, atomically: false, encoding: .utf8)
        let r = try runBounded(["merge-manifests", out], seconds: 30)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\((path as NSString).lastPathComponent): error: \(message)"), "\(r.stderr)")
    }

    @Test func aShardFieldThatDisagreesWithTheFileNameIsALocatedError() throws {
        let out = try shardedRun()
        let text = try String(contentsOfFile: out + "/manifest.1-of-2.json", encoding: .utf8)
        try text.replacingOccurrences(of: "\"shard\": \"1/2\"", with: "\"shard\": \"2/2\"")
            .write(toFile: out + "/manifest.1-of-2.json", atomically: false, encoding: .utf8)
        let r = try runBounded(["merge-manifests", out], seconds: 30)
        #expect(r.status == 1)
        #expect(r.stderr.contains("manifest.1-of-2.json: error: shard: expected \"1/2\" (the file's name says so), found '2/2'"), "\(r.stderr)")
    }

    @Test func anInputInTwoShardsIsAnError() throws {
        let out = try shardedRun()
        let path = try manifestHoldingA(out)
        let other = path.hasSuffix("1-of-2.json") ? out + "/manifest.2-of-2.json" : out + "/manifest.1-of-2.json"
        // Copy a's entry into the other shard's manifest as well.
        let line = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first { $0.contains("\"id\": \"a\"") })
        let text = try String(contentsOfFile: other, encoding: .utf8)
        try text.replacingOccurrences(of: "\"entries\": [\n", with: "\"entries\": [\n" + line.trimmingCharacters(in: CharacterSet(charactersIn: ",")) + ",\n")
            .write(toFile: other, atomically: false, encoding: .utf8)
        let r = try runBounded(["merge-manifests", out], seconds: 30)
        #expect(r.status == 1)
        #expect(r.stderr.contains("each input belongs to one shard"), "\(r.stderr)")
    }

    @Test func aMergeSweepsWhatAKilledMergeLeft() throws {
        let out = try shardedRun()
        // What a merge killed during --combine leaves: its lease, unlocked, and a temporary.
        try FileManager.default.createDirectory(atPath: out + "/combined/aset", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out + "/" + OutputLease.lockPrefix + "dddddddddddddddd", contents: nil)
        let left = out + "/combined/aset/" + AtomicWriter.temporaryPrefix + "dddddddddddddddd-1-agreement.html"
        try "partial".write(toFile: left, atomically: false, encoding: .utf8)
        let r = try runBounded(["merge-manifests", out, "--combine"], seconds: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: left))
        #expect(!BatchFixtures.files(out).contains { $0.contains(".mentordocs-") })
    }

    @Test(arguments: ["1/9223372036854775807", "0/0", "1/10001", "-1/2", "+1/2"])
    func anOutOfRangeShardIsAUsageError(shard: String) throws {
        let r = try runBounded(["batch", "Examples/aset.yaml", "--out", try temporaryFolder(), "--shard=" + shard], seconds: 30)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--shard takes K/N with 1 <= K <= N <= 10000"), "\(r.stderr)")
    }
}

@Suite(.serialized) struct OutputFolderInputTests {
    @Test func aCohortRenderedIntoItsOwnFolderIsReadAndItsManifestIsNot() throws {
        let cohort = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a"), "g/b.yaml": try BatchFixtures.aset(id: "b")])
        let first = try runBounded(["batch", cohort, "--out", cohort, "--no-progress", "--doc", "agreement"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.lastLine == "2 pairs, 2 documents written, 0 unchanged, 0 failed")
        // Again: its own manifest.json and blank forms are not read as participant files.
        try FileManager.default.createDirectory(atPath: cohort + "/blank/aset", withIntermediateDirectories: true)
        try "x: 1".write(toFile: cohort + "/blank/aset/stray.yaml", atomically: false, encoding: .utf8)
        let again = try runBounded(["batch", cohort, "--out", cohort, "--no-progress", "--doc", "agreement"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.lastLine == "2 pairs, 0 documents written, 2 unchanged, 0 failed (everything was already up to date)")
        #expect(try BatchFixtures.manifest(cohort).inputs == 2)
    }

    @Test func anInputNamedExplicitlyIsReadEvenInsideTheOutputFolder() throws {
        let out = try temporaryFolder()
        try BatchFixtures.aset(id: "inside").write(toFile: out + "/inside.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: out + "/combined", withIntermediateDirectories: true)
        try BatchFixtures.aset(id: "named").write(toFile: out + "/combined/named.yaml", atomically: false, encoding: .utf8)
        let r = try runBounded(["batch", out + "/inside.yaml", out + "/combined/named.yaml", "--out", out, "--no-progress", "--doc", "agreement"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.lastLine == "2 pairs, 2 documents written, 0 unchanged, 0 failed")
    }

    @Test func aSymlinkedFolderInACohortIsFollowedAndALoopEnds() throws {
        let cohort = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let elsewhere = try BatchFixtures.folder(["b.yaml": try BatchFixtures.aset(id: "b")])
        try FileManager.default.createSymbolicLink(atPath: cohort + "/linked", withDestinationPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/back", withDestinationPath: cohort) // a loop
        let r = try runBounded(["check", cohort], seconds: 30)
        #expect(!r.hung)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.lastLine == "2 files, 2 partnerships: 0 errors, 0 warnings", "\(r.stdout)")
    }
}

@Suite(.serialized) struct PrintedNameTests {
    @Test func controlCharactersInAFileNameArePrintedEscaped() throws {
        let folder = try temporaryFolder()
        let name = folder + "/bad\u{1B}[2Jname.yaml"
        try "x: [".write(toFile: name, atomically: false, encoding: .utf8)
        let r = try runBounded(["check", name], seconds: 30)
        #expect(r.status == 1)
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
        #expect(r.stdout.contains("bad\\u{1B}[2Jname.yaml:"), "\(r.stdout)")
    }

    /// An empty name is a mistake in the command (exit 2); a path that cannot be a folder is found
    /// when it is made (exit 1).
    @Test(arguments: [("", "Error: --out needs a folder name (default: Output)", Int32(2)),
                      ("/dev/full/x", "/dev/full/x: error: cannot create the output folder: /dev/full is not a folder", Int32(1))])
    func anUnusableOutputFolderIsExplained(out: String, message: String, status: Int32) throws {
        for command in [["render", "Examples/aset.yaml"], ["batch", "Examples/aset.yaml", "--no-progress"], ["blank", "--program", "aset"]] {
            let r = try runBounded(command + ["--out", out], seconds: 30)
            #expect(r.status == status)
            #expect(r.stderr.hasPrefix(message), "\(command[0]): \(r.stderr)")
            #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        }
    }
}

@Suite(.serialized) struct LongLineAndNameCLITests {
    @Test func tenThousandErrorsOnOneLineQuoteBoundedWindows() throws {
        let folder = try temporaryFolder()
        let meetings = (0..<10_000).map { "{\"date\": \"2026-13-\(String(format: "%02d", $0 % 28 + 1))\"}" }.joined(separator: ", ")
        try "{\"program\": \"aset\", \"id\": \"a\", \"meetings\": [\(meetings)]}".write(toFile: folder + "/long.json", atomically: false, encoding: .utf8)
        let r = try runBounded(["check", folder + "/long.json"], seconds: 120) // a sanity bound, not a timing
        #expect(!r.hung)
        #expect(r.status == 1)
        // A hundred are listed, each with its line and a caret, and the rest counted.
        #expect(r.stdout.lastLine == "1 file, 0 partnerships: 101 errors, 0 warnings")
        #expect(r.stdout.contains("error: 9900 more errors of this partnership are not listed, the last of them here"))
        let quoted = r.stdout.split(separator: "\n").filter { $0.hasPrefix("    ") }
        #expect(quoted.count == 200, "a line and a caret for each error listed")
        #expect(quoted.allSatisfy { $0.unicodeScalars.count <= SourceExcerpt.width + 8 })
    }

    @Test func idsThatWindowsReservesOrThatACutEndsInADotGetSafeFolders() throws {
        let long = String(repeating: "a", count: 99) + ".b"
        let input = try BatchFixtures.folder(["1.yaml": try BatchFixtures.aset(id: "COM\u{B9}"), "2.yaml": try BatchFixtures.aset(id: long)])
        let out = try temporaryFolder()
        let r = try runBounded(["batch", input, "--out", out, "--doc", "agreement", "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix("manifest") }.sorted()
        #expect(folders == ["_COM\u{B9}", String(repeating: "a", count: 99)])
    }
}
