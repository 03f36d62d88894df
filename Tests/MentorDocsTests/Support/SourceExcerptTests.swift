// Excerpts of long lines (issue 11: errors were quadratic on a one-line file): a window around
// the column, found without copying the line, with the caret under the right character.
import Foundation
import Testing
@testable import MentorDocs

struct SourceExcerptTests {
    @Test func aShortLineIsShownWholeWithItsColumn() throws {
        let source = SourceText("a: 1\nname: Zo\u{EB}\n")
        let excerpt = try #require(source.excerpt(2, column: 7))
        #expect(excerpt.text == "name: Zo\u{EB}" && excerpt.column == 7)
    }

    @Test func aLongLineIsCutToAWindowWithTheCaretUnderTheColumn() throws {
        // 200,000 characters, some of them two-byte, on one line; the column far in.
        var line = ""
        for i in 0..<20_000 { line += i % 7 == 0 ? "\u{E9}bcdefghi " : "abcdefghi " }
        let source = SourceText("x\n" + line + "\n")
        let scalars = Array(line.unicodeScalars)
        for column in [1, 50, 81, 82, 1000, 123_457, 199_990, 200_000, 200_001] {
            let excerpt = try #require(source.excerpt(2, column: column))
            let shown = Array(excerpt.text.unicodeScalars)
            #expect(shown.count <= SourceExcerpt.width + 2, "column \(column): \(shown.count) characters")
            if column <= scalars.count {
                #expect(shown[excerpt.column - 1] == scalars[column - 1], "column \(column)")
            }
            #expect(excerpt.text.hasPrefix("…") == (column > 81))
        }
    }

    @Test func theCaretOfACutLineStandsUnderItsCharacter() {
        let line = String(repeating: "x", count: 500) + "BAD" + String(repeating: "y", count: 500)
        let d = Diagnostic(at: SourceLocation(file: "f.json", line: 1, column: 501), "bad", sourceLine: line)
        let lines = d.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let caret = lines[2].count - 1
        #expect(Array(lines[1])[caret] == "B")
        #expect(lines[1].count <= SourceExcerpt.width + 6)
    }

    @Test func tenThousandErrorsOnOneLineEachQuoteABoundedWindow() throws {
        // One line of JSON, 10,000 bad dates: each diagnostic quotes a window, never the line.
        let meetings = (0..<10_000).map { "{\"date\": \"2026-13-\(String(format: "%02d", $0 % 28 + 1))\"}" }.joined(separator: ", ")
        let json = "{\"program\": \"aset\", \"id\": \"a\", \"meetings\": [\(meetings)]}"
        // Every one listed (a hundred are, by default), to quote them all.
        let outcomes = ParticipantLoader(limits: .init(maxListedProblems: 20_000)).load(data: Data(json.utf8), file: "long.json")
        guard case .failure(let problems) = outcomes.first else { Issue.record("no errors"); return }
        let dates = problems.diagnostics.filter { $0.path?.hasSuffix(".date") == true }
        #expect(dates.count == 10_000)
        for d in dates {
            let text = try #require(d.sourceLine)
            #expect(text.unicodeScalars.count <= SourceExcerpt.width + 2)
            let column = d.sourceColumn ?? d.location.column
            #expect(Array(text.unicodeScalars)[column - 1] == "\"", "\(d.location)")
        }
        // The whole report grows with the count of errors, not with count x line length.
        #expect(problems.description.utf8.count < 10_000 * 400)
    }
}
