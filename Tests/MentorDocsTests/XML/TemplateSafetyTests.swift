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
