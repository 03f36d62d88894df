// `--combine`'s joining on trees: several partnerships' written documents in one file keep their
// ids unique and every reference pointing into its own partnership, values stay text, and the
// file is valid XHTML 1.0 Strict (its HTML5 twin is that tree's HTML5 writing).
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MentorDocs

@Suite struct DocumentJoinerTests {
    static let template = page(#"""
        <div id="intro">
        <p><label for="name" md:text="mentor.name">n</label> <span id="name" md:attr="title mentor.name">x</span></p>
        <table><tr><th id="h1">A</th><th id="h2">B</th></tr><tr><td headers="h1  h2" md:text="mentee.name">v</td></tr></table>
        <p md:attr="id id"><a href="#intro">back</a> <a href="#name">name</a> <a href="other.html#intro">elsewhere</a> <a href="#">top</a></p>
        </div>
        """#)

    /// Three partnerships: hostile values in the first, the same value-made id in the first and third.
    static let pairs: [Value] = [
        record(["mentor": record(["name": .text("\"q\" & <b>bold</b> 'single' Ωμέγα 李明 👩🏽‍💼")]),
                "mentee": record(["name": .text("]]> &amp; </td></tr>")]), "id": .text("Zoë-ключ")]),
        record(["mentor": record(["name": .text("Ann")]), "mentee": record(["name": .text("Bo")]), "id": .text("k2")]),
        record(["mentor": record(["name": .text("Ché <&>")]), "mentee": record(["name": .text("Dana")]), "id": .text("Zoë-ключ")]),
    ]

    /// The frame and the pairs joined, as `Combiner` streams them.
    func combined(_ syntax: OutputDocument.Syntax) throws -> String {
        let template = try compile(Self.template)
        let joiner = DocumentJoiner(syntax: syntax, pairClass: "mentordocs-pair")
        let frameTree = try TemplateParser.parse(page("<p>replaced</p>"), file: "frame.xhtml", allowedNamespaces: [Template.namespace])
        let frame = OutputDocument(root: frameTree)
        #expect(frame.validate(against: try XHTMLDTD.shared()).isEmpty)
        let (head, tail) = try joiner.frame(frame)
        var bytes = head
        for (i, data) in Self.pairs.enumerated() {
            let written = try renderBytes(template, data, format: syntax == .xhtml ? .xhtml : .html)
            bytes += try #require(try joiner.pair(Array(written.utf8), number: i + 1))
        }
        return String(decoding: bytes + tail, as: UTF8.self)
    }

    @Test func idsStayUniqueAndReferencesPointIntoTheirOwnPartnership() throws {
        let text = try combined(.xhtml)
        // The project's own validator: a repeated id or a dangling for/headers is an error.
        let root = try TemplateParser.parse(text, file: "combined.xhtml", allowedNamespaces: [])
        let problems = OutputDocument(root: root).validate(against: try XHTMLDTD.shared())
        #expect(problems.isEmpty, "\(problems)")

        let document = try XMLDocument(data: Data(text.utf8), options: [])
        let divs = try document.nodes(forXPath: "//*[local-name()='body']/*").compactMap { $0 as? XMLElement }
        #expect(divs.map { $0.attribute("id") } == ["pair-1", "pair-2", "pair-3"])
        #expect(divs.allSatisfy { $0.attribute("class") == "mentordocs-pair" })
        var allIDs = divs.compactMap { $0.attribute("id") }
        for (i, div) in divs.enumerated() {
            let prefix = "p\(i + 1)-"
            let ids = try div.nodes(forXPath: "./descendant::*/@id").compactMap(\.stringValue)
            allIDs += ids
            #expect(ids == ["intro", "name", "h1", "h2", i == 1 ? "k2" : "Zoë-ключ"].map { prefix + $0 })
            let fors = try div.nodes(forXPath: ".//@for").compactMap(\.stringValue)
            let headers = try div.nodes(forXPath: ".//@headers").compactMap(\.stringValue)
            let hrefs = try div.nodes(forXPath: ".//@href").compactMap(\.stringValue)
            #expect(fors == [prefix + "name"])
            #expect(headers == ["\(prefix)h1  \(prefix)h2"], "the list's spacing is kept")
            #expect(hrefs == ["#\(prefix)intro", "#\(prefix)name", "other.html#intro", "#"])
            let targets = fors + headers.flatMap { $0.split(separator: " ").map(String.init) }
                + hrefs.filter { $0.hasPrefix("#") && $0.count > 1 }.map { String($0.dropFirst()) }
            #expect(targets.allSatisfy(ids.contains), "\(targets) all name ids of partnership \(i + 1)")
            // Values arrive as the text they were, in text and in attributes.
            let mentor = Self.pairs[i]["mentor"]?["name"]?.text
            let span = try #require(try div.nodes(forXPath: ".//*[local-name()='span']").first as? XMLElement)
            #expect(span.attribute("title") == mentor)
            #expect(try div.nodes(forXPath: ".//*[local-name()='label']").first?.stringValue == mentor)
            #expect(try div.nodes(forXPath: ".//*[local-name()='td']").first?.stringValue == Self.pairs[i]["mentee"]?["name"]?.text)
        }
        #expect(Set(allIDs).count == allIDs.count && allIDs.count == 18)
    }

    @Test func theHTML5FileIsTheHTML5WritingOfTheValidTree() throws {
        let xhtml = try combined(.xhtml)
        let html5 = try combined(.html5)
        let tree = try TemplateParser.parse(xhtml, file: "combined.xhtml", allowedNamespaces: [])
        #expect(String(decoding: try OutputDocument(root: tree).html5(), as: UTF8.self) == html5)
        #expect(html5.hasPrefix("<!DOCTYPE html>") && html5.contains("<td headers=\"p3-h1  p3-h2\">Dana</td>"))
    }

    @Test(arguments: [OutputDocument.Syntax.xhtml, .html5])
    func theBodyBecomesThePairsDivWithoutItsOwnAttributes(syntax: OutputDocument.Syntax) throws {
        let joiner = DocumentJoiner(syntax: syntax, pairClass: "c")
        let page = #"<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&lt;body&gt;</title></head><body class="a&gt;b" id="b"><p id="x">x</p></body></html>"#
        let div = try #require(try joiner.pair(Array(page.utf8), number: 7))
        #expect(String(decoding: div, as: UTF8.self) == #"<div class="c" id="pair-7"><p id="p7-x">x</p></div>"# + "\n")
    }

    @Test(arguments: [OutputDocument.Syntax.xhtml, .html5])
    func bytesWithoutABodyAreRefused(syntax: OutputDocument.Syntax) throws {
        let joiner = DocumentJoiner(syntax: syntax, pairClass: "c")
        #expect(try joiner.pair(Array("<html><head><title>t</title></head></html>".utf8), number: 1) == nil)
        #expect(try joiner.pair([], number: 1) == nil)
        if syntax == .xhtml {
            #expect(try joiner.pair(Array("<html><body><p>unclosed</body></html>".utf8), number: 1) == nil)
        }
    }
}

private extension XMLElement {
    /// The value of the attribute with this local name.
    func attribute(_ name: String) -> String? {
        attributes?.first { $0.localName == name }?.stringValue
    }
}
