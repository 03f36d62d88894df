// The HTML5 writer against libxml2's own HTML writer, which it replaces: the same bytes for every
// form (filled and blank) and for trees built to reach each of libxml2's rules.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct HTML5WriterTests {
    static let renderer = try! Renderer(library: TemplateLibrary(directory: Repo.templates))
    static let pairs = Program.allCases.flatMap { p in DocumentKind.allCases.map { (p, $0) } }

    /// Both writings of one tree: ours first, from the XHTML tree as it is (the writer converts
    /// as it goes), then libxml2's, after OutputDocument has converted the tree to HTML5.
    static func both(_ document: OutputDocument) throws -> (ours: String, libxml2: String) {
        let ours = try document.html5()
        let theirs = try document.html5ByLibXML()
        return (String(decoding: ours, as: UTF8.self), String(decoding: theirs, as: UTF8.self))
    }

    @Test(arguments: pairs)
    func everyFormFilledAndBlank(program: Program, document: DocumentKind) throws {
        let example = try #require(try ParticipantLoader(strict: true).load(contentsOf: "\(Repo.examples)/\(program.rawValue).yaml").first?.get())
        for data in [example.data, nil] {
            let template = try Self.renderer.library.template(program: program, document: document)
            let values = ComputedValues.make(data: data, program: program, title: template.title ?? document.title, options: RenderOptions())
            let (ours, theirs) = try Self.both(try OutputDocument.rendering(template, values))
            #expect(ours == theirs, "\(program.rawValue) \(document.rawValue) \(data == nil ? "blank" : "filled")")
            #expect(ours.hasPrefix("<!DOCTYPE html>\n<html"))
        }
    }

    /// A fixed subtree's copy is written as its prototype's bytes, and they are the bytes a walk
    /// of the copy writes; copies in `<head>` are walked.
    @Test(arguments: pairs)
    func fixedSubtreesAreWrittenAsTheirPrototypes(program: Program, document: DocumentKind) throws {
        let example = try #require(try ParticipantLoader(strict: true).load(contentsOf: "\(Repo.examples)/\(program.rawValue).yaml").first?.get())
        let template = try Self.renderer.library.template(program: program, document: document)
        for data in [example.data, nil] {
            let values = ComputedValues.make(data: data, program: program, title: template.title ?? document.title, options: RenderOptions())
            let rendered = try OutputDocument.rendering(template, values)
            let fixed = rendered.fixedSubtreeBytes
            let walked = rendered.html5(writingFixedSubtreesAs: [])
            #expect(try rendered.html5() == walked)
            // Each element prototype replaced by a marker: the markers appear (so the copies were
            // written from the table), only in the body, and nothing else changed around them.
            let markers = fixed.indices.map { fixed[$0].isEmpty ? [] : Array("<!--fixed \($0)-->".utf8) }
            let marked = String(decoding: rendered.html5(writingFixedSubtreesAs: markers), as: UTF8.self)
            let uses = marked.components(separatedBy: "<!--fixed ").count - 1
            #expect(uses > 0)
            #expect(!marked.components(separatedBy: "<body")[0].contains("<!--fixed "))
            var restored = marked
            for index in markers.indices where !markers[index].isEmpty {
                restored = restored.replacingOccurrences(of: "<!--fixed \(index)-->", with: String(decoding: fixed[index], as: UTF8.self))
            }
            #expect(restored == String(decoding: walked, as: UTF8.self))
        }
    }

    /// A fixed subtree's copy shares its prototype's texts, and writing into a document (texts
    /// merged beside a copy, the HTML5 conversion) never changes them: the same data rendered
    /// again, after other data, gives the same bytes.
    @Test(arguments: pairs)
    func copiesShareThePrototypesTextsAndLeaveThemAsTheyWere(program: Program, document: DocumentKind) throws {
        let example = try #require(try ParticipantLoader(strict: true).load(contentsOf: "\(Repo.examples)/\(program.rawValue).yaml").first?.get())
        let template = try Self.renderer.library.template(program: program, document: document)
        func render(_ data: Value?) throws -> (bytes: [UInt8], shared: Int) {
            let values = ComputedValues.make(data: data, program: program, title: template.title ?? document.title, options: RenderOptions())
            let rendered = try OutputDocument.rendering(template, values)
            let shared = rendered.sharedTexts
            return (try rendered.html5(), shared)
        }
        let first = try render(example.data)
        #expect(first.shared > 20)
        _ = try render(nil)
        #expect(try render(example.data).bytes == first.bytes)
    }

    @Test func writingHTML5LeavesTheXHTMLTreeAsItWas() throws {
        let example = try #require(try ParticipantLoader(strict: true).load(contentsOf: "\(Repo.examples)/aset.yaml").first?.get())
        let template = try Self.renderer.library.template(program: .aset, document: .agreement)
        let values = ComputedValues.make(data: example.data, program: .aset, title: template.title ?? "", options: RenderOptions())
        let document = try OutputDocument.rendering(template, values)
        let before = try document.xhtml()
        let html = try document.html5()
        #expect(try document.xhtml() == before)
        #expect(try document.html5() == html)
        #expect(String(decoding: before, as: UTF8.self).contains("xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(!String(decoding: html, as: UTF8.self).contains("xmlns"))
    }

    /// Each character the escaping treats specially, at every position of a text longer than
    /// two of the writer's eight-byte words, in text and in an attribute.
    @Test func escapingAtEveryPosition() throws {
        let specials: [Character] = ["<", ">", "&", "\r", "\t", "\n", "\u{07}", "\u{1F}", "é", "\""]
        var texts: [String] = []
        for special in specials {
            for position in 0...17 {
                var text = Array(repeating: Character("a"), count: 18)
                text[position] = special
                texts.append(String(text))
            }
        }
        let source = SourceLocation(file: "t", line: 1, column: 1)
        let paragraphs = texts.map { text -> XMLTree.Node in
            .element(XMLTree.Element(name: "p", attributes: [XMLTree.Attribute(name: "title", value: text)], children: [.text(text)], source: source))
        }
        let head = XMLTree.Node.element(XMLTree.Element(name: "head", attributes: [], children: [
            .element(XMLTree.Element(name: "title", attributes: [], children: [.text("t")], source: source))], source: source))
        let body = XMLTree.Node.element(XMLTree.Element(name: "body", attributes: [], children: paragraphs, source: source))
        let (ours, theirs) = try Self.both(OutputDocument(root: XMLTree.Element(name: "html", attributes: [], children: [head, body], source: source)))
        #expect(ours == theirs)
        #expect(ours.contains("aaaa&lt;aaa"))
    }

    static let awkward = [
        "plain", "", " leading and trailing ", "<b>&amp;</b> > x", "carriage\r\nreturn", "tab\tand\nline",
        "\"double\"", "'single'", "both \" and '", "Zoë 李明 👩🏽‍💼", "a\u{7F}b", "bell\u{07}char", "&{entity}",
        "https://example.org/a b?x=1&y=ü#frag", "   mailto:a@b.c", "javascript:alert(1)",
    ]

    @Test(arguments: awkward)
    func libxml2RulesForTextAndAttributes(value: String) throws {
        func el(_ name: String, _ attributes: [XMLTree.Attribute] = [], _ children: [XMLTree.Node] = []) -> XMLTree.Node {
            .element(XMLTree.Element(name: name, attributes: attributes, children: children, source: SourceLocation(file: "t", line: 1, column: 1)))
        }
        func attr(_ name: String) -> XMLTree.Attribute { XMLTree.Attribute(name: name, value: value) }
        let head = el("head", [], [el("meta", [XMLTree.Attribute(name: "http-equiv", value: "Content-Type"),
                                                XMLTree.Attribute(name: "content", value: "text/html")]),
                                   el("title", [], [.text(value)]), el("style", [attr("media")], [.text("p > a { content: \"&\" } " + value)])])
        let body = el("body", [attr("class")], [
            el("p", [attr("title"), XMLTree.Attribute(prefix: "xml", namespace: XMLTree.xmlNamespace, name: "lang", value: "en")],
               [.text(value), el("br"), el("a", [attr("href"), attr("name")], [.text(value)]), el("span")]),
            el("ul", [], [el("li"), el("li", [], [.text(value)])]),
            el("table", [], [el("colgroup", [], [el("col", [attr("width")])]),
                             el("tbody", [], [el("tr", [], [el("td", [attr("headers")]), el("td", [], [.text(value)])])])]),
            el("form", [attr("action")], [el("div", [], [el("select", [], [el("option", [XMLTree.Attribute(name: "selected", value: "selected"), attr("value")], [.text(value)])])])]),
            el("hr"), el("img", [attr("src"), attr("alt")]), el("DIV", [attr("ID")], [.text(value)]),
        ])
        let root = XMLTree.Element(name: "html", attributes: [], children: [head, body], source: SourceLocation(file: "t", line: 1, column: 1))
        let (ours, theirs) = try Self.both(OutputDocument(root: root))
        #expect(ours == theirs)
    }
}
