// `--doc`: the names a list gives, in any case, each once.
import Testing
@testable import MentorDocs

@Suite struct DocumentKindTests {
    @Test func aDocumentNamedTwiceIsListedOnceWhereItIsFirstNamed() throws {
        #expect(try DocumentKind.parseList("agreement,Check-In, agreement,check-in") == [.agreement, .checkIn])
        #expect(try DocumentKind.parseList("ALL") == DocumentKind.allCases)
        #expect(throws: UsageError.self) { try DocumentKind.parseList(" , ") }
    }
}
