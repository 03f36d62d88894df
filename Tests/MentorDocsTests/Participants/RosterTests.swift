// Rosters read by the small CSV reader: every record and cell located, a malformed record or a
// row wider than the header costs only that row, and cells become values without YAML text.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct RosterTests {
    func roster(_ csv: String) throws -> Roster {
        let folder = try BatchFixtures.folder(["r.csv": csv])
        return try Roster.read(folder + "/r.csv").get()
    }

    func headlines(_ outcome: LoadOutcome) -> [String] {
        guard case .failure(let list) = outcome else { return [] }
        return list.diagnostics.map { $0.headline.replacingOccurrences(of: "^.*/r\\.csv", with: "r.csv", options: .regularExpression) }
    }

    @Test func csvRecordsFollowRFC4180() {
        let records = CSVReader.records("a,\"b,c\",\"d \"\"e\"\"\"\r\n\"x\ny\",,z\n\n", delimiter: ",")
        #expect(records.map(\.cells) == [["a", "b,c", "d \"e\""], ["x\ny", "", "z"], [""]])
        #expect(records.map(\.number) == [1, 2, 3])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func theDelimiterIsGuessedFromTheHeader() {
        #expect(CSVReader.delimiter(of: "program;id;\"a,b\"\n") == ";")
        #expect(CSVReader.delimiter(of: "program\tid\n") == "\t")
        #expect(CSVReader.delimiter(of: "program\n") == ",")
    }

    @Test func anUnterminatedQuoteCostsOnlyItsRow() throws {
        let r = try roster("program,id,mentor.name\naset,a,\"Ada\naset,b,Bea\naset,c,\"Cy\"\n")
        #expect(r.rows.map(\.number) == [2, 3, 4])
        #expect(headlines(r.load(r.rows[0], with: ParticipantLoader())) == [
            "r.csv:2:3: error: malformed CSV in row 2: the quote that opens column 3 never closes; end the field with a quote, and write a quote inside it twice (\"\")",
        ])
        #expect(try r.load(r.rows[1], with: ParticipantLoader()).get().mentorName == "Bea")
        #expect(try r.load(r.rows[2], with: ParticipantLoader()).get().mentorName == "Cy")
    }

    @Test func aRowWiderThanTheHeaderCostsOnlyThatRow() throws {
        let r = try roster("program,id\naset,a,extra\naset,b\n")
        #expect(headlines(r.load(r.rows[0], with: ParticipantLoader())) == [
            "r.csv:2:3: error: row 2 has a value in column 3, but the header has only 2 columns",
        ])
        #expect(try r.load(r.rows[1], with: ParticipantLoader()).get().id == "b")
    }

    @Test func aRowsWarningIsAtItsCellAndQuotesNoLine() throws {
        // A cell's column is its number in the row: a caret under that character would point elsewhere.
        let r = try roster("program,mentor.name,mentee.name,term.start,term.months,meetings.0.date\n"
                           + "aset,\"Dana, Whitfield\",Kate,2026-01-01,12,2028-02-01\n")
        let p = try r.load(r.rows[0], with: ParticipantLoader()).get()
        var check = ConsistencyCheck(month: nil)
        let found = check.warnings(for: p)
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: r.file, line: 2, column: 6))
        #expect(found.first?.sourceLine == nil)
    }

    @Test func cellsBecomeValuesAtTheirKeyPaths() throws {
        let r = try roster("program,id,goals.1.goal,goals.0.actions.0.done,continuing,meetings.0.hours,mentor.phone\n"
                           + "Caltrans,x,Second,2026-03-01,yes,012,0012\n")
        let p = try r.load(r.rows[0], with: ParticipantLoader()).get()
        #expect(p.program == .caltrans)
        #expect(p.data["goals"]?.items.count == 2)
        #expect(p.data["goals"]?["1"]?["goal"]?.text == "Second")
        #expect(p.data["goals"]?["0"]?["actions"]?["0"]?["done"]?.date == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(p.data["continuing"]?.bool == true)
        #expect(p.data["meetings"]?["0"]?["hours"]?.number == 12)
        #expect(p.data["mentor"]?["phone"]?.text == "0012")
        #expect(p.data["goals"]?["1"]?["goal"]?.location == SourceLocation(file: r.file, line: 2, column: 3))
    }

    @Test func badCellsAreReportedUnderTheirHeader() throws {
        let r = try roster("program,meetings.0.hours,mentee.name,checkups.0.trust\naset,1:30,\"a\u{7}b\",\"3\"\n")
        #expect(headlines(r.load(r.rows[0], with: ParticipantLoader())) == [
            "r.csv:2:2: error: meetings.0.hours: expected a number of at least 0, found '1:30'",
            "r.csv:2:3: error: mentee.name: control character U+0007 is not allowed in text",
        ])
    }

    @Test func batchRendersTheGoodRowsAndFailsTheBadOnes() throws {
        let csv = "program,id,mentor.name\naset,r-1,Ada\naset,r-2,\"Bea\naset,r-3,Cy,extra\naset,r-4,Di\n"
        let input = try BatchFixtures.folder(["roster.csv": csv])
        let out = try temporaryFolder()
        let r = try runBatch(["batch", "--roster", input + "/roster.csv", "--out", out, "--doc", "agreement", "--no-progress"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(input)/roster.csv:3:3: error: malformed CSV in row 3: the quote that opens column 3 never closes"), "\(r.stderr)")
        #expect(r.stderr.contains("\(input)/roster.csv:4:4: error: row 4 has a value in column 4"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/r-1/agreement.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/r-4/agreement.html"))
    }

    @Test func aHeaderWalkSharesTheFormatsKeyPaths() {
        guard case .success(let column) = Roster.column("goals.0.actions.1.done", number: 1) else {
            Issue.record("a valid header")
            return
        }
        #expect(column.path.description == "goals.0.actions.1.done")
        #expect(column.path.components.count == 5)
    }
}

extension Value {
    /// The boolean of a true/false value.
    var bool: Bool? { if case .bool(let b) = kind { return b } else { return nil } }
}
