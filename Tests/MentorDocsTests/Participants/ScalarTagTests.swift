// The regex-free tag resolution agrees with Yams' default resolver wherever it answers.
import Testing
import Yams
@testable import MentorDocs

@Suite struct ScalarTagTests {
    @Test(arguments: ["", "~", "null", "Null", "NULL", "yes", "No", "TRUE", "off", "On", "y", "n", "Yoga", "Team",
                      "nothing", "Oslo", "12", "0", "012", "1.5", "1.", "10.25", "2026-01-15", "2026-1-15",
                      "1_000", "1:20", "0x1F", "1e3", "Dana", "Ωμέγα", "李明", "<<", "=", "-1", "+2", ".5", ".inf"])
    func agreesWithYamsDefaultResolver(text: String) {
        let expected = Resolver.default.resolveTag(of: Node.scalar(.init(text, Tag(.implicit), .plain)))
        if let quick = Node.quickTag(text) { #expect(quick == expected, "\(text)") }
        let parsedWithBasic = Node.scalar(.init(text, Tag(.implicit, .basic, .default), .plain))
        #expect(parsedWithBasic.resolvedTagName == expected, "\(text)")
        #expect(parsedWithBasic.isNull == (expected == .null), "\(text)")
    }
}
