// A template whose output would not be valid XHTML 1.0 Strict is refused with its line;
// nothing is written.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct InvalidOutputTests {
    func brokenLibrary() throws -> (String, String) {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: dir + "/Templates")
        let path = dir + "/Templates/shared/confidentiality.xhtml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<body>", with: "<body>\n<span>inline text may not stand in body</span>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("<body>") }! + 1
        return (dir, "\(path):\(line): error: output is not valid XHTML 1.0 Strict: Element body content does not follow the DTD")
    }

    @Test func invalidOutputIsAnErrorNamingTheTemplateLine() throws {
        let (dir, expected) = try brokenLibrary()
        let renderer = try Renderer(library: TemplateLibrary(directory: dir + "/Templates"))
        do {
            _ = try renderer.render(nil, program: .aset, document: .confidentiality, options: RenderOptions())
            Issue.record("invalid output was accepted")
        } catch {
            #expect(error.diagnostics.first?.headline.hasPrefix(expected) == true, "\(error)")
        }
    }

    @Test func nothingIsWrittenForAnInvalidDocument() throws {
        let (dir, expected) = try brokenLibrary()
        let r = try runCLI(["render", "Examples/aset.yaml", "--doc", "confidentiality,agreement", "--templates", dir + "/Templates", "--out", dir + "/out"])
        #expect(r.status == 1)
        #expect(r.stderr.contains(expected))
        let written = FileManager.default.enumerator(atPath: dir + "/out")?.compactMap { $0 as? String } ?? []
        #expect(written.contains { $0.hasSuffix("agreement.html") })
        #expect(!written.contains { $0.contains("confidentiality") })
    }

    /// Markup without directives is copied from the template's libxml2 prototype, not rebuilt;
    /// a problem deep inside it still names the line of the element at fault.
    @Test func invalidFixedMarkupNamesItsOwnLine() throws {
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: dir + "/Templates")
        let path = dir + "/Templates/shared/confidentiality.xhtml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "<body>", with: "<body>\n<div class=\"note\">\n<h2>Note</h2>\n<p>a paragraph\n<ul><li>holds no list</li></ul></p>\n</div>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("<p>a paragraph") }! + 1
        let expected = "\(path):\(line): error: output is not valid XHTML 1.0 Strict: Element ul is not declared in p list of possible children"
        let renderer = try Renderer(library: TemplateLibrary(directory: dir + "/Templates"))
        for _ in 0..<2 { // the second render copies from the prototype the first one made
            do {
                _ = try renderer.render(nil, program: .aset, document: .confidentiality, options: RenderOptions())
                Issue.record("invalid output was accepted")
            } catch {
                #expect(error.diagnostics.first?.headline.hasPrefix(expected) == true, "\(error)")
            }
        }
    }
}
