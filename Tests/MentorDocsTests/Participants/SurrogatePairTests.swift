// JSON's escaped surrogate pairs (how json.dump and most JSON writers write a character beyond
// U+FFFF), which libyaml alone refuses.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct SurrogatePairTests {
    @Test func aJSONFilesEscapedPairsAreTheCharactersTheyName() throws {
        let json = #"{"program": "aset", "mentor": {"name": "\ud83d\ude00 Dana \uD83A\uDD00"}, "mentee": {"name": "Kate \u00e9\\ud83d"}}"#
        let p = try Loader.partnership(Loader.load(json))
        #expect(p.mentorName == "\u{1F600} Dana \u{1E900}")
        // Other escapes, an escaped backslash before a 'u' among them, are read as before.
        #expect(p.menteeName == "Kate é\\ud83d")
    }

    @Test func aLaterProblemOnTheSameLineIsReportedAtItsColumnInTheFile() {
        let json = #"{"mentor": {"name": "\ud83d\ude00\ud83d\ude00"}, "term": {"start": "2026-13-01"}}"#
        let column = json.distance(from: json.startIndex, to: json.range(of: "\"2026-13-01\"")!.lowerBound) + 1
        #expect(Loader.headlines(Loader.load(json)) == [
            "pair.yaml:1:\(column): error: term.start: expected a date written YYYY-MM-DD, found '2026-13-01'",
        ])
    }

    @Test func aLonePairHalfAndYAMLAreAsBefore() {
        // Half a pair names no character; in a YAML file (not JSON) an escape is a code point, and a
        // surrogate is none.
        #expect(Loader.headlines(Loader.load(#"{"mentor": {"name": "\ud83d x"}}"#)).first?.contains("invalid Unicode character escape code") == true)
        #expect(Loader.headlines(Loader.load("mentor:\n  name: \"\\ud83d\\ude00\"\n")).first?.contains("invalid Unicode character escape code") == true)
        #expect(SurrogatePairs.rewrite("mentor:\n  name: \"\\ud83d\\ude00\"\n") == nil)
    }
}
