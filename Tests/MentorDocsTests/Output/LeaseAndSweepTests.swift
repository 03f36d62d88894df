// Leases, locks and the leftover sweep (issue 11: two runs on one folder), and the writes that
// refuse special files, in-process.
import Foundation
import Testing
@testable import MentorDocs

struct LeaseAndSweepTests {
    @Test func aTemporaryCarriesTheOwnerOfTheLeaseOverItsFolder() throws {
        let dir = try temporaryFolder()
        let folder = try OutputFolder(dir)
        let lockFile = dir + "/" + OutputLease.lockPrefix + folder.lease.owner
        #expect(FileLock.isHeld(lockFile))
        let file = try TemporaryFile(for: try folder.path(for: "p/agreement.html"))
        let name = (file.path as NSString).lastPathComponent
        #expect(TemporaryFile.owner(ofTemporary: name).map(String.init) == folder.lease.owner)
        file.discard()
        // A second lease on the folder in this process shares the lock file.
        let again = try OutputFolder(dir)
        #expect(again.lease.owner == folder.lease.owner)
    }

    @Test func theLeaseFileGoesWithTheLastLease() throws {
        let dir = try temporaryFolder()
        var owner = ""
        do {
            let folder = try OutputFolder(dir)
            owner = folder.lease.owner
            #expect(FileManager.default.fileExists(atPath: dir + "/" + OutputLease.lockPrefix + owner))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + OutputLease.lockPrefix + owner))
        #expect(OutputLease.owner(covering: dir) == nil)
    }

    @Test func anEndedLeaseFreesItsLockFileOnceWhileCopiesLive() throws {
        let dir = try temporaryFolder()
        let first = try OutputFolder(dir), second = try OutputFolder(dir)
        let lockFile = dir + "/" + OutputLease.lockPrefix + first.lease.owner
        first.lease.end()
        first.lease.end()
        #expect(FileLock.isHeld(lockFile), "the second lease still holds the shared lock")
        second.lease.end()
        #expect(!FileManager.default.fileExists(atPath: lockFile))
        #expect(OutputLease.owner(covering: dir) == nil)
        _ = (first, second)
    }

    @Test func theSweepReadsOnlyTheTopOfTheFolderWhenNoRunWasKilled() throws {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: dir + "/deep/er", withIntermediateDirectories: true)
        let orphan = dir + "/deep/er/" + AtomicWriter.temporaryPrefix + "0123456789abcdef-1-a.html"
        try "partial".write(toFile: orphan, atomically: false, encoding: .utf8)
        Leftovers.sweep(dir)
        #expect(FileManager.default.fileExists(atPath: orphan), "no abandoned lease at the top: the tree is not walked")
        // A killed run's lease (its file, unlocked) makes the sweep walk and remove the dead temporaries.
        _ = FileManager.default.createFile(atPath: dir + "/" + OutputLease.lockPrefix + "0123456789abcdef", contents: nil)
        Leftovers.sweep(dir)
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(!FileManager.default.fileExists(atPath: dir + "/" + OutputLease.lockPrefix + "0123456789abcdef"))
    }

    @Test func aFullSweepSparesLiveOwnersAndDoesNotFollowLinks() throws {
        let dir = try temporaryFolder(), outside = try temporaryFolder()
        let folder = try OutputFolder(dir)
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        let mine = dir + "/a/" + AtomicWriter.temporaryPrefix + folder.lease.owner + "-1-x.html"
        let dead = dir + "/a/" + AtomicWriter.temporaryPrefix + "ffffffffffffffff-1-x.html"
        let far = outside + "/" + AtomicWriter.temporaryPrefix + "ffffffffffffffff-2-x.html"
        for path in [mine, dead, far] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: outside)
        AtomicWriter.removeLeftovers(in: dir)
        #expect(FileManager.default.fileExists(atPath: mine))
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: far), "a link out of the folder is not followed")
    }

    @Test func aRunLockIsRefusedWhileHeldAndFreeAfter() throws {
        let dir = try temporaryFolder()
        let lock = try RunLock.take(folder: dir, manifest: "manifest.json")
        #expect(RunLock.isHeld(folder: dir, manifest: "manifest.json"))
        #expect(throws: OutputFolderError.self) { _ = try RunLock.take(folder: dir, manifest: "manifest.json") }
        // Another shard's manifest is another lock.
        let shard = try RunLock.take(folder: dir, manifest: "manifest.2-of-3.json")
        lock.release()
        shard.release()
        #expect(!RunLock.isHeld(folder: dir, manifest: "manifest.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func writesRefuseATargetThatIsNotARegularFile() throws {
        let dir = try temporaryFolder()
        #expect(mkfifo(dir + "/pipe.html", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/folder.html", withIntermediateDirectories: true)
        for (name, kind) in [("pipe.html", "a named pipe (FIFO)"), ("folder.html", "a directory")] {
            do {
                _ = try AtomicWriter.write(Array("x".utf8), to: dir + "/" + name)
                Issue.record("wrote over \(kind)")
            } catch {
                #expect(error.reason == "it is \(kind), not a regular file; remove it or choose another --out")
            }
            #expect(throws: WriteError.self) { _ = try StreamingFile(path: dir + "/" + name) }
        }
        #expect(StreamingFile.digest(ofFileAt: dir + "/pipe.html") == nil) // returns at once, never waits on the pipe
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".mentordocs") }.isEmpty)
    }

    @Test func readingASpecialFileIsRefusedAtOnce() throws {
        let dir = try temporaryFolder()
        #expect(mkfifo(dir + "/p.yaml", 0o644) == 0)
        guard case .failure(let pipe) = RegularFile.read(dir + "/p.yaml") else { Issue.record("read a pipe"); return }
        #expect(pipe.reason == "it is a named pipe (FIFO), not a regular file")
        guard case .failure(let device) = RegularFile.read("/dev/zero") else { Issue.record("read a device"); return }
        #expect(device.reason == "it is a character device, not a regular file")
        let outcomes = ParticipantLoader().load(contentsOf: dir + "/p.yaml")
        guard case .failure(let problems) = outcomes.first else { Issue.record("loaded a pipe"); return }
        #expect(problems.description == "\(dir)/p.yaml: error: cannot read file: it is a named pipe (FIFO), not a regular file")
    }

    @Test(arguments: [("", "the folder name is empty"), ("/dev/null/x", "/dev/null is not a folder"), ("/dev/full/a/b", "/dev/full is not a folder")])
    func foldersThatCannotBeCreatedSayWhy(path: String, reason: String) {
        #expect(Folders.create(path) == reason)
    }

    @Test func folderParentsAreFoundWithoutFoundation() {
        #expect(Folders.parent(of: "o") == nil)
        #expect(Folders.parent(of: "a/b") == "a")
        #expect(Folders.parent(of: "/a") == "/")
        #expect(Folders.parent(of: "/a/b/") == "/a")
    }
}

struct LockedTests {
    @Test func threadsSeeEveryChangeAndWaitersWake() {
        let counter = Locked(0)
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread {
                for _ in 0..<1000 { counter.withLock { $0 += 1 } }
                group.leave()
            }.start()
        }
        let total = counter.withLock(waitingUntil: { $0 == 4000 }) { $0 }
        group.wait()
        #expect(total == 4000)
        #expect(counter.wait(until: Date().addingTimeInterval(0.01), for: { $0 == 1 }) == false)
    }
}

struct SafeNameTests {
    @Test func anIdCutAtAHundredBytesNeverEndsInADot() {
        let id = String(repeating: "a", count: 99) + ".b"
        let safe = OutputPaths.safeComponent(id)
        #expect(safe == String(repeating: "a", count: 99))
        #expect(!OutputPaths.safeComponent(String(repeating: "b", count: 98) + "-.x").hasSuffix("-"))
    }

    @Test(arguments: ["COM\u{B9}", "lpt\u{B2}", "COM0", "LPT3.txt", "nul.tar.gz"])
    func windowsReservedNamesArePrefixed(id: String) {
        #expect(OutputPaths.safeComponent(id).hasPrefix("_"))
    }

    @Test func controlCharactersInNamesArePrintedEscaped() {
        #expect(PrintedName.escaped("a\u{1B}[2Jb\u{202E}c\td") == "a\\u{1B}[2Jb\\u{202E}c\\u{9}d")
        #expect(PrintedName.escaped("Zo\u{EB}/x.yaml") == "Zo\u{EB}/x.yaml")
        #expect(SourceLocation(file: "x\u{7}.yaml", line: 1, column: 2).description == "x\\u{7}.yaml:1:2")
    }
}
