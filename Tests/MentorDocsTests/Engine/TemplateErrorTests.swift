// Template mistakes are located errors when the template loads, never surprises at render time.
import Testing
@testable import MentorDocs

@Suite struct TemplateErrorTests {
    @Test func malformedXMLNamesFileLineAndColumn() {
        let errors = compileErrors(page("<p>unclosed\n</div>"), file: "bad.xhtml")
        #expect(errors.first == "bad.xhtml:7:1: error: malformed template: </div> closes <p>, opened at line 6: close each element before the one that holds it")
    }

    @Test func unknownDirectiveSuggestsTheNearest() {
        let errors = compileErrors(page(#"<p md:txt="mentor.name">x</p>"#))
        #expect(errors == ["t.xhtml:6:4: error: unknown directive md:txt (did you mean 'md:text'?)"])
    }

    @Test func unknownKeySuggestsTheNearest() {
        let errors = compileErrors(page(#"<p>Name: <span md:text="mentor.nmae">x</span></p>"#))
        #expect(errors == ["t.xhtml:6:16: error: 'mentor' has no key 'nmae' (did you mean 'name'?)"])
    }

    @Test func unknownTopLevelKey() {
        let errors = compileErrors(page(#"<p md:text="mentr.name">x</p>"#))
        #expect(errors == ["t.xhtml:6:4: error: the participant format has no key 'mentr' (did you mean 'mentor'?)"])
    }

    @Test func unknownFormatter() {
        let errors = compileErrors(page(#"<p md:text="term.start | dat">x</p>"#))
        #expect(errors == ["t.xhtml:6:4: error: unknown formatter 'dat' (did you mean 'date'?)"])
    }

    @Test func repeatNeedsAList() {
        let errors = compileErrors(page(#"<p md:repeat="x in mentor.name">x</p>"#))
        #expect(errors == ["t.xhtml:6:4: error: md:repeat needs a list, and 'mentor.name' is not one"])
    }

    @Test func everyMistakeIsReportedNotJustTheFirst() {
        let errors = compileErrors(page("<p md:text=\"a.b\">x</p>\n<p md:zap=\"1\">y</p>"))
        #expect(errors.count == 2)
    }

    @Test func missingIncludeBlockIsLocatedAtTheInclude() {
        let errors = compileErrors(page(#"<div md:include="blocks#sgi"></div>"#), includes: ["blocks": page(#"<div md:block="sig">s</div>"#)])
        #expect(errors == ["t.xhtml:6:6: error: no md:block 'sgi' in blocks (did you mean 'sig'?)"])
    }
}
