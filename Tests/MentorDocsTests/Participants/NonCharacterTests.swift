// Unicode non-characters (U+FDD0-U+FDEF, U+xxFFFE, U+xxFFFF) are refused like control
// characters, raw or escaped; and no character XML 1.0 refuses reaches an output document.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct NonCharacterTests {
    @Test(arguments: [
        (#""a\uFFFEb""#, "U+FFFE"), (#""a\uFFFFb""#, "U+FFFF"), (#""\uFDD0""#, "U+FDD0"), (#""\uFDEF""#, "U+FDEF"),
        (#""\U0001FFFE""#, "U+1FFFE"), (#""\U0001FFFF""#, "U+1FFFF"), (#""\U0010FFFF""#, "U+10FFFF"),
        (#""\U0008FFFE""#, "U+8FFFE"),
    ])
    func escapedNonCharactersAreRefused(value: String, name: String) {
        #expect(Loader.headlines(Loader.load("mentor:\n  name: \(value)\n"))
                == ["pair.yaml:2:9: error: mentor.name: non-character \(name) is not allowed in text"])
    }

    @Test(arguments: [(0xFFFE, "U+FFFE"), (0xFDD7, "U+FDD7"), (0x2FFFF, "U+2FFFF")] as [(UInt32, String)])
    func rawNonCharactersAreRefused(value: UInt32, name: String) {
        let character = String(Unicode.Scalar(value)!)
        #expect(Loader.headlines(Loader.load("id: x\nstatus: on\(character)track\n"))
                == ["pair.yaml:2:11: error: non-character \(name) is not allowed in a participant file"])
    }

    @Test func theOutputGuardFindsARefusedCharacterAtEveryPlace() {
        // The guard looks at eight bytes at a time: a refused character before, across and after
        // each word boundary, among ASCII and multi-byte text, and text it must let through.
        let refused: [Unicode.Scalar] = ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
        let allowed: [Unicode.Scalar] = ["\t", "\n", "\r", " ", "\u{7F}", "\u{EFFF}", "\u{FEFF}", "\u{FFFD}", "é", "李"]
        for filler in ["a", "é", "李"] {
            for length in 0..<20 {
                let base = String(repeating: filler, count: length)
                #expect(TreeBuilder.firstNonXMLCharacter(base) == nil)
                for position in 0...length {
                    let head = String(repeating: filler, count: position), tail = String(repeating: filler, count: length - position)
                    for bad in refused {
                        #expect(TreeBuilder.firstNonXMLCharacter(head + String(bad) + tail) == bad, "\(length) \(position) \(bad.value)")
                    }
                    for good in allowed {
                        #expect(TreeBuilder.firstNonXMLCharacter(head + String(good) + tail) == nil, "\(length) \(position) \(good.value)")
                    }
                }
            }
        }
    }

    @Test(arguments: [#""\uFDCF""#, #""\uFDF0""#, #""\uFFFD""#, #""\U0001FFFD""#, #""\U00010000""#])
    func neighboursOfNonCharactersAreText(value: String) throws {
        let p = try Loader.partnership(Loader.load("mentor:\n  name: \(value)\n"))
        #expect(p.data.lookup(["mentor", "name"])?.text?.unicodeScalars.count == 1)
    }

    @Test func aNonCharacterInAnUnknownKeyIsShownEscaped() {
        let headlines = Loader.headlines(Loader.load("status: \"\\uFFFF\"\n"))
        #expect(headlines == ["pair.yaml:1:9: error: status: non-character U+FFFF is not allowed in text"])
    }

    @Test(arguments: [0xFFFE, 0xFFFF, 0x01, 0x1F] as [UInt32])
    func theOutputCheckRefusesCharactersXMLDoesNotAllow(value: UInt32) throws {
        let text = "a" + String(Unicode.Scalar(value)!) + "b"
        let location = SourceLocation(file: "t.xhtml", line: 3, column: 5)
        let body = XMLTree.Element(name: "body", children: [.element(.init(name: "p", children: [.text(text)], source: location))],
                                   source: location)
        let root = XMLTree.Element(name: "html", children: [
            .element(.init(name: "head", children: [.element(.init(name: "title", children: [.text("t")], source: location))],
                           source: location)),
            .element(body),
        ], source: location)
        let problems = OutputDocument(root: root).validate(against: try XHTMLDTD.shared())
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasSuffix("is not allowed in XML") == true)
        #expect(problems.first?.location == location)
    }

    @Test(arguments: [0xFFFE, 0x01] as [UInt32])
    func theOutputCheckAlsoGuardsDocumentsRenderedStraightIntoLibxml2(value: UInt32) throws {
        let template = try compile(page(#"<p md:text="mentor.name">name</p><p title="t" md:attr="title mentor.name">x</p>"#))
        let data = Value.record(["mentor": .record(["name": .text("a" + String(Unicode.Scalar(value)!) + "b")])])
        let problems = try OutputDocument.rendering(template, data).validate(against: try XHTMLDTD.shared())
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.allSatisfy { $0.message.hasSuffix("is not allowed in XML") && $0.location.file == "t.xhtml" })
    }

    @Test func theOutputCheckPassesOrdinaryText() throws {
        let location = SourceLocation(file: "t.xhtml", line: 1, column: 1)
        let root = XMLTree.Element(name: "html", children: [
            .element(.init(name: "head", children: [.element(.init(name: "title", children: [.text("a\tb\n\u{FFFD}é" + String(Unicode.Scalar(0xFDD0)!))], source: location))],
                           source: location)),
            .element(.init(name: "body", source: location)),
        ], source: location)
        #expect(OutputDocument(root: root).validate(against: try XHTMLDTD.shared()).isEmpty)
    }
}
