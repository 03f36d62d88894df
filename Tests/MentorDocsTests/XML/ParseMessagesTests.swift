// A template that is not well-formed XML is reported at its place in words that say what to
// write, not in libxml2's (`xmlParseEntityRef: no name`).
import Testing
@testable import MentorDocs

@Suite struct ParseMessagesTests {
    @Test(arguments: [
        ("<p>Fish & chips</p>", "6:9: error: malformed template: a bare '&': write &amp; for an ampersand"),
        ("<p>Fish &chips</p>", "6:9: error: malformed template: a reference that starts with '&' must end with ';' (write &amp; for an ampersand)"),
        ("<p>a&nbsp;b</p>", "6:5: error: malformed template: &nbsp; is not defined in a template: write the character itself or its number (&#160; for a non-breaking space); only &amp; &lt; &gt; &quot; &apos; have names"),
        ("<p>1 < 2</p>", "6:6: error: malformed template: a '<' that starts no element: write &lt; for a less-than sign"),
        (#"<p title="a<b">x</p>"#, "6:12: error: malformed template: a '<' inside an attribute value: write &lt;"),
        ("<p><b>x</p></b>", "6:8: error: malformed template: </p> closes <b>, opened at line 6: close each element before the one that holds it"),
        ("<p class=x>x</p>", "6:10: error: malformed template: an attribute's value must be in quotes: name=\"value\""),
        ("<p hidden>x</p>", "6:10: error: malformed template: attribute hidden needs a value in quotes (hidden=\"...\")"),
        (#"<p class="a" class="b">x</p>"#, "6:23: error: malformed template: attribute class is given twice on one element"),
    ])
    func aMistakeIsSaidInTheAuthorsTerms(body: String, expected: String) {
        let errors = compileErrors(page(body))
        #expect(errors.first == "t.xhtml:" + expected, "\(errors)")
    }

    @Test func theEndOfTheFileAndTextAfterTheRootAreSaidToo() {
        let unclosed = page("<p>x</p>").replacingOccurrences(of: "</html>", with: "")
        #expect(compileErrors(unclosed).first?.contains("malformed template: the file ends inside <html>, opened at line 3: close it") == true,
                "\(compileErrors(unclosed))")
        let after = page("<p>x</p>") + "\n<p>after</p>\n"
        #expect(compileErrors(after).first?.contains("malformed template: text or an element after the root element has closed") == true,
                "\(compileErrors(after))")
    }

    @Test func aYesOrNoAttributeIsGivenItsOwnNameAndAnyOtherAValue() {
        #expect(compileErrors(page(#"<form action="x"><p><input type="checkbox" checked /></p></form>"#)).first?
            .contains("attribute checked needs a value in quotes (checked=\"checked\")") == true)
        #expect(compileErrors(page("<ol class><li>x</li></ol>")).first?.contains("attribute class needs a value in quotes (class=\"...\")") == true)
    }

    @Test func aMessageTheTableDoesNotKnowIsKept() {
        let said = ParseMessages.read("Char 0x0 out of allowed range\n")
        #expect(said.text == "Char 0x0 out of allowed range")
        #expect(said.anchor == nil)
    }
}
