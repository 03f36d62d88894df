// A signer's act (initials, a signature, the date beside a signature) is never filled in by the
// program. Every program x document is rendered filled from every example, with names whose
// initials are easy to spot and given initials in the data, and checked: no initials anywhere,
// and no date inside a signature block unless `signed` / `closing.signed` gives it.
import Foundation
import Testing
@testable import MentorDocs

extension Forms {
    @Suite("Signing acts are never pre-filled")
    struct SigningActsTests {
        static let mentorName = "Quill Xavier-Yorke", mentorInitials = ["QXY", "QX"]
        static let menteeName = "Zephyr Jomo", menteeInitials = ["ZJ", "ZJX"]
        /// The signature dates of the control rendering, as the forms print them.
        static let signedDates = ["March 7, 2031", "March 8, 2031", "March 9, 2031"]

        /// An example's data with the test names, given initials, and `signed` / `closing.signed`
        /// removed (or, with `signed`, set to the control dates).
        static func data(_ program: Program, signed: Bool) throws -> Value {
            var fields = try HandbookFieldTests.example(program).data.fields
            for (role, name, given) in [("mentor", mentorName, "QXY"), ("mentee", menteeName, "ZJX")] {
                var person = fields[role]?.fields ?? [:]
                person["name"] = .text(name)
                person["initials"] = .text(given)
                fields[role] = .record(person)
            }
            var closing = fields["closing"]?.fields ?? [:]
            if signed {
                let days = ["2031-03-07", "2031-03-08", "2031-03-09"].map { Value.date(CalendarDate(iso: $0)!) }
                fields["signed"] = .record(["mentor": days[0], "mentee": days[1], "supervisor": days[2]])
                closing["signed"] = .record(["mentor": days[0], "mentee": days[1]])
            } else {
                fields["signed"] = nil
                closing["signed"] = nil
            }
            fields["closing"] = .record(closing)
            return .record(fields)
        }

        struct Case: Sendable, CustomTestStringConvertible {
            var example: Program
            var program: Program
            var document: DocumentKind
            var testDescription: String { "\(program.rawValue)/\(document.rawValue) from \(example.rawValue).yaml" }
        }

        static let cases: [Case] = Program.allCases.flatMap { example in
            Program.allCases.flatMap { program in DocumentKind.allCases.map { Case(example: example, program: program, document: $0) } }
        }

        static func render(_ c: Case, signed: Bool) throws -> RenderedForm {
            let renderer = try HandbookFieldTests.renderer.get()
            return RenderedForm(bytes: try renderer.render(try data(c.example, signed: signed), program: c.program,
                                                           document: c.document, options: RenderOptions(format: .html)))
        }

        /// The words of a text: runs of letters.
        static func words(_ text: String) -> Set<String> {
            Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
        }

        /// Whether a text holds a date as the forms print it (`March 7, 2031`) or `2031-03-07`.
        static func holdsDate(_ text: String) -> Bool {
            text.firstMatch(of: /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}/) != nil
        }

        @Test("No initials, and no date in a signature block without signed.*", arguments: cases)
        func nothingStandsInForTheSigner(_ c: Case) throws {
            let doc = try Self.render(c, signed: false)
            let found = Self.words(doc.body.text).intersection(Self.mentorInitials + Self.menteeInitials)
            #expect(found.isEmpty, "initials printed: \(found.sorted())")
            for sig in doc.body.descendants where sig.hasClass("sig") {
                let text = sig.text
                #expect(!Self.holdsDate(text), "a date in a signature block: \"\(text.prefix(160))\"")
            }
        }

        @Test("Control: signed.* dates print in the signature blocks, and only there", arguments: cases)
        func signedDatesPrintBesideTheSignatures(_ c: Case) throws {
            let doc = try Self.render(c, signed: true)
            let sigs = doc.body.descendants.filter { $0.hasClass("sig") }
            let inSigs = sigs.map(\.text).joined(separator: " | ")
            let dated = sigs.filter { sig in sig.descendants.contains { $0.name == "th" && $0.text == "Date" } || sig.text.contains("Date:") }
            if !dated.isEmpty {
                #expect(inSigs.contains(Self.signedDates[0]) && inSigs.contains(Self.signedDates[1]),
                        "the signature dates are not beside the signatures: \"\(inSigs.prefix(200))\"")
            }
            var outside = doc.body.text
            for sig in sigs { outside = outside.replacingOccurrences(of: sig.text, with: "") }
            for date in Self.signedDates { #expect(!outside.contains(date), "signature date \(date) printed outside a signature block") }
            #expect(Self.words(doc.body.text).isDisjoint(with: Self.mentorInitials + Self.menteeInitials))
        }
    }
}
