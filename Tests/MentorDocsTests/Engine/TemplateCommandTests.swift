// The built binary on a templates folder with hostile forms (issue 11, items 6, 7, 9): `check
// --templates` reports each with its location and exits 1, promptly; `render` writes no such form.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct TemplateCommandTests {
    /// A copy of the bundled templates where three shared forms each carry one hostile construct.
    static func hostileFolder() throws -> (TemplateTestFolder, String) {
        let root = try TemplateTestFolder()
        let templates = root.path + "/Templates"
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: templates)
        try root.write("outside.xhtml", page(#"<div md:block="b">read from outside</div>"#))
        func edit(_ form: String, _ old: String, _ new: String) throws {
            let path = "\(templates)/shared/\(form).xhtml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try edit("roles", #"md:text="print.page_css""#, #"md:text="mentor.name""#)
        try edit("code-of-practice", "<body>", "<body>\n  <div md:include=\"../../outside#b\"></div>")
        try edit("achievements", "<body>", #"""
        <body>
          <div md:repeat="m in meetings" md:blank="200"><div md:repeat="a in m.actions" md:blank="200"><p md:repeat="t in m.topics" md:blank="200">x</p></div></div>
        """#)
        return (root, templates)
    }

    @Test func checkTemplatesLocatesEachHostileFormAndExitsOne() throws {
        let (root, templates) = try Self.hostileFolder()
        let r = try runCLI(["check", "--templates", templates])
        #expect(r.status == 1)
        let output = r.stdout + r.stderr
        #expect(output.contains("\(templates)/shared/roles.xhtml:14:26: error: md:text cannot fill <style>"), "\(output)")
        #expect(output.contains("\(templates)/shared/code-of-practice.xhtml:16:8: error: md:include takes 'file#block'"), "\(output)")
        #expect(output.contains("\(templates)/shared/achievements.xhtml:17:34: error: md:blank=\"200\" here makes the blank form hold more than 500000"), "\(output)")
        #expect(!output.contains("read from outside"))
        _ = root
    }

    @Test func renderWritesNoHostileFormAndTheOthersStill() throws {
        let (root, templates) = try Self.hostileFolder()
        // The generic program's roles sheet is hostile: refused, located, not written.
        let generic = try runCLI(["render", "Examples/generic.yaml", "--templates", templates, "--out", root.path + "/g"])
        #expect(generic.status == 1)
        #expect(generic.stderr.contains("/shared/roles.xhtml:14:26: error: md:text cannot fill <style>"), "\(generic.stderr)")
        #expect(Self.files(root.path + "/g").isEmpty)
        // ASET's forms use none of them and still render.
        let aset = try runCLI(["render", "Examples/aset.yaml", "--templates", templates, "--out", root.path + "/a"])
        #expect(aset.status == 0, "\(aset.stderr)")
        #expect(Self.files(root.path + "/a").contains { $0.hasSuffix("agreement.html") })
    }

    static func files(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }
    }
}
