// Templates that would make the parser read another file or a URL are refused when they load.
import Testing
@testable import MentorDocs

@Suite struct TemplateSafetyTests {
    static let head = #"<?xml version="1.0" encoding="UTF-8"?>"#
    static let strict = #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd""#
    static let html = #"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:md="urn:mentordocs:template"><head><title>t</title></head><body>"#

    @Test func externalEntityIsRefused() {
        let text = "\(Self.head)\n\(Self.strict) [\n<!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n\(Self.html)<p>&secret;</p></body></html>"
        let errors = compileErrors(text)
        #expect(errors.contains("t.xhtml:2:110: error: template declares an internal DTD subset (entities or other declarations); templates may not define entities"))
    }

    @Test func internalEntityIsRefused() {
        let text = "\(Self.head)\n\(Self.strict) [<!ENTITY who \"x\">]>\n\(Self.html)<p>&who;</p></body></html>"
        #expect(compileErrors(text).first?.contains("internal DTD subset") == true)
    }

    @Test func anotherDTDIsRefused() {
        let text = "\(Self.head)\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n\(Self.html)<p>x</p></body></html>"
        #expect(compileErrors(text) == ["t.xhtml:2:1: error: template names the DTD '-//W3C//DTD XHTML 1.0 Transitional//EN'; only -//W3C//DTD XHTML 1.0 Strict//EN is allowed"])
    }

    @Test func systemOnlyDTDIsRefused() {
        let text = "\(Self.head)\n<!DOCTYPE html SYSTEM \"http://example.org/evil.dtd\">\n\(Self.html)<p>x</p></body></html>"
        #expect(compileErrors(text) == ["t.xhtml:2:1: error: template names the DTD 'http://example.org/evil.dtd'; only -//W3C//DTD XHTML 1.0 Strict//EN is allowed"])
    }

    @Test func xincludeIsRefused() {
        let text = "\(Self.head)\n\(Self.strict)>\n\(Self.html)\n<div><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/></div></body></html>"
        #expect(compileErrors(text) == ["t.xhtml:4:6: error: XInclude is not allowed in templates; use md:include"])
    }

    @Test func namedEntityIsRefusedWithAdvice() {
        let text = "\(Self.head)\n\(Self.strict)>\n\(Self.html)\n<p>a&nbsp;b</p></body></html>"
        let errors = compileErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.xhtml:4:") == true)
    }

    @Test func linksInTextAreFine() throws {
        let text = "\(Self.head)\n\(Self.strict)>\n\(Self.html)\n<p><a href=\"https://example.org/guide\">guide</a></p></body></html>"
        #expect(compileErrors(text).isEmpty)
    }

    @Test func missingDoctypeIsRefused() {
        let text = "\(Self.head)\n\(Self.html)<p>x</p></body></html>"
        #expect(compileErrors(text).first?.contains("template has no DOCTYPE") == true)
    }
}

/// Markup that would run script, refused when the template loads (issue 11, item 6).
@Suite struct TemplateScriptTests {
    @Test(arguments: [
        (#"<div><script type="text/javascript">alert(1)</script></div>"#, "t.xhtml:6:6: error: element <script> is not allowed in templates: a form runs no code"),
        (#"<div><object data="x.swf" type="application/x-shockwave-flash"></object></div>"#, "t.xhtml:6:6: error: element <object> is not allowed in templates: a form runs no code"),
        (#"<p onclick="steal()">x</p>"#, "t.xhtml:6:4: error: attribute onclick is not allowed in templates: a form runs no code"),
        (#"<p><a href=" JavaScript:alert(1)">x</a></p>"#, "t.xhtml:6:7: error: attribute href holds a 'javascript:' URL; templates may not link to script or inline documents"),
        (#"<p><a href="java&#9;script:alert(1)">x</a></p>"#, "t.xhtml:6:7: error: attribute href holds a 'javascript:' URL; templates may not link to script or inline documents"),
        (#"<p><a href="data:text/html,&lt;script&gt;">x</a></p>"#, "t.xhtml:6:7: error: attribute href holds a 'data:' URL; templates may not link to script or inline documents"),
        (#"<p xml:base="javascript:x()">x</p>"#, "t.xhtml:6:4: error: attribute xml:base holds a 'javascript:' URL; templates may not link to script or inline documents"),
    ])
    func scriptMarkupIsRefused(body: String, expected: String) {
        #expect(compileErrors(page(body)) == [expected])
    }

    @Test func eventHandlerOnTheBodyIsRefused() {
        let text = page("<p>x</p>").replacingOccurrences(of: "<body>", with: "<body onload=\"go()\">")
        #expect(compileErrors(text) == ["t.xhtml:5:7: error: attribute onload is not allowed in templates: a form runs no code"])
    }

    @Test func anElementInsideAStyleIsRefused() {
        let text = page("<p>x</p>", head: #"<style type="text/css"><span md:text="mentor.name">x</span></style>"#)
        #expect(compileErrors(text) == ["t.xhtml:4:46: error: <style> holds only text; no element may be written inside it"])
    }

    @Test func ordinaryLinksAndMailtoStayAllowed() {
        #expect(compileErrors(page(##"<p><a href="mailto:office@example.org">write</a> <a href="#top">top</a></p>"##)).isEmpty)
    }
}
