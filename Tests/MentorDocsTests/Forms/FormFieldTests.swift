// For every program's own form, the fields of its handbook form (FormFieldTable) are checked on
// the rendered HTML: filled from the program's example, each label is there with the example's
// value after it; blank, each label is there with its writing space; and the blank form has the
// rows and lines the handbook fixes.
import Foundation
import Testing
@testable import MentorDocs

/// The suites of Tests/MentorDocsTests/Forms (`swift test --filter Forms`).
@Suite enum Forms {}

extension Forms {
    @Suite("Form fields of the handbook forms")
    struct HandbookFieldTests {
        /// One renderer over Templates/ for every test of the suite (it caches compiled templates).
        static let renderer = Result { try Renderer(library: TemplateLibrary(directory: Repo.templates)) }

        /// The program's example file (Examples/<program>.yaml), loaded.
        static func example(_ program: Program) throws -> Partnership {
            let outcomes = ParticipantLoader().load(contentsOf: Repo.examples + "/\(program.rawValue).yaml")
            return try #require(try outcomes.first?.get())
        }

        /// The form rendered as HTML5 from `data` (nil: the blank form) and read back.
        static func render(_ form: Form, _ data: Value?, renderer: Renderer? = nil) throws -> RenderedForm {
            let renderer = try renderer ?? Self.renderer.get()
            return RenderedForm(bytes: try renderer.render(data, program: form.program, document: form.document,
                                                           options: RenderOptions(format: .html)))
        }

        @Test("The table has one entry per program's own form")
        func tableCoversEveryOwnForm() {
            let listed = FormFieldTable.forms.map(\.testDescription)
            let own = Program.allCases.flatMap { p in p.documents.map { "\(p.rawValue)/\($0.rawValue)" } }
            #expect(listed.sorted() == own.sorted())
            #expect(Set(listed).count == listed.count)
        }

        @Test("Filled: every label is present and the example's values follow it", arguments: FormFieldTable.forms)
        func filled(_ form: Form) throws {
            let partnership = try Self.example(form.program)
            let doc = try Self.render(form, partnership.data)
            let fields = form.resolve(partnership)
            #expect(fields.contains { !$0.values.isEmpty }, "the example fills no field of \(form.testDescription)")
            for problem in FormCheck.filled(fields, in: doc) {
                Issue.record("\(form.testDescription) (\(form.handbook)): \(problem)")
            }
        }

        @Test("Blank: every label is present and every fillable field has a writing space after it", arguments: FormFieldTable.forms)
        func blank(_ form: Form) throws {
            let doc = try Self.render(form, nil)
            for problem in FormCheck.blank(form.resolve(nil), in: doc) {
                Issue.record("\(form.testDescription) (\(form.handbook)): \(problem)")
            }
        }

        @Test("Blank: the rows, lines and sheets the handbook fixes", arguments: FormFieldTable.forms.filter { !$0.counts.isEmpty })
        func rowCounts(_ form: Form) throws {
            let doc = try Self.render(form, nil)
            for problem in FormCheck.counts(form.counts, in: doc) {
                Issue.record("\(form.testDescription) (\(form.handbook)): \(problem)")
            }
        }
    }
}
