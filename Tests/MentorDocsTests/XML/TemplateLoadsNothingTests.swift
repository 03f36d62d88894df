// A template loads nothing from outside itself: no style sheet, image or frame from elsewhere, no
// CSS that fetches, and no template file that a symbolic link brings in from outside its folder.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct TemplateLoadsNothingTests {
    @Test(arguments: [
        #"<link rel="stylesheet" type="text/css" href="http://example.org/look.css" />"#,
        #"<link rel="stylesheet" type="text/css" href="look.css" />"#,
        #"<base href="http://example.org/" />"#,
    ])
    func loadingElementsInTheHeadAreRefused(element: String) {
        let errors = compileErrors(page("<p>x</p>", head: "\n" + element))
        let name = element.dropFirst().prefix { $0 != " " }
        #expect(errors.contains { $0.hasPrefix("t.xhtml:5:1: error: element <\(name)> is not allowed in templates: a form is one file and loads nothing") }, "\(errors)")
    }

    @Test func anImageIsRefusedWhereverItPoints() {
        for src in ["http://example.org/logo.png", "/etc/logo.png", "logo.png"] {
            let errors = compileErrors(page(#"<p><img src="\#(src)" alt="logo" /></p>"#))
            #expect(errors.contains { $0.contains("error: element <img> is not allowed in templates") }, "\(src): \(errors)")
        }
    }

    @Test(arguments: ["@import url(http://example.org/x.css);", "p { background: URL(x.png) }",
                      "p { background: image-set('x.png' 1x) }", #"p { b\61 ckground: u\72 l(x) }"#])
    func cssThatFetchesIsRefused(css: String) {
        let errors = compileErrors(page("<p>x</p>", head: "\n<style type=\"text/css\">\(css)</style>"))
        #expect(errors.contains { $0.contains("error: the style sheet uses '") && $0.contains("a template's CSS loads nothing") }, "\(errors)")
    }

    @Test func aStyleAttributeThatFetchesIsRefusedAndPlainCSSIsNot() {
        let errors = compileErrors(page(#"<p style="background: url(http://example.org/t.png)">x</p>"#))
        #expect(errors.contains { $0.contains("error: attribute style uses 'url('") }, "\(errors)")
        #expect(compileErrors(page(#"<p style="margin: 0">x</p>"#, head: "\n<style type=\"text/css\">p { color: black }</style>")).isEmpty)
    }

    @Test func aTemplateLinkedInFromOutsideItsFolderIsNotRead() throws {
        let outside = try temporaryFolder(), templates = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: templates + "/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: templates + "/aset", withIntermediateDirectories: true)
        let secret = outside + "/secret.xhtml"
        try page("<p>a form kept elsewhere</p>").write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: templates + "/aset/agreement.xhtml", withDestinationPath: secret)
        let library = TemplateLibrary(directory: templates, fallback: Repo.templates)
        #expect(throws: DiagnosticList.self) { _ = try library.template(program: .aset, document: .agreement) }
        do { _ = try library.template(program: .aset, document: .agreement) } catch {
            #expect(error.description.contains("\(templates)/aset/agreement.xhtml: error: cannot read template: is a symbolic link to a file outside the templates folder"), "\(error)")
        }
        // A link that stays inside the folder is followed.
        try FileManager.default.removeItem(atPath: templates + "/aset/agreement.xhtml")
        try FileManager.default.copyItem(atPath: Repo.templates + "/shared/agreement.xhtml", toPath: templates + "/shared/agreement.xhtml")
        try FileManager.default.createSymbolicLink(atPath: templates + "/aset/agreement.xhtml", withDestinationPath: templates + "/shared/agreement.xhtml")
        _ = try TemplateLibrary(directory: templates, fallback: Repo.templates).template(program: .aset, document: .agreement)
    }

    @Test func aNamedPipeAmongTheTemplatesIsRefusedNotWaitedOn() throws {
        let templates = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: templates + "/aset", withIntermediateDirectories: true)
        #expect(mkfifo(templates + "/aset/agreement.xhtml", 0o644) == 0)
        let library = TemplateLibrary(directory: templates, fallback: Repo.templates)
        do {
            _ = try library.template(program: .aset, document: .agreement)
            Issue.record("a FIFO was read as a template")
        } catch {
            #expect(error.description.contains("\(templates)/aset/agreement.xhtml: error: cannot read template: it is a named pipe"), "\(error)")
        }
    }
}
