// Slots survive filling (md:min, md:spare) and a blank copy carries no sheet number: the
// handbook's fixed rows stay when the example fills a form, logs and checklists keep an empty
// row after the data, and "Meeting 1" / "Need no. 1" appear only on a filled sheet.
import Foundation
import Testing
@testable import MentorDocs

extension Forms {
    @Suite("Fixed slots and sheet numbers")
    struct FixedSlotsTests {
        static func filled(_ program: Program, _ document: DocumentKind) throws -> (Partnership, RenderedForm) {
            let partnership = try HandbookFieldTests.example(program)
            let form = Form(program: program, document: document, handbook: "", parts: [])
            return (partnership, try HandbookFieldTests.render(form, partnership.data))
        }

        static func blank(_ program: Program, _ document: DocumentKind) throws -> RenderedForm {
            try HandbookFieldTests.render(Form(program: program, document: document, handbook: "", parts: []), nil)
        }

        @Test("ASET action plan filled with fewer goals keeps three short-term goals of two actions and three long-term rows",
              arguments: [false, true])
        func actionPlanKeepsItsSlots(oneGoal: Bool) throws {
            let example = try HandbookFieldTests.example(.aset).data
            var data = example
            if oneGoal {  // the issue's case: one short-term goal with one action, no long-term goal
                var goal = try #require(example["goals"]?.items.first).fields
                goal["actions"] = .list(Array(goal["actions"]?.items.prefix(1) ?? []))
                var fields = example.fields
                fields["goals"] = .list([.record(goal)])
                data = .record(fields)
            }
            let form = Form(program: .aset, document: .actionPlan, handbook: "", parts: [])
            let doc = try HandbookFieldTests.render(form, data)
            let goals = data["goals"]?.items ?? []
            let short = goals.filter { $0["term"]?.text != "long" }
            try #require(short.count < 3 || short.contains { ($0["actions"]?.items.count ?? 0) < 2 },
                         "the data must leave slots to fill for this test to mean anything")
            let actions = short.map { max(2, $0["actions"]?.items.count ?? 0) } + Array(repeating: 2, count: max(0, 3 - short.count))
            let long = max(3, goals.count - short.count)
            let problems = FormCheck.counts([.rows(column: "Action", actions), .rows(column: "Long-term SMART goal", [long])], in: doc)
            #expect(problems.isEmpty, "\(problems)")
            // every short-term goal has its place for the challenges to overcome
            #expect(doc.text.components(separatedBy: "Challenges to overcome to reach it:").count - 1 == actions.count)
        }

        @Test("A log or checklist keeps an empty row after the data, and its fixed rows",
              arguments: [(Program.nace, DocumentKind.meetingChecklist, "Action item", 5),
                          (Program.caltrans, DocumentKind.meetingLog, "Item", 3)])
        func logsKeepASpareRow(_ program: Program, _ document: DocumentKind, _ column: String, _ minimum: Int) throws {
            let (p, doc) = try Self.filled(program, document)
            let expected = p.data["meetings"]?.items.map { max(minimum, ($0["actions"]?.items.count ?? 0) + 1) } ?? []
            try #require(!expected.isEmpty)
            let problems = FormCheck.counts([.rows(column: column, expected)], in: doc)
            #expect(problems.isEmpty, "\(problems)")
        }

        @Test("The Caltrans ground rules keep six lines and a spare one after the data")
        func groundRulesKeepASpareLine() throws {
            let (p, doc) = try Self.filled(.caltrans, .agreement)
            let rules = p.data["ground_rules"]?.items.count ?? 0
            let problems = FormCheck.counts([.list(after: "Our ground rules", max(6, rules + 1))], in: doc)
            #expect(problems.isEmpty, "\(problems)")
        }

        static let numbered: [(Program, DocumentKind, String, String)] = [
            (.nace, .meetingChecklist, "Meeting", "meetings"),
            (.caltrans, .meetingLog, "Meeting no.", "meetings"),
            (.caltrans, .developmentPlan, "Need no.", "development"),
        ]

        @Test("Blank: the sheet number is an empty short line", arguments: numbered)
        func blankSheetHasNoNumber(_ program: Program, _ document: DocumentKind, _ label: String, _ list: String) throws {
            let doc = try Self.blank(program, document)
            #expect(!doc.text.contains("\(label) 1"), "the blank \(document.rawValue) says \"\(label) 1\"")
            let match = try #require(doc.find("\(label)", where: { !$0.isInside { $0.name == "h1" } }))
            guard case .found = doc.spaceAfter(match) else {
                Issue.record("no writing line after \"\(label)\"")
                return
            }
            let line = doc.body.descendants.first { $0.hasClass("fill-s") && $0.parent === match.node }
            #expect(line.map { normalized($0.text).isEmpty } ?? false, "the number's line is not empty")
        }

        @Test("Filled: each sheet carries its entry's number", arguments: numbered)
        func filledSheetsAreNumbered(_ program: Program, _ document: DocumentKind, _ label: String, _ list: String) throws {
            let (p, doc) = try Self.filled(program, document)
            let count = p.data[list]?.items.count ?? 0
            try #require(count > 1)
            for n in 1...count { #expect(doc.text.contains("\(label) \(n)"), "no \"\(label) \(n)\"") }
            #expect(!doc.text.contains("\(label) \(count + 1)"))
        }
    }
}
