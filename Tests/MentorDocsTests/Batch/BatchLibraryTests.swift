// The batch layer's pieces without the binary: rosters, shards, the manifest's JSON, and the
// timed pipeline giving the same bytes as the renderer.
import Foundation
import Testing
@testable import MentorDocs

struct BatchRosterTests {
    func roster(_ csv: String) throws -> Result<Roster, DiagnosticList> {
        let folder = try BatchFixtures.folder(["r.csv": csv])
        return Roster.read(folder + "/r.csv")
    }

    func headlines(_ csv: String) throws -> [String] {
        guard case .failure(let list) = try roster(csv) else { return [] }
        return list.diagnostics.map { $0.headline.replacingOccurrences(of: "^.*/r\\.csv", with: "r.csv", options: .regularExpression) }
    }

    @Test func headersAreKeyPathsWithSuggestions() throws {
        #expect(try headlines("progam,mentor.name\n") == ["r.csv:1:1: error: unknown key path 'progam' (did you mean 'program'?)"])
        #expect(try headlines("program,goals.0.actons.1.done\n")
            == ["r.csv:1:2: error: unknown key path 'goals.0.actons.1.done': 'goals.0' has no key 'actons' (did you mean 'goals.0.actions.1.done'?)"])
        #expect(try headlines("Mentor Name\n") == ["r.csv:1:1: error: unknown key path 'Mentor Name' (did you mean 'mentor.name'?)"])
        #expect(try headlines("goals.goal\n")
            == ["r.csv:1:1: error: 'goals' is a list: the next part of the key path is the entry number, counted from 0 (did you mean 'goals.0.goal'?)"])
        #expect(try headlines("mentor\n").first?.contains("'mentor' is a group of keys; give one column per key, such as mentor.name") == true)
        #expect(try headlines("expectations\n") == ["r.csv:1:1: error: 'expectations' is a list; give one column per entry, numbered from 0 (did you mean 'expectations.0'?)"])
        #expect(try headlines("mentor.name,mentor.name\n") == ["r.csv:1:2: error: column header 'mentor.name' repeats column 1"])
        #expect(try headlines("goals.01.goal\n").first?.contains("'goals' is a list") == true)
        #expect(try headlines("program,\naset,x\n") == ["r.csv:2:2: error: column 2 has data but no header; name it with a key path such as 'mentor.name'"])
    }

    @Test func malformedCSVNamesTheRowAndCostsOnlyThatRow() throws {
        let r = try roster("program,id\naset,a\naset,\"b\"x\n").get()
        #expect((try? r.load(r.rows[0], with: ParticipantLoader()).get()) != nil)
        guard case .failure(let list) = r.load(r.rows[1], with: ParticipantLoader()) else {
            Issue.record("row 3 is malformed")
            return
        }
        #expect(list.diagnostics.first?.headline.replacingOccurrences(of: "^.*/r\\.csv", with: "r.csv", options: .regularExpression)
            .hasPrefix("r.csv:3:2: error: malformed CSV in row 3") == true)
    }

    @Test func cellsAreTypedByTheirColumnAndQuotedTextStaysText() throws {
        let csv = "program,id,mentor.name,term.months,meetings.0.hours,meetings.0.date,expectations.0,expectations.2\n"
            + "aset,x,No,12,1.5,2026-01-12,\"line one\nline two\",third\n"
        let r = try roster(csv).get()
        let pair = try r.load(r.rows[0], with: ParticipantLoader()).get()
        #expect(pair.mentorName == "No")
        #expect(pair.data["term"]?["months"]?.number == 12)
        #expect(pair.data["meetings"]?[ "0"]?["hours"]?.number == 1.5)
        #expect(pair.data["expectations"]?.items.map(\.text) == ["line one\nline two", "third"])
        #expect(pair.location.line == 2)
    }

    @Test func badCellsAreReportedAtRowAndColumnWithTheHeader() throws {
        let csv = "program,term.months,goals.0.actions.1.done,meetings.0.mode\naset,twelve,2026-13-01,zoom\n"
        let r = try roster(csv).get()
        guard case .failure(let list) = r.load(r.rows[0], with: ParticipantLoader()) else {
            Issue.record("expected errors")
            return
        }
        let lines = list.diagnostics.map { $0.headline.replacingOccurrences(of: "^.*/r\\.csv", with: "r.csv", options: .regularExpression) }
        #expect(lines == [
            "r.csv:2:2: error: term.months: expected a whole number from 1 to 240, found 'twelve'",
            "r.csv:2:3: error: goals.0.actions.1.done: expected a date written YYYY-MM-DD, found '2026-13-01'",
            "r.csv:2:4: error: meetings.0.mode: expected one of in-person, email, video, phone, other, found 'zoom'",
        ])
        #expect(list.diagnostics.map(\.path) == ["term.months", "goals.0.actions.1.done", "meetings.0.mode"])
    }
}

struct BatchShardTests {
    @Test func sharesAreDisjointCoverEverythingAndAreStable() {
        let keys = (1...3000).map { "group-\($0 % 7)/pair-\($0).yaml" }
        for n in [1, 2, 3, 8] {
            var counts = [Int](repeating: 0, count: n + 1)
            for key in keys {
                let owners = (1...n).filter { Shard(index: $0, count: n).contains(key) }
                #expect(owners.count == 1)
                counts[owners[0]] += 1
            }
            // Roughly equal: each share within 15% of an even split.
            for k in 1...n { #expect(abs(Double(counts[k]) - 3000 / Double(n)) < 0.15 * 3000 / Double(n)) }
        }
        // Fixed by the key alone, on every machine; NFC and NFD spellings agree.
        #expect(Shard.share(of: "group-1/pair-1.yaml", count: 4) == Shard.share(of: "group-1/pair-1.yaml", count: 4))
        #expect(Shard.share(of: "Zo\u{EB}.yaml", count: 5) == Shard.share(of: "Zoe\u{308}.yaml", count: 5))
        #expect(Shard("0/2") == nil && Shard("3/2") == nil && Shard("x") == nil && Shard("2/2") == Shard(index: 2, count: 2))
    }

    @Test func inputsAreSortedAndKeyedRelativeToTheirArgument() throws {
        let folder = try BatchFixtures.folder(["b/2.yaml": "", "a/1.yml": "", "c.json": "", ".hidden/x.yaml": "", "skip.txt": ""])
        let inputs = BatchInputs.collect([folder, folder + "/c.json", folder + "/missing.yaml"])
        #expect(inputs.map(\.shardKey) == ["a/1.yml", "b/2.yaml", "c.json", "missing.yaml"])
        #expect(inputs.map(\.position) == [0, 1, 2, 3])
        // Of an output folder inside an input folder, only what a batch writes there is skipped.
        let inside = BatchInputs.collect([folder], outputFolder: folder + "/b")
        #expect(inside.map(\.shardKey) == ["a/1.yml", "b/2.yaml", "c.json"])
    }
}

struct BatchManifestTests {
    @Test func entriesRoundTripThroughTheirJSON() throws {
        let entry = ManifestEntry(input: "in/\"q\"\\\n.yaml", position: 3, index: 1, row: nil, id: "Анна\u{1}",
                                  program: "aset", pair: nil, document: "agreement", output: "x/agreement.html",
                                  sha256: "00", status: .failed, error: "a\tb")
        let decoded = try JSONDecoder().decode(ManifestEntry.self, from: Data(entry.json.utf8))
        #expect(decoded == entry)
    }
}

struct BatchPipelineTests {
    @Test(arguments: ["aset", "awmi", "caltrans", "nace", "generic"])
    func timedStagesGiveTheRenderersBytes(program: String) throws {
        let renderer = try Renderer(library: TemplateLibrary(directory: Repo.templates))
        let partnership = try #require(ParticipantLoader().load(contentsOf: "\(Repo.examples)/\(program).yaml").first).get()
        let kind = try #require(partnership.program)
        for format in RenderOptions.Format.allCases {
            let options = RenderOptions(format: format)
            let pipeline = DocumentPipeline(renderer: renderer, options: options)
            let values = renderer.prepare(partnership.data, program: kind, options: options)
            for document in kind.documents {
                var timed = StageClock(enabled: true), plain = StageClock(enabled: false)
                timed.start()
                let a = try pipeline.render(values, document: document, observer: &timed)
                let b = try pipeline.render(values, document: document, observer: &plain)
                #expect(a == b)
                #expect(a == (try renderer.render(partnership.data, program: kind, document: document, options: options)))
                #expect(timed.timings[.validate] > 0 && plain.timings[.validate] == 0)
            }
        }
    }
}
