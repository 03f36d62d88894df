// The built `mentordocs` binary end to end: files written, messages printed, exit codes.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized) struct CommandLineTests {
    @Test func renderWritesTheProgramsFormsInBothFormats() throws {
        let out = try temporaryFolder()
        for format in ["html", "xhtml"] {
            let r = try runCLI(["render", "Examples/aset.yaml", "--out", out, "--format", format])
            #expect(r.status == 0, "\(r.stderr)")
            for doc in ["agreement", "confidentiality", "action-plan", "check-in"] {
                let lines = r.stdout.split(separator: "\n").map(String.init)
                let written = try #require(lines.first { $0.hasSuffix("/\(doc).\(format)") })
                #expect(FileManager.default.fileExists(atPath: written))
            }
        }
    }

    @Test func renderCountsItsWarningsOnItsLastLine() throws {
        let out = try temporaryFolder()
        let input = try temporaryFolder() + "/pair.yaml"
        try "program: aset\nid: w-3\nMentor:\n  name: Dana\nmentee:\n  name: Kate\n".write(toFile: input, atomically: true, encoding: .utf8)
        let r = try runCLI(["render", input, "--doc", "agreement", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("\(input):3:1: warning: Mentor: unknown key (did you mean 'mentor'?)"), "\(r.stderr)")
        #expect(r.stdout.lastLine == "1 document in \(out)/w-3/; 1 warning (above)", "\(r.stdout)")
    }

    @Test func twoFilesOfOneNameThatNameNoOneAreToldTheirFolderCameFromTheFileName() throws {
        let root = try temporaryFolder()
        for group in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + group, withIntermediateDirectories: true)
            try "program: aset\n".write(toFile: root + "/\(group)/aset.yaml", atomically: true, encoding: .utf8)
        }
        let r = try runCLI(["batch", root, "--doc", "agreement", "--out", try temporaryFolder(), "--no-progress"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(root)/b/aset.yaml:1:1: error: the folder name 'aset-1' (made from the file's name: it gives no id and no names) is already used by the partnership at \(root)/a/aset.yaml:1:1"), "\(r.stderr)")
    }

    @Test func blankWritesUnderBlankProgram() throws {
        let out = try temporaryFolder()
        let r = try runCLI(["blank", "--program", "aset", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        for doc in ["agreement", "confidentiality", "action-plan", "check-in"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/blank/aset/\(doc).html"))
        }
    }

    @Test func usageErrorsExitTwoWithSuggestion() throws {
        let r = try runCLI(["render", "Examples/aset.yaml", "--doc", "agrement", "--out", try temporaryFolder()])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown document 'agrement' (did you mean 'agreement'?)"))
        let p = try runCLI(["blank", "--program", "asset"])
        #expect(p.status == 2)
        let initEmpty = try runCLI(["init", "--program", "aset", ""])
        #expect(initEmpty.status == 2)
        #expect(initEmpty.stderr.contains("the file name is empty"))
    }

    @Test func badParticipantFileExitsOneAndWritesNothingForIt() throws {
        let out = try temporaryFolder()
        let bad = out + "/bad.yaml"
        try "program: aset\nid: bad-one\nmentor:\n  name: [not, text]\nterm:\n  start: 2026-13-40\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try runCLI(["render", bad, "Examples/aset.yaml", "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad):6:10: error:"))
        #expect(!FileManager.default.fileExists(atPath: out + "/bad-one"))
        #expect(r.stdout.contains("/agreement.html"), "the good file is still rendered")
    }

    @Test func aFolderWithNoParticipantFileIsAnErrorNotAQuietSuccess() throws {
        let root = try temporaryFolder()
        let empty = root + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/notes", withIntermediateDirectories: true)
        try "not a participant file".write(toFile: empty + "/notes/readme.txt", atomically: true, encoding: .utf8)
        let expected = "\(empty): error: is a folder with no participant file (.yaml, .yml or .json) in it or below it"
        let check = try runCLI(["check", empty])
        #expect(check.status == 1)
        #expect(check.stdout.contains(expected))
        let batch = try runCLI(["batch", empty, "Examples/aset.yaml", "--out", root + "/out", "--no-progress"])
        #expect(batch.status == 1)
        #expect(batch.stderr.contains(expected))
        #expect(FileManager.default.fileExists(atPath: root + "/out/2026-aset-007/agreement.html"), "the other input is still rendered")
        let manifest = try String(contentsOfFile: root + "/out/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"status\": \"failed\", \"error\": \"\(expected)\""), "the manifest lists the folder as a failed input")
    }

    @Test func checkReadsARosterAsBatchWould() throws {
        let good = try runCLI(["check", "--roster", "Examples/roster.csv"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("1 file, 5 partnerships: 0 errors"))
        let folder = try temporaryFolder()
        try "program,id,mentor.name\nasset,r1,Ana\n".write(toFile: folder + "/r.csv", atomically: true, encoding: .utf8)
        let bad = try runCLI(["check", "--roster", folder + "/r.csv", "Examples/aset.yaml"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("\(folder)/r.csv:2:1: error: program: expected one of awmi, aset, caltrans, nace, generic, found 'asset' (did you mean 'aset'?)"))
        #expect(bad.stdout.contains("2 files, 1 partnership: 1 error"))
    }

    @Test func renderOfAFolderSaysHowToRenderIt() throws {
        let r = try runCLI(["render", "Examples", "--out", try temporaryFolder()])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Examples: error: is a folder: name its files (Examples/*.yaml), or give the folder to "
                                  + "'mentordocs batch Examples', which renders every participant file in it and below it"))
    }

    @Test func twoPartnershipsWithOneIdAreAnErrorNotAnOverwrite() throws {
        let out = try temporaryFolder()
        let a = out + "/a.yaml", b = out + "/b.yaml"
        try "program: aset\nid: Pair-1\nmentor:\n  name: First\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "program: aset\nid: pair-1\nmentor:\n  name: Second\n".write(toFile: b, atomically: true, encoding: .utf8)
        let r = try runCLI(["render", a, b, "--doc", "agreement", "--out", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(b):2:5: error: id 'pair-1' is already used by the partnership at \(a):2:5"), "\(r.stderr)")
        let written = try String(contentsOfFile: out + "/Pair-1/agreement.html", encoding: .utf8)
        #expect(written.contains("First") && !written.contains("Second"))
    }

    @Test func listShowsTheWholeMatrix() throws {
        let r = try runCLI(["list"])
        #expect(r.status == 0, "\(r.stderr)")
        for program in Program.allCases { #expect(r.stdout.contains("\(program.rawValue) (")) }
        #expect(r.stdout.components(separatedBy: "follows").count - 1 == Program.allCases.count * DocumentKind.allCases.count)
    }

    @Test func checkListsEveryProblemOfABrokenFolderAndExitsOne() throws {
        let r = try runCLI(["check", "Tests/MentorDocsTests/Fixtures/broken"])
        #expect(r.status == 1)
        try expectGolden(r.stdout, "check-broken.txt")
    }

    @Test func checkSpeaksJSONForMachines() throws {
        let r = try runCLI(["check", "--format", "json", "Tests/MentorDocsTests/Fixtures/broken/wrong-values.yaml"])
        #expect(r.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 5)
        #expect(entries.first?["line"] as? Int == 3)
        #expect(entries.first?["column"] as? Int == 10)
        #expect(entries.first?["path"] as? String == "term.start")
        #expect(entries.first?["severity"] as? String == "error")
    }

    @Test func checkOfCleanFilesAndBundledTemplatesExitsZero() throws {
        let r = try runCLI(["check", "Examples", "--templates", "Templates"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout == "5 files, 5 partnerships: 0 errors, 0 warnings\n")
    }

    @Test func checkReportsABrokenTemplateWithItsLine() throws {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: dir + "/Templates")
        let path = dir + "/Templates/shared/confidentiality.xhtml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "md:text=\"mentor.name\"", with: "md:text=\"mentor.nmae\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runCLI(["check", "--templates", dir + "/Templates"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("confidentiality.xhtml:"))
        #expect(r.stdout.contains("error: 'mentor' has no key 'nmae' (did you mean 'name'?)"))
    }

    @Test func helpNamesTheTemplateSearchOrder() throws {
        let r = try runCLI(["render", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("MENTORDOCS_TEMPLATES"))
    }
}
