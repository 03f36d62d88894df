// Shows that the form-field checks are precise: in a temporary copy of Templates/, one field's
// writing space (or the place its value goes, or a row) is removed, and the checks of
// FormFieldTests must then report that very field. The copy is deleted afterwards.
import Foundation
import Testing
@testable import MentorDocs

extension Forms {
    @Suite("Form-field checks report a field removed from a template")
    struct CheckSensitivityTests {
        /// One edit of one template file, and the field each check must then name.
        struct Mutation: Sendable, CustomTestStringConvertible {
            var form: String
            var file: String
            var remove: String
            var replacement: String = ""
            /// The label a problem of the blank check must name (nil: not checked).
            var blank: String?
            /// The label a problem of the filled check must name (nil: not checked).
            var filled: String?
            /// The column or label a problem of the row counts must name (nil: not checked).
            var count: String?

            var testDescription: String { "\(form): \(file) without \(remove.prefix(60))" }
        }

        static let mutations: [Mutation] = [
            Mutation(form: "aset/confidentiality", file: "shared/confidentiality.xhtml",
                     remove: #"<span class="fill" md:text="mentor.name">&#160;</span>"#,
                     blank: "Mentor name:", filled: "Mentor name:"),
            Mutation(form: "aset/agreement", file: "shared/blocks.xhtml",
                     remove: #"<td><span class="fill" md:text="dates.mentee | date">&#160;</span></td>"#,
                     blank: "Date", filled: "Date"),
            Mutation(form: "aset/action-plan", file: "shared/action-plan.xhtml",
                     remove: #"<td><span class="fill" md:text="a.start | date">&#160;</span></td>"#,
                     blank: "Date of completion", filled: "Starting date"),
            Mutation(form: "aset/action-plan", file: "shared/action-plan.xhtml",
                     remove: #"<tr md:repeat="a in g.actions" md:min="2">"#,
                     replacement: #"<tr md:repeat="a in g.actions" md:min="1">"#, count: "Action"),
            Mutation(form: "aset/action-plan", file: "shared/action-plan.xhtml",
                     remove: #"<div class="box box-s" md:text="g.challenges">&#160;</div>"#,
                     blank: "Challenges to overcome to reach it:", filled: "Challenges to overcome to reach it:"),
            Mutation(form: "aset/action-plan", file: "shared/action-plan.xhtml",
                     remove: #"<li><strong>Look back.</strong> Ask yourself what worked, what did not, and why.</li>"#,
                     count: "Eight tips for setting goals"),
            Mutation(form: "generic/roles", file: "shared/roles.xhtml",
                     remove: #"<li>stand behind the mentee</li>"#,
                     count: "A mentee would like the mentor to"),
            Mutation(form: "aset/check-in", file: "shared/check-in.xhtml",
                     remove: #"<div class="box box-l" md:text="status">&#160;</div>"#,
                     blank: "Partnership status", filled: "Partnership status"),
            Mutation(form: "awmi/agreement", file: "awmi/agreement.xhtml",
                     remove: #"<td md:text="r.achieved">&#160;</td>"#,
                     blank: "End of mentoring: achievements", filled: "End of mentoring: achievements"),
            Mutation(form: "nace/meeting-guide", file: "shared/meeting-guide.xhtml",
                     remove: #"<div class="box box-l" md:text="meetings.1.notes">&#160;</div>"#,
                     blank: "Notes from meeting 2:", filled: "Notes from meeting 2:"),
            Mutation(form: "nace/meeting-checklist", file: "shared/meeting-checklist.xhtml",
                     remove: #"<span class="check" md:if="m.actions">&#9745;</span><span class="check" md:unless="m.actions">&#9744;</span>"#,
                     blank: "define the action items, each with its delivery date?",
                     filled: "define the action items, each with its delivery date?"),
            Mutation(form: "caltrans/agreement", file: "caltrans/agreement.xhtml",
                     remove: #"Mentor's initials: <span class="fill fill-s">&#160;</span>"#,
                     replacement: "Mentor's initials: ", blank: "Mentor's initials:"),
            Mutation(form: "caltrans/goals-worksheet", file: "shared/goals-worksheet.xhtml",
                     remove: #"<span class="val" md:text="g.goal">&#160;</span>"#, filled: "Goal"),
            Mutation(form: "caltrans/goals-worksheet", file: "shared/goals-worksheet.xhtml",
                     remove: #"<li md:repeat="o in g.objectives" md:min="3">"#,
                     replacement: #"<li md:repeat="o in g.objectives" md:min="2">"#, count: "Objectives"),
            Mutation(form: "caltrans/development-plan", file: "shared/development-plan.xhtml",
                     remove: #"<div class="box" md:text="d.impact">&#160;</div>"#,
                     blank: "What will be different once you have met it?",
                     filled: "What will be different once you have met it?"),
            Mutation(form: "caltrans/checkup", file: "shared/checkup.xhtml",
                     remove: #"<td md:unless="c.trust = 5"><span class="check">&#x2610;</span></td>"#,
                     blank: "3. We trust each other enough to work well together."),
            Mutation(form: "caltrans/meeting-log", file: "shared/meeting-log.xhtml",
                     remove: #"<span class="fill fill-s" md:text="m.hours | number">&#160;</span>"#,
                     blank: "Hours we met:", filled: "Hours we met:"),
            Mutation(form: "caltrans/meeting-log", file: "shared/meeting-log.xhtml",
                     remove: #"<span class="check" md:if="m.mode = video">&#x2611;</span><span class="check""#,
                     replacement: #"<span class="check""#, filled: "video"),
            Mutation(form: "caltrans/meeting-log", file: "shared/meeting-log.xhtml",
                     remove: #"<span class="check" md:if="m.mode = video">&#x2611;</span><span class="check"\#n          md:unless="m.mode = video">&#x2610;</span>"#,
                     blank: "video", filled: "video"),
            Mutation(form: "generic/roles", file: "shared/roles.xhtml",
                     remove: #"<td md:text="r.of_mentor">&#160;</td>"#,
                     blank: "Of the mentor", filled: "Of the mentor"),
        ]

        @Test("The checks name the field whose writing space, value or rows were removed", arguments: mutations)
        func removedFieldIsReported(_ mutation: Mutation) throws {
            let form = try #require(FormFieldTable.forms.first { $0.testDescription == mutation.form })
            let copy = FileManager.default.temporaryDirectory
                .appendingPathComponent("mentordocs-forms-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: Repo.templates, toPath: copy)
            defer { try? FileManager.default.removeItem(atPath: copy) }

            let path = copy + "/" + mutation.file
            let original = try String(contentsOfFile: path, encoding: .utf8)
            try #require(original.components(separatedBy: mutation.remove).count == 2,
                         "the snippet must occur exactly once in \(mutation.file)")
            try original.replacingOccurrences(of: mutation.remove, with: mutation.replacement)
                .write(toFile: path, atomically: true, encoding: .utf8)

            let renderer = try Renderer(library: TemplateLibrary(directory: copy))
            if let label = mutation.blank {
                let problems = FormCheck.blank(form.resolve(nil), in: try HandbookFieldTests.render(form, nil, renderer: renderer))
                #expect(problems.contains { $0.contains("\"\(label)\"") }, "blank check did not report \"\(label)\": \(problems)")
            }
            if let label = mutation.filled {
                let partnership = try HandbookFieldTests.example(form.program)
                let problems = FormCheck.filled(form.resolve(partnership),
                                                in: try HandbookFieldTests.render(form, partnership.data, renderer: renderer))
                #expect(problems.contains { $0.contains("\"\(label)\"") }, "filled check did not report \"\(label)\": \(problems)")
            }
            if let label = mutation.count {
                let problems = FormCheck.counts(form.counts, in: try HandbookFieldTests.render(form, nil, renderer: renderer))
                #expect(problems.contains { $0.contains("\"\(label)\"") }, "row counts did not report \"\(label)\": \(problems)")
            }
        }
    }
}
