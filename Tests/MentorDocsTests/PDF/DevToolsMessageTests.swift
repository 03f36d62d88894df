// The two DevTools messages mentordocs writes and reads by hand, without JSONSerialization: a
// document's HTML escaped into its call, and a PDF's base64 cut out of its answer.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct DevToolsMessageTests {
    @Test func htmlIsEscapedIntoAJSONStringThatParsesBackToIt() throws {
        let html = "<p title=\"a\\b\">Zoë & Chloé\n\t\r\u{1}\u{1F}</p> \u{2028} ✓ end"
        var out = Array("{\"html\":".utf8)
        DevToolsSession.jsonString(Array(html.utf8), into: &out)
        out.append(UInt8(ascii: "}"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any])
        #expect(parsed["html"] as? String == html)
    }

    @Test func aPDFAnswerIsCutOutAndAnythingElseIsLeftToTheParser() throws {
        let base64 = String(repeating: "JVBERi0xLjQK", count: 500) + "=="
        let answer = Data("{\"id\":4711,\"result\":{\"data\":\"\(base64)\"},\"sessionId\":\"AB12\"}".utf8)
        let (id, range) = try #require(DevToolsSession.pdfAnswer(answer))
        #expect(id == 4711)
        #expect(String(decoding: answer.subdata(in: range), as: UTF8.self) == base64)
        // Other answers and events: not taken.
        for other in ["{\"id\":3,\"result\":{}}", "{\"method\":\"Page.loadEventFired\",\"params\":{\"data\":\"x\"}}",
                      "{\"id\":5,\"result\":{\"data\":\"ab\\\\ncd\"}}", "{\"id\":,\"result\":{\"data\":\"x\"}}",
                      "{\"id\":6,\"result\":{\"data\":\"never ends"] {
            #expect(DevToolsSession.pdfAnswer(Data(other.utf8)) == nil, "\(other)")
        }
    }
}
