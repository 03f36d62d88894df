// Which files a batch reads when the output folder lies inside an input folder (issue 11).
import Foundation
import Testing
@testable import MentorDocs

struct BatchInputsOutputFolderTests {
    @Test func onlyWhatABatchWritesIsSkippedInsideTheOutputFolder() throws {
        let folder = try BatchFixtures.folder([
            "a.yaml": "", "manifest.json": "{}", "manifest.1-of-2.json": "{}", "manifest.01-of-2.json": "",
            "blank/aset/x.yaml": "", "combined/y.yaml": "", "p-1/notes.yaml": "",
        ])
        let inputs = BatchInputs.collect([folder], outputFolder: folder)
        // manifest.01-of-2.json is no name a batch writes, so it is an input like any other.
        #expect(inputs.map(\.shardKey) == ["a.yaml", "manifest.01-of-2.json", "p-1/notes.yaml"])
        // Named explicitly, even a manifest is read (and then reported as the participant file it is not).
        let named = BatchInputs.collect([folder + "/manifest.json", folder + "/blank/aset/x.yaml"], outputFolder: folder)
        #expect(named.map(\.shardKey) == ["manifest.json", "x.yaml"])
    }

    @Test func aBatchsManifestFoundInAFolderIsNotAnInput() throws {
        // An earlier batch's output inside the folder (batch . wrote ./Output): its manifests are
        // not partnerships, for check, render or a batch into another folder; other JSON files are.
        let manifest = "{\n  \"manifest\": \"mentordocs-batch/1\",\n  \"shard\": null\n}\n"
        let folder = try BatchFixtures.folder([
            "a.yaml": "", "Output/manifest.json": manifest, "Output/manifest.1-of-2.json": manifest,
            "other/manifest.json": "{\"manifest\": \"mine\"}", "data.json": manifest,
        ])
        let (files, _, _) = InputFiles.collect([folder])
        #expect(files.map { String($0.dropFirst(folder.count + 1)) } == ["a.yaml", "data.json", "other/manifest.json"])
        // Named explicitly, it is read as given.
        #expect(InputFiles.collect([folder + "/Output/manifest.json"]).files == [folder + "/Output/manifest.json"])
    }

    @Test func aFolderWithNoParticipantFileIsAnInputOfItsOwn() throws {
        // Only a batch's manifest and a text file: nothing to read, which is said, not skipped.
        let manifest = "{\"manifest\": \"mentordocs-batch/1\"}"
        let folder = try BatchFixtures.folder(["empty/Output/manifest.json": manifest, "empty/notes.txt": "", "a.yaml": ""])
        let (files, missing, empty) = InputFiles.collect([folder + "/empty", folder + "/a.yaml"])
        #expect(files == [folder + "/a.yaml"] && missing.isEmpty && empty == [folder + "/empty"])
        let inputs = BatchInputs.collect([folder + "/empty", folder + "/a.yaml"])
        #expect(inputs.map(\.source) == [.emptyFolder, .file])
        #expect(inputs.map(\.position) == [0, 1])
    }

    @Test func aFolderReachedByTwoLinksIsReadOnceAndALoopEnds() throws {
        let folder = try BatchFixtures.folder(["real/a.yaml": "", "b.yaml": ""])
        try FileManager.default.createSymbolicLink(atPath: folder + "/link1", withDestinationPath: folder + "/real")
        try FileManager.default.createSymbolicLink(atPath: folder + "/real/up", withDestinationPath: folder)
        let (files, missing, _) = InputFiles.collect([folder])
        #expect(missing.isEmpty)
        #expect(files.map { String($0.dropFirst(folder.count + 1)) } == ["b.yaml", "real/a.yaml"])
        // A link to a folder outside is followed.
        let outside = try BatchFixtures.folder(["c.yaml": ""])
        try FileManager.default.createSymbolicLink(atPath: folder + "/z", withDestinationPath: outside)
        #expect(InputFiles.collect([folder]).files.map { String($0.dropFirst(folder.count + 1)) } == ["b.yaml", "real/a.yaml", "z/c.yaml"])
    }

    @Test func aRosterThatIsAPipeIsRefusedWithoutOpeningIt() throws {
        let folder = try temporaryFolder()
        #expect(mkfifo(folder + "/r.csv", 0o644) == 0)
        guard case .failure(let problems) = Roster.read(folder + "/r.csv") else { Issue.record("read a pipe"); return }
        #expect(problems.description == "\(folder)/r.csv: error: cannot read roster: it is a named pipe (FIFO), not a regular file")
    }
}
