// `mentordocs batch` end to end with the built binary: isolation of bad inputs, re-runs that
// write nothing, --force, duplicate ids, rosters, shards and their merge, and --combine.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized) struct BatchCommandTests {
    static let broken = """
        program: aset
        id: bad-one
        mentor:
          name: Somebody
        term:
          start: 2026-13-40

        """
    static let stream = """
        program: aset
        id: stream-good
        mentor:
          name: Ada Obi
        ---
        program: aset
        id: stream-bad
        term:
          months: many

        """

    /// The examples, a file with a bad date, a stream with one good and one bad partnership and a
    /// file that is not YAML at all.
    static func mixedFolder() throws -> String {
        var files: [String: String] = [:]
        for name in ["aset", "awmi", "caltrans", "generic", "nace"] {
            files["good/\(name).yaml"] = try String(contentsOfFile: "\(Repo.examples)/\(name).yaml", encoding: .utf8)
        }
        files["bad/broken.yaml"] = broken
        files["bad/stream.yaml"] = stream
        files["bad/syntax.yml"] = "program: aset\nid: [unclosed\n"
        files["notes.txt"] = "not an input"
        return try BatchFixtures.folder(files)
    }

    @Test func aFinishedRunLeavesNoLeaseFileBehind() throws {
        // The lease's lock file went with the last reference to it, and a worker thread's closure
        // could hold one past the process's exit: the file stayed in about half of the runs.
        let input = try Self.mixedFolder()
        for _ in 0..<6 {
            let out = try temporaryFolder()
            let r = try runBatch(["batch", input, "--out", out, "--no-progress", "--jobs", "2"])
            #expect(r.status == 1)
            let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(OutputLease.lockPrefix) }
            #expect(left.isEmpty, "left behind: \(left)")
        }
    }

    @Test func goodDocumentsAreWrittenAndEveryBrokenInputIsReportedWithItsLocation() throws {
        let input = try Self.mixedFolder()
        let out = try temporaryFolder()
        let r = try runBatch(["batch", input, "--out", out, "--no-progress"])
        #expect(r.status == 1)
        // 5 examples (17 documents), 2 in the stream (4 documents for the good one), 2 broken files.
        #expect(r.stdout.lastLine == "9 pairs, 21 documents written, 0 unchanged, 3 failed")
        #expect(r.stderr.contains("\(input)/bad/broken.yaml:6:10: error:"), "\(r.stderr)")
        #expect(r.stderr.contains("\(input)/bad/stream.yaml:9:11: error:"), "\(r.stderr)")
        #expect(r.stderr.contains("\(input)/bad/syntax.yml:"), "\(r.stderr)")
        // Messages come in input order: bad/ sorts before good/.
        let broken = try #require(r.stderr.range(of: "broken.yaml:6:10"))
        let syntax = try #require(r.stderr.range(of: "syntax.yml:"))
        #expect(broken.lowerBound < syntax.lowerBound)

        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.entries.count == 24)
        #expect(manifest.entries.filter { $0.status == .written }.count == 21)
        for entry in manifest.entries where entry.status == .written {
            let output = try #require(entry.output)
            let data = try #require(FileManager.default.contents(atPath: out + "/" + output))
            #expect(DocumentPipeline.sha256([UInt8](data)) == entry.sha256)
        }
        let failed = manifest.entries.filter { $0.status == .failed }
        #expect(failed.map { ($0.input as NSString).lastPathComponent } == ["broken.yaml", "stream.yaml", "syntax.yml"])
        #expect(failed[1].index == 1 && failed[1].error?.contains("stream.yaml:9:11") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/bad-one"))
        #expect(FileManager.default.fileExists(atPath: out + "/stream-good/agreement.html"))
        #expect(manifest.summary == BatchSummary(pairs: 9, written: 21, unchanged: 0, failed: 3))
    }

    @Test func aSecondRunWritesNothingAndForceRewritesEverything() throws {
        let input = try Self.mixedFolder()
        let out = try temporaryFolder()
        _ = try runBatch(["batch", input, "--out", out, "--no-progress"])
        let probe = out + "/2026-aset-007/agreement.html"
        let before = try BatchFixtures.modificationDate(probe)
        Thread.sleep(forTimeInterval: 0.02)

        let again = try runBatch(["batch", input, "--out", out, "--no-progress"])
        #expect(again.stdout.lastLine == "9 pairs, 0 documents written, 21 unchanged, 3 failed")
        #expect(try BatchFixtures.modificationDate(probe) == before)
        #expect(try BatchFixtures.manifest(out).entries.allSatisfy { $0.status != .written })

        let forced = try runBatch(["batch", input, "--out", out, "--no-progress", "--force"])
        #expect(forced.stdout.lastLine == "9 pairs, 21 documents written, 0 unchanged, 3 failed")
        #expect(try BatchFixtures.modificationDate(probe) > before)
    }

    @Test func allGoodExitsZero() throws {
        let out = try temporaryFolder()
        let r = try runBatch(["batch", "Examples", "--out", out, "--doc", "agreement,roles", "--jobs", "3", "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "5 pairs, 10 documents written, 0 unchanged, 0 failed\n")
        #expect(r.stderr.isEmpty)
        let again = try runBatch(["batch", "Examples", "--out", out, "--doc", "agreement,roles", "--no-progress"])
        #expect(again.stdout == "5 pairs, 0 documents written, 10 unchanged, 0 failed (everything was already up to date)\n")
    }

    @Test func warningsAreCountedInTheSummaryAndKeptInTheManifest() throws {
        let warned = try BatchFixtures.aset(id: "w-1").replacingOccurrences(of: "program: aset\n", with: "program: aset\ncolour: blue\n")
        let input = try BatchFixtures.folder(["a.yaml": warned, "b.yaml": try BatchFixtures.aset(id: "w-2")])
        let out = try temporaryFolder()
        let r = try runBatch(["batch", input, "--out", out, "--doc", "agreement,confidentiality", "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "2 pairs, 4 documents written, 0 unchanged, 0 failed, 1 warning (each in the manifest)\n")
        #expect(r.stderr.contains("\(input)/a.yaml:5:1: warning: colour: unknown key"), "\(r.stderr)")
        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.summary.warnings == 1)
        #expect(manifest.entries.count == 4)
        for entry in manifest.entries {
            if entry.id == "w-1" {
                #expect(entry.warnings?.hasPrefix("\(input)/a.yaml:5:1: warning: colour: unknown key") == true, "\(entry.warnings ?? "none")")
            } else {
                #expect(entry.warnings == nil)
            }
        }
        // A partnership that fails with warnings too: its warnings are counted and kept.
        let failing = try BatchFixtures.folder(["c.yaml": warned.replacingOccurrences(of: "id: w-1", with: "id: [w-1]")])
        let failed = try runBatch(["batch", failing, "--out", try temporaryFolder(), "--doc", "agreement", "--no-progress"])
        #expect(failed.status == 1)
        #expect(failed.stdout == "1 pair, 0 documents written, 0 unchanged, 1 failed, 1 warning (each in the manifest)\n", "\(failed.stdout)")
        // A run without warnings says nothing of them.
        let clean = try runBatch(["batch", input + "/b.yaml", "--out", try temporaryFolder(), "--doc", "agreement", "--no-progress"])
        #expect(clean.stdout == "1 pair, 1 document written, 0 unchanged, 0 failed\n")
    }

    @Test func duplicateIdsKeepTheFirstAndNameBothFiles() throws {
        let input = try BatchFixtures.folder([
            "a.yaml": try BatchFixtures.aset(id: "same"),
            "b.yaml": try BatchFixtures.aset(id: "same"),
            "c.yaml": try BatchFixtures.aset(id: "SAME"),
        ])
        var manifests: [Data] = []
        for jobs in ["1", "2"] {
            let out = try temporaryFolder()
            let r = try runBatch(["batch", input, "--out", out, "--jobs", jobs, "--doc", "agreement", "--no-progress"])
            #expect(r.status == 1)
            #expect(r.stdout.lastLine == "3 pairs, 1 document written, 0 unchanged, 2 failed")
            #expect(r.stderr.contains("\(input)/b.yaml:5:5: error: id 'same' is already used by the partnership at \(input)/a.yaml:5:5"), "\(r.stderr)")
            #expect(r.stderr.contains("\(input)/c.yaml:5:5: error: id 'SAME' is already used by the partnership at \(input)/a.yaml:5:5 (id 'same'"), "\(r.stderr)")
            let manifest = try BatchFixtures.manifest(out)
            #expect(manifest.entries.map(\.status) == [.written, .failed, .failed])
            #expect(manifest.entries[0].input.hasSuffix("/a.yaml"))
            manifests.append(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
        }
        #expect(manifests[0] == manifests[1], "the manifest does not depend on the number of workers")
    }

    @Test func rosterRowsAreRenderedAndBadCellsNamedByRowAndColumn() throws {
        let csv = "\u{FEFF}program,id,mentor.name,mentee.name,term.start,goals.0.goal,goals.1.goal,goals.0.actions.1.done\n"
            + "aset,r-1,\"Osei, Marguerite\",Tomasz Lindqvist,2026-01-12,\"Earn my C.Tech.\nby 2026\",,2026-09-30\n"
            + "awmi,r-2,Анна Смирнова,李 伟,2026-02-30,,Second goal,\n"
            + ",,,,,,,\n"
            + "nace,r-3,Zoë,Ólafur,2026-03-01,,,\n"
        let input = try BatchFixtures.folder(["roster.csv": csv])
        let out = try temporaryFolder()
        let r = try runBatch(["batch", "--roster", input + "/roster.csv", "--out", out, "--doc", "agreement", "--no-progress"])
        #expect(r.status == 1)
        #expect(r.stdout.lastLine == "3 pairs, 2 documents written, 0 unchanged, 1 failed")
        #expect(r.stderr.contains("\(input)/roster.csv:3:5: error: term.start: expected a date written YYYY-MM-DD, found '2026-02-30'"), "\(r.stderr)")
        let agreement = try String(contentsOfFile: out + "/r-1/agreement.html", encoding: .utf8)
        #expect(agreement.contains("Osei, Marguerite"))
        #expect(FileManager.default.fileExists(atPath: out + "/r-3/agreement.html"))
        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.entries.map(\.row) == [2, 3, 5])
    }

    @Test func unknownRosterHeaderFailsTheRosterWithASuggestion() throws {
        let input = try BatchFixtures.folder(["roster.csv": "program,mentor.nmae\naset,Ada\n"])
        let r = try runBatch(["batch", "--roster", input + "/roster.csv", "--out", try temporaryFolder(), "--no-progress"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(input)/roster.csv:1:2: error: unknown key path 'mentor.nmae': 'mentor' has no key 'nmae' (did you mean 'mentor.name'?)"), "\(r.stderr)")
        #expect(r.stdout.lastLine == "1 pair, 0 documents written, 0 unchanged, 1 failed")
    }

    @Test func shardsPartitionTheInputsAndMergeIntoTheUnshardedManifest() throws {
        var files: [String: String] = [:]
        for n in 1...12 { files["g\(n % 3)/p\(n).yaml"] = try BatchFixtures.aset(id: "p-\(n)") }
        // Two files with an unknown key: their warnings are counted across the shards.
        for n in [4, 9] { files["g\(n % 3)/p\(n).yaml"] = files["g\(n % 3)/p\(n).yaml"]!.replacingOccurrences(of: "program: aset\n", with: "program: aset\ncolour: blue\n") }
        let input = try BatchFixtures.folder(files)
        let whole = try temporaryFolder()
        #expect(try runBatch(["batch", input, "--out", whole, "--doc", "agreement", "--no-progress"]).status == 0)

        let shared = try temporaryFolder()
        var seen: [String] = []
        for k in 1...3 {
            let r = try runBatch(["batch", input, "--out", shared, "--doc", "agreement", "--shard", "\(k)/3", "--no-progress"])
            #expect(r.status == 0, "\(r.stderr)")
            let part = try BatchFixtures.manifest(shared, name: "manifest.\(k)-of-3.json")
            #expect(part.shard == "\(k)/3")
            seen += part.entries.map(\.input)
        }
        #expect(seen.count == 12 && Set(seen).count == 12, "disjoint shares that cover every input")
        #expect(!FileManager.default.fileExists(atPath: shared + "/manifest.json"))

        let merged = try runCLI(["merge-manifests", shared], executable: BatchFixtures.binary)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.lastLine == "12 pairs, 12 documents written, 0 unchanged, 0 failed, 2 warnings (each in the manifest)")
        let a = try BatchFixtures.manifest(whole), b = try BatchFixtures.manifest(shared)
        #expect(a.entries == b.entries)
        #expect(a.summary == b.summary && b.summary.warnings == 2)
        #expect(b.shard == nil)
    }

    @Test func mergeReportsMissingShards() throws {
        let input = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "a")])
        let out = try temporaryFolder()
        _ = try runBatch(["batch", input, "--out", out, "--shard", "2/2", "--no-progress"])
        let r = try runCLI(["merge-manifests", out], executable: BatchFixtures.binary)
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing shard manifests: manifest.1-of-2.json"))
    }

    @Test(arguments: ["html", "xhtml"])
    func combineWritesOnePrintFilePerProgramAndDocumentAndAnIndex(format: String) throws {
        let input = try BatchFixtures.folder([
            "1.yaml": try BatchFixtures.aset(id: "one"), "2.yaml": try BatchFixtures.aset(id: "two"),
            "3.yaml": try String(contentsOfFile: Repo.examples + "/nace.yaml", encoding: .utf8),
        ])
        let out = try temporaryFolder()
        let r = try runBatch(["batch", input, "--out", out, "--doc", "agreement,roles", "--combine", "--format", format, "--no-progress"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.lastLine == "3 pairs, 6 documents written, 0 unchanged, 0 failed; combined/ and index.html in \(out)/")
        let combined = try String(contentsOfFile: "\(out)/combined/aset/agreement.\(format)", encoding: .utf8)
        #expect(combined.components(separatedBy: "<div class=\"mentordocs-pair\"").count - 1 == 2)
        #expect(combined.contains("id=\"pair-1\"") && combined.contains("id=\"pair-2\""))
        #expect(combined.components(separatedBy: "<body").count == 2 && combined.hasSuffix("</html>\n"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("href=\"one/agreement.\(format)\"") && index.contains("href=\"combined/nace/roles.\(format)\""))
        let manifest = try BatchFixtures.manifest(out)
        #expect(manifest.combined.map(\.output) == ["combined/aset/agreement.\(format)", "combined/aset/roles.\(format)",
                                                    "combined/nace/agreement.\(format)", "combined/nace/roles.\(format)", "index.html"])
        if format == "xhtml" {
            // Every combined file and the index, read back and validated against the DTD.
            for entry in manifest.combined {
                let text = try String(contentsOfFile: out + "/" + entry.output, encoding: .utf8)
                let root = try TemplateParser.parse(text, file: entry.output, allowedNamespaces: [])
                let problems = OutputDocument(root: root).validate(against: try XHTMLDTD.shared())
                #expect(problems.isEmpty, "\(entry.output): \(problems)")
            }
        }
        // Unchanged cohort: the combined files are not rewritten either.
        let again = try runBatch(["batch", input, "--out", out, "--doc", "agreement,roles", "--combine", "--format", format, "--no-progress"])
        #expect(again.status == 0)
        #expect(try BatchFixtures.manifest(out).combined.allSatisfy { $0.status == .unchanged })
    }

    @Test func combinedHTML5IsTheHTML5WritingOfTheValidCombinedXHTML() throws {
        let input = try BatchFixtures.folder([
            "1.yaml": try BatchFixtures.aset(id: "one"), "2.yaml": try BatchFixtures.aset(id: "two"),
            "3.yaml": try String(contentsOfFile: Repo.examples + "/caltrans.yaml", encoding: .utf8),
        ])
        let out = try temporaryFolder()
        for format in ["html", "xhtml"] {
            let r = try runBatch(["batch", input, "--out", out + "/" + format, "--doc", "all", "--combine", "--format", format, "--no-progress"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let combined = try BatchFixtures.manifest(out + "/xhtml").combined.map(\.output).filter { $0.hasPrefix("combined/") }
        #expect(combined.count > 10)
        for path in combined {
            // The XHTML file is valid; the HTML5 one parses as its HTML5 writing, byte for byte.
            let text = try String(contentsOfFile: out + "/xhtml/" + path, encoding: .utf8)
            let document = OutputDocument(root: try TemplateParser.parse(text, file: path, allowedNamespaces: []))
            #expect(document.validate(against: try XHTMLDTD.shared()).isEmpty, "\(path)")
            let html5 = try String(contentsOfFile: out + "/html/" + path.replacingOccurrences(of: ".xhtml", with: ".html"), encoding: .utf8)
            #expect(String(decoding: try document.html5(), as: UTF8.self) == html5, "\(path)")
        }
    }

    @Test func usageMistakesExitTwo() throws {
        #expect(try runBatch(["batch", "Examples", "--shard", "4/3"]).status == 2)
        #expect(try runBatch(["batch", "Examples", "--shard", "1/2", "--combine"]).status == 2)
        #expect(try runBatch(["batch"]).status == 2)
        #expect(try runBatch(["batch", "Examples", "--jobs", "0"]).status == 2)
    }

    @Test func progressLinesArePeriodicNotPerDocument() throws {
        let input = try BatchFixtures.cohort(60)
        let out = try temporaryFolder()
        let r = try runBatch(["batch", input, "--out", out, "--progress-interval", "0.05"])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        #expect(lines.count < 60 * 4)
        #expect(lines.allSatisfy { $0.contains("/60 inputs") && $0.contains("documents/s") && $0.contains("ETA") })
    }
}
