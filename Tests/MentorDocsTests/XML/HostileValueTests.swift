// Participant values are text, whatever they contain: never markup, always valid output.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MentorDocs

@Suite struct HostileValueTests {
    static let hostile = [
        "<script>alert('x')</script>",
        "\"quoted\" & 'single' <b>bold</b>",
        "]]> <![CDATA[ x ]]>",
        "&amp; &lt; &#60; &nbsp; &unknown;",
        "</span></p></body></html><p>escape",
        "Ωμέγα Дана 李明 محمد שלום हिन्दी",
        "emoji 👩🏽‍💼🤝👨‍🔬 and a ZWJ",
        "<!-- comment --> <?pi x?>",
    ]

    @Test(arguments: hostile, RenderOptions.Format.allCases)
    func valueArrivesAsTextInValidOutput(text: String, format: RenderOptions.Format) throws {
        let t = try compile(page(#"<p md:text="mentor.name" md:attr="title mentee.name">x</p>"#))
        let data = record(["mentor": record(["name": .text(text)]), "mentee": record(["name": .text(text)])])
        let out = try renderBytes(t, data, format: format)
        if format == .xhtml {
            // Parse the output back: the paragraph holds exactly the value, as one text node.
            let parsed = try XMLDocument(data: Data(out.utf8), options: [])
            let p = try #require(try parsed.nodes(forXPath: "//*[local-name()='p']").first as? XMLElement)
            #expect(p.stringValue == text)
            #expect(p.childCount == 1)
            #expect(p.attributes?.first { $0.localName == "title" }?.stringValue == text)
        } else {
            // The paragraph's content has no tag of its own; unescaped, it is the value.
            let start = try #require(out.range(of: "<p title="))
            let open = try #require(out[start.upperBound...].range(of: ">"))
            let close = try #require(out[open.upperBound...].range(of: "</p>"))
            let content = String(out[open.upperBound..<close.lowerBound])
            #expect(!content.contains("<"))
            #expect(htmlUnescape(content) == text)
        }
    }

    func htmlUnescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func cssStringsCannotEscapeTheirStyleElement() {
        let css = ComputedValues.cssString("a\"b\\c</style><script>\nx")
        #expect(css == #""a\22 b\5C c\3C /style\3E \3C script\3E \A x""#)
    }
}
