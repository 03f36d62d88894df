// Each size limit of the participant loader: its default, and the located error past it.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ParticipantLimitsTests {
    @Test func defaults() {
        let limits = ParticipantLoader.Limits()
        #expect(limits.maxFileBytes == 4 * 1024 * 1024)
        #expect(limits.maxNodes == 100_000)
        #expect(limits.maxFileNodes == 1_000_000)
        #expect(limits.maxAliasText == 4 * 1024 * 1024)
        #expect(limits.maxFileAliasText == 16 * 1024 * 1024)
        #expect(limits.maxDepth == 32)
        #expect(limits.maxListLength == 10_000)
        #expect(limits.maxValueLength == 100_000)
        #expect(limits.maxListedProblems == 100)
    }

    @Test func aHundredProblemsAreListedAndTheRestCounted() throws {
        let yaml = "program: aset\n" + (0..<500).map { "k\($0): v\n" }.joined()
        let partnership = try Loader.partnership(Loader.load(yaml))
        #expect(partnership.warnings.count == 101)
        #expect(partnership.warnings.last?.headline
                == "pair.yaml:501:1: warning: 400 more warnings of this partnership are not listed, the last of them here; fix those above and check again")
        // Errors among the rest keep the partnership failed, and are said to be there.
        let mixed = "program: aset\n" + (0..<150).map { "k\($0): v\n" }.joined() + "term:\n  months: many\n"
        let failure = try #require(Loader.load(mixed).first.flatMap { if case .failure(let list) = $0 { list } else { nil } })
        #expect(failure.diagnostics.last?.severity == .error)
        #expect(failure.diagnostics.last?.message.hasPrefix("51 more problems (1 error, 50 warnings) of this partnership are not listed") == true,
                "\(failure.diagnostics.last?.message ?? "")")
        // Warnings across documents are listed the same way.
        let dates = "program: aset\nterm:\n  start: 2026-01-05\n  months: 6\nmeetings:\n" + (0..<300).map { _ in "  - date: 2025-01-01\n" }.joined()
        let early = try Loader.partnership(Loader.load(dates))
        let found = Consistency.warnings(for: early)
        #expect(found.count == 101 && found.last?.message.hasPrefix("200 more warnings") == true, "\(found.count)")
    }

    @Test func fileSize() throws {
        let data = Data(repeating: UInt8(ascii: "#"), count: 4 * 1024 * 1024 + 1)
        #expect(Loader.headlines(Loader.load(bytes: data))
                == ["pair.yaml: error: file is too large: 4,194,305 bytes; the limit is 4,194,304 bytes"])

        // From disk the size is checked before reading.
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mentordocs-limit-\(UUID().uuidString).yaml").path
        try Data("id: 2026-014\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loader = ParticipantLoader(limits: .init(maxFileBytes: 12))
        #expect(Loader.headlines(loader.load(contentsOf: path))
                == ["\(path): error: file is too large: 13 bytes; the limit is 12 bytes"])
        #expect(try Loader.partnership(ParticipantLoader().load(contentsOf: path)).id == "2026-014")
    }

    @Test func devicesAreRefusedNotRead() {
        // A device (or a pipe) is not a participant file: refused before any byte is read.
        let loader = ParticipantLoader(limits: .init(maxFileBytes: 1_000))
        #expect(Loader.headlines(loader.load(contentsOf: "/dev/zero"))
                == ["/dev/zero: error: cannot read file: it is a character device, not a regular file"])
    }

    @Test func billionLaughsStopsAtTheFirstAliasPastTheLimit() throws {
        // 342 bytes that would expand to 9^9 (387 million) strings.
        let path = Loader.fixture("billion-laughs.yaml")
        #expect(Loader.headlines(ParticipantLoader().load(contentsOf: path)) == [
            "\(path):6:8: error: f[0]: too many values: aliases add more than 100,000 values to one partnership",
        ])
    }

    @Test func aliasesAreCountedAsWhatTheyAdd() {
        let yaml = "expectations: &e [a, b, c]\nskills: *e\ncompetencies: *e\n"
        // Each alias adds a list of 3: 8 values, whatever the file itself holds.
        #expect((try? Loader.partnership(Loader.load(yaml, limits: .init(maxNodes: 8)))) != nil)
        #expect(Loader.headlines(Loader.load(yaml, limits: .init(maxNodes: 7))) == [
            "pair.yaml:3:15: error: competencies: too many values: aliases add more than 7 values to one partnership",
        ])
    }

    @Test func aliasesAreCountedAsTheTextTheyAdd() {
        // Few values, long texts: each alias of the list adds its three texts' 30 bytes.
        let ten = String(repeating: "x", count: 10)
        let yaml = "expectations: &e [\(ten), \(ten), \(ten)]\nskills: *e\ncompetencies: *e\n"
        #expect((try? Loader.partnership(Loader.load(yaml, limits: .init(maxAliasText: 60)))) != nil)
        #expect(Loader.headlines(Loader.load(yaml, limits: .init(maxAliasText: 59))) == [
            "pair.yaml:3:15: error: competencies: too much text: aliases add more than 59 bytes of text to one partnership",
        ])
        // Over the documents of a stream.
        let stream = "expectations: &e [\(ten)]\nskills: *e\n---\nexpectations: &e [\(ten)]\nskills: *e\n"
        #expect(Loader.load(stream, limits: .init(maxFileAliasText: 20)).allSatisfy { (try? $0.get()) != nil })
        #expect(Loader.load(stream, limits: .init(maxFileAliasText: 19)).last.map { Loader.headlines([$0]) } == [
            "pair.yaml:5:9: error: skills: too much text in the file: aliases add more than 19 bytes of text in all documents together",
        ])
    }

    @Test func aFewAliasesOfALongTextStopAtTheDefaultLimit() {
        // 100 KB of text named a hundred times, and that list three hundred times: 3 GB of text
        // from a 100 KB file, refused at the alias that passes 4 MiB.
        var yaml = "program: aset\nt: &t " + String(repeating: "x", count: 99_999)
            + "\nl: &l [" + Array(repeating: "*t", count: 100).joined(separator: ",") + "]\nmeetings:\n"
        for _ in 0..<300 { yaml += "  - topics: *l\n" }
        let headlines = Loader.headlines(Loader.load(yaml))
        #expect(headlines.count == 1)
        #expect(headlines.first?.hasSuffix("too much text: aliases add more than 4,194,304 bytes of text to one partnership") == true)
    }

    @Test func whatTheFileHoldsIsBoundedByItsSizeOnly() throws {
        // A long honest meeting log: 5,000 meetings of 8 values each (40,000 values, 110,000 with keys).
        var yaml = "program: aset\nmeetings:\n"
        for i in 0..<5_000 {
            yaml += "  - date: 2026-\(String(format: "%02d", i % 12 + 1))-\(String(format: "%02d", i % 28 + 1))\n"
                + "    hours: 1.5\n    mode: video\n    topics: [career, training, \"goal \(i)\"]\n"
                + "    notes: Talked about the next steps and the certificate exam at some length.\n"
        }
        let p = try Loader.partnership(Loader.load(yaml, limits: .init(maxNodes: 10)))
        #expect(p.data["meetings"]?.items.count == 5_000)
    }

    @Test func aliasesAddUpOverTheDocumentsOfAStream() throws {
        // Each document's alias adds 3 values: a list and its two entries.
        let yaml = "expectations: &e [a, b]\nskills: *e\n---\nexpectations: &e [a, b]\nskills: *e\n"
        #expect(Loader.load(yaml, limits: .init(maxFileNodes: 6)).allSatisfy { (try? $0.get()) != nil })
        let outcomes = Loader.load(yaml, limits: .init(maxFileNodes: 5))
        try #require(outcomes.count == 2)
        #expect((try? outcomes[0].get()) != nil)
        guard case .failure(let list) = outcomes[1] else {
            Issue.record("the second document should pass the file's limit")
            return
        }
        #expect(list.diagnostics.map(\.headline) == [
            "pair.yaml:5:9: error: skills: too many values in the file: aliases add more than 5 values in all documents together",
        ])
    }

    @Test func nestingDepth() {
        // The document's mapping is level 1, so 31 lists under `id` reach 32 and 32 lists pass it.
        let within = "id: " + String(repeating: "[", count: 31) + String(repeating: "]", count: 31) + "\n"
        #expect(Loader.headlines(Loader.load(within)).first?.contains("expected text, found a list") == true)
        let beyond = "id: " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "\n"
        let path = "id" + String(repeating: "[0]", count: 31)
        #expect(Loader.headlines(Loader.load(beyond)) == ["pair.yaml:1:36: error: \(path): nested more than 32 levels deep"])
    }

    @Test func nestingThroughAliasesCounts() {
        // `a` is 5 levels deep (the document's mapping and four lists); inside `b`'s four lists it reaches 9.
        let yaml = "a: &a [[[[x]]]]\nb: [[[[*a]]]]\n"
        #expect(Loader.headlines(Loader.load(yaml, limits: .init(maxDepth: 8))) == [
            "pair.yaml:1:10: error: b[0][0][0][0][0][0][0]: nested more than 8 levels deep",
        ])
        #expect((try? Loader.partnership(Loader.load(yaml, limits: .init(maxDepth: 9)))) != nil)
    }

    @Test func nestingBeyondWhatLibyamlAcceptsGetsTheSameMessage() {
        let yaml = "id: " + String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100) + "\n"
        let path = "id" + String(repeating: "[0]", count: 31)
        #expect(Loader.headlines(Loader.load(yaml)) == ["pair.yaml:1:36: error: \(path): nested more than 32 levels deep"])
    }

    @Test func nestingPastTheLimitStopsTheFileWhereItHappens() {
        // libyaml's scanner spends time in proportion to the depth on every token, so reading
        // on after the limit would take hours on a file this size: it stops at the limit.
        let yaml = "id: x\n---\nid: " + String(repeating: "[", count: 1_000_000) + "\n"
        let path = "id" + String(repeating: "[0]", count: 31)
        #expect(Loader.headlines(Loader.load(yaml)) == ["pair.yaml:3:36: error: \(path): nested more than 32 levels deep"])
    }

    @Test func listLength() throws {
        let entries = Array(repeating: "a", count: 10_001)
        let yaml = "expectations: [" + entries.joined(separator: ",") + "]\n"
        #expect(Loader.headlines(Loader.load(yaml))
                == ["pair.yaml:1:15: error: expectations: list has 10,001 entries; the limit is 10,000"])
        let atLimit = "expectations: [" + entries.dropFirst().joined(separator: ",") + "]\n"
        #expect(try Loader.partnership(Loader.load(atLimit)).data["expectations"]?.items.count == 10_000)
    }

    @Test func valueLength() throws {
        let yaml = "status: " + String(repeating: "x", count: 100_001) + "\n"
        #expect(Loader.headlines(Loader.load(yaml))
                == ["pair.yaml:1:9: error: status: text is 100,001 characters long; the limit is 100,000"])
        let atLimit = "status: " + String(repeating: "x", count: 100_000) + "\n"
        #expect(try Loader.partnership(Loader.load(atLimit)).data["status"]?.text?.count == 100_000)
    }
}

@Suite struct AliasShapeTests {
    @Test func anAliasInsideWhatItNamesIsRefused() {
        #expect(Loader.headlines(Loader.load("expectations: &a [x, *a]\n")) == [
            "pair.yaml:1:22: error: alias '*a' is inside the list or mapping it names, so it would never end",
        ])
    }

    @Test func anAliasIsCheckedAgainstTheShapeWhereItIsUsed() {
        // The same list is fine as expectations (texts) and wrong as meetings (mappings).
        #expect(Loader.headlines(Loader.load("expectations: &e [a]\nmeetings: *e\n")) == [
            "pair.yaml:1:19: error: meetings[0]: expected a mapping of keys, found 'a'; reached through the alias *e at line 2, column 11",
        ])
    }

    @Test func mergeKeysApplyOwnKeysFirst() throws {
        let yaml = "mentor: &m {name: A, email: a@x}\nmentee:\n  <<: [*m, {title: T, name: C}]\n  name: B\n"
        let p = try Loader.partnership(Loader.load(yaml))
        #expect(p.data.lookup(["mentee", "name"])?.text == "B")
        #expect(p.data.lookup(["mentee", "email"])?.text == "a@x")
        #expect(p.data.lookup(["mentee", "title"])?.text == "T")
    }
}
