// The typed views of a partnership: program, names, term, meetings and the output-file slug.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct PartnershipTests {
    @Test func typedAccessorsOfTheFullFile() throws {
        let path = Loader.fixture("full.yaml")
        let p = try Loader.partnership(ParticipantLoader().load(contentsOf: path))
        #expect(p.program == .aset)
        #expect(p.id == "2026-014")
        #expect(p.mentorName == "Dana Whitfield")
        #expect(p.menteeName == "Kate Morrison")
        #expect(p.term == Term(start: CalendarDate(year: 2026, month: 1, day: 15), months: 12,
                               end: CalendarDate(year: 2027, month: 1, day: 15)))
        #expect(p.meetings.count == 2)
        let first = try #require(p.meetings.first)
        #expect(first.date == CalendarDate(year: 2026, month: 2, day: 3))
        #expect(first.hours == 1.5)
        #expect(first.mode == .inPerson)
        #expect(first.location == SourceLocation(file: path, line: 79, column: 5))
        #expect(p.meetings.last?.mode == .video)
        #expect(p.slugID() == "2026-014")
    }

    @Test func termEndIsDerivedWhenAbsent() throws {
        let p = try Loader.partnership(Loader.load("term:\n  start: 2026-01-31\n  months: 1\n"))
        #expect(p.term.end == CalendarDate(year: 2026, month: 2, day: 28))
        let written = try Loader.partnership(Loader.load("term: {start: 2026-01-31, months: 1, end: 2026-03-15}\n"))
        #expect(written.term.end == CalendarDate(year: 2026, month: 3, day: 15))
        let noMonths = try Loader.partnership(Loader.load("term: {start: 2026-01-31}\n"))
        #expect(noMonths.term.end == nil)
    }

    @Test(arguments: [
        ("Dana Whitfield", "Kate Morrison", "dana-whitfield-kate-morrison"),
        ("Zoë O'Brien", "Łukasz Ñandú", "zoe-obrien-lukasz-nandu"),
        ("Ünal Çelik", "Søren Æbelø", "unal-celik-soren-aebelo"),
        ("Anne-Marie  St. John", "Straße", "anne-marie-st-john-strasse"),
        ("李小龍", "Ангелина Ž", "李小龍-ангелина-z"),
        ("अनिल कुमार", "Kate", "अनिल-कुमार-kate"),
        ("Dana", nil, "dana"),
        (nil, nil, "pair-1"),
        ("  --  ", nil, "pair-1"),
    ] as [(String?, String?, String)])
    func slugFromNames(mentor: String?, mentee: String?, expected: String) throws {
        var yaml = ""
        if let mentor { yaml += "mentor: {name: '\(mentor)'}\n" }
        if let mentee { yaml += "mentee: {name: '\(mentee)'}\n" }
        yaml += "program: aset\n"
        let p = try Loader.partnership(Loader.load(yaml.replacingOccurrences(of: "O'Brien", with: "O''Brien")))
        #expect(p.slugID() == expected)
    }

    @Test func slugUsesTheFileNameAndDocumentNumberWithoutNames() throws {
        let outcomes = Loader.load("program: aset\n---\nprogram: nace\n")
        #expect(try outcomes.map { try $0.get().slugID() } == ["pair-1", "pair-2"])
        // Files of a folder that name no one: each its own folder, not all partnership-1.
        let loader = ParticipantLoader()
        let names = ["group-a/Kate Ünal.yaml", "group-b/second.pair.yml", "___.yaml"].map { file in
            loader.load(data: Data("program: aset\n".utf8), file: file).compactMap { try? $0.get().slugID() }
        }
        #expect(names == [["kate-unal-1"], ["second-pair-1"], ["partnership-1"]])
        // A long file name is cut so that the number still tells a stream's partnerships apart.
        let long = String(repeating: "z", count: 110) + ".yaml"
        let ids = loader.load(data: Data("program: aset\n---\nprogram: aset\n".utf8), file: long).compactMap { try? $0.get().slugID() }
        #expect(ids == [String(repeating: "z", count: 80) + "-1", String(repeating: "z", count: 80) + "-2"])
        #expect(Set(ids.map(OutputPaths.collisionKey)).count == 2)
    }

    @Test func checkinHoursHaveOneKeyPerMode() {
        guard case .record(let fields) = ParticipantFormat.template,
              case .record(let checkin)? = fields.first(where: { $0.name == "checkin" })?.shape,
              case .record(let hours)? = checkin.first(where: { $0.name == "hours" })?.shape else {
            Issue.record("no checkin.hours record in the template shape")
            return
        }
        #expect(hours.map(\.name) == ["total", "in_person", "email", "video", "phone", "other"])
    }
}
