// A participant value never becomes script, style or a URL scheme through a directive (issue 11,
// item 6): what would let it is refused when the template loads; a fixed URL start is kept.
import Testing
@testable import MentorDocs

@Suite struct ValueSafetyTests {
    static let hostile = "</style><script>alert(1)</script>"

    @Test func textIntoAStyleIsRefused() {
        let text = page("<p>x</p>", head: #"<style type="text/css" md:text="mentor.name">p {}</style>"#)
        let errors = compileErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.xhtml:4:46: error: md:text cannot fill <style>") == true)
    }

    @Test func textIntoAnIncludedStyleIsRefused() {
        let blocks = page("<p>x</p>", head: #"<style type="text/css" md:block="look">p {}</style>"#)
        let text = page("<p>x</p>", head: #"<style type="text/css" md:include="blocks#look" md:text="mentee.name"></style>"#)
        #expect(compileErrors(text, includes: ["blocks": blocks]).first?.contains("md:text cannot fill <style>") == true)
    }

    @Test func theProgramsPageCSSStaysAllowedAndEscapesTheValue() throws {
        let t = try compile(page("<p>x</p>", head: #"<style type="text/css" md:text="print.page_css">@page {}</style>"#))
        let values = ComputedValues.make(data: record(["mentor": record(["name": .text(Self.hostile)]),
                                                       "mentee": record(["name": .text("M")])]),
                                         program: .aset, title: "T", options: RenderOptions())
        let html = try renderBytes(t, values, format: .html)
        #expect(!html.contains("<script"))
        #expect(html.contains("@page"))
    }

    @Test func textIntoATitleIsEscaped() throws {
        let text = page("<p>x</p>").replacingOccurrences(of: "<title>t</title>", with: #"<title md:text="mentor.name">t</title>"#)
        let t = try compile(text)
        let data = record(["mentor": record(["name": .text("</title><script>alert(1)</script>")])])
        for format in [RenderOptions.Format.html, .xhtml] {
            let out = try renderBytes(t, data, format: format)
            #expect(!out.contains("<script"))
            #expect(out.contains("&lt;/title&gt;&lt;script&gt;"))
        }
    }

    @Test(arguments: [
        ("onclick mentor.name", "md:attr cannot set onclick: event handlers run script"),
        ("OnMouseOver mentor.name", "md:attr cannot set OnMouseOver: event handlers run script"),
        ("style mentor.name", "md:attr cannot set style: CSS from a value could load URLs or hide the form"),
        ("xmlns mentor.name", "md:attr cannot set xmlns: namespaces are the program's"),
        ("md:text mentor.name", "md:attr cannot set 'md:text': not an attribute name (letters, digits, '-', '_' or xml:name)"),
        ("href mentor.email", #"md:attr cannot set the URL attribute href from a value alone (it could be a javascript: URL); fix the scheme in the template: md:attr="href 'mailto:' + path""#),
        ("xml:base mentor.email", #"md:attr cannot set the URL attribute xml:base from a value alone (it could be a javascript: URL); fix the scheme in the template: md:attr="xml:base 'mailto:' + path""#),
        ("cite mentor.email", #"md:attr cannot set the URL attribute cite from a value alone (it could be a javascript: URL); fix the scheme in the template: md:attr="cite 'mailto:' + path""#),
        ("href 'javascript:' + mentor.email", "md:attr's fixed URL start must begin with one of http:, https:, mailto:, tel:, got 'javascript:'"),
        ("href '//evil.example/' + mentor.email", "md:attr's fixed URL start must begin with one of http:, https:, mailto:, tel:, got '//evil.example/'"),
        ("href 'mailto: + mentor.email", "md:attr's fixed URL start has no closing quote: write 'mailto:' + path"),
        ("title 'mailto:' + mentor.email", "md:attr's fixed URL start 'mailto:' is for URL attributes (href, src...), not title"),
    ])
    func attributesAValueMayNotSetAreRefused(assignment: String, message: String) {
        let errors = compileErrors(page(#"<p><a title="x" md:attr="\#(assignment)">x</a></p>"#))
        #expect(errors == ["t.xhtml:6:17: error: \(message)"])
    }

    @Test func aFixedURLStartKeepsItsSchemeAndTheValueIsPercentEncoded() throws {
        let t = try compile(page(##"<p><a href="#" md:attr="href 'mailto:' + mentor.email">m</a> <a href="#" md:attr="href 'https://example.org/people/' + mentee.email">p</a></p>"##))
        let data = record(["mentor": record(["email": .text("dana@example.org?bcc=all&body=<b>")]),
                           "mentee": record(["email": .text("javascript:alert(1)")])])
        for format in [RenderOptions.Format.xhtml, .html] {
            let out = body(try renderBytes(t, data, format: format))
            #expect(out == #"<p><a href="mailto:dana@example.org%3Fbcc%3Dall%26body%3D%3Cb%3E">m</a> <a href="https://example.org/people/javascript%3Aalert%281%29">p</a></p>"#)
        }
        // Absent, the attribute stays as written.
        #expect(body(try renderBytes(t, record([:]))) == ##"<p><a href="#">m</a> <a href="#">p</a></p>"##)
    }

    @Test func percentEncodingKeepsOnlyTheUnreservedCharacters() {
        #expect(TemplateSafety.percentEncoded("+1 (555) 0100") == "+1%20%28555%29%200100")
        #expect(TemplateSafety.percentEncoded("é/#?") == "%C3%A9%2F%23%3F")
    }

    @Test func plainAttributesStillTakeValues() throws {
        let t = try compile(page(#"<p title="x" md:attr="title mentor.name; class mentee.name; xml:lang program.key">x</p>"#))
        let out = body(try renderBytes(t, record(["mentor": record(["name": .text("\"><script>")]),
                                                   "mentee": record(["name": .text("fill")]),
                                                   "program": record(["key": .text("en")])])))
        #expect(out == #"<p title="&quot;&gt;&lt;script&gt;" class="fill" xml:lang="en" lang="en">x</p>"#)
    }
}
