// Seeded fuzzing of templates (issue 11, items 6, 7, 9): random directives, attribute targets,
// URL starts and include names, filled with hostile values. Each template either is refused with
// located errors or renders output where no value became script, an event handler or a scheme.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct TemplateFuzzTests {
    static let hostile: [String] = [
        "</style><script>alert(1)</script>", "javascript:alert(1)", " JaVaScRiPt:alert(1)", "\" onclick=\"x()",
        "</title><script>x()</script>", "data:text/html,<script>x()</script>", "\u{202E}evil", "a&amp;b<b>",
    ]
    static let targets = ["title", "class", "href", "id", "lang", "xml:lang", "onclick", "onMouseOver", "style",
                          "xmlns", "src", "cite", "md:text", "hreflang", "charset", "HREF"]
    static let starts = ["", "'mailto:' + ", "'https://example.org/p/' + ", "'tel:' + ", "'javascript:' + ",
                         "'//evil.example/' + ", "'MAILTO:' + ", "'data:' + "]
    static let paths = ["mentor.name", "mentor.email", "mentee.name", "pair", "mentor.phone"]
    static let includes = ["blocks#b", "../blocks#b", "/blocks#b", "./blocks#b", "sub/blocks#b", "Blocks#b", "blocks#b#b"]
    static let blocks = page(#"<div md:block="b"><p md:attr="title mentor.name">block</p></div>"#)

    static func body(using rng: inout SeededGenerator) -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let path = paths.randomElement(using: &rng)!
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                let target = targets.randomElement(using: &rng)!, start = starts.randomElement(using: &rng)!
                parts.append(#"<p><a href="index.html" md:attr="\#(target) \#(start)\#(path)" md:text="\#(path)">x</a></p>"#)
            case 1:
                parts.append(#"<div md:include="\#(includes.randomElement(using: &rng)!)"></div>"#)
            case 2:
                parts.append(#"<p><q cite="index.html" md:attr="cite \#(starts.randomElement(using: &rng)!)\#(path)">q</q></p>"#)
            default:
                parts.append(#"<p md:text="\#(path)">-</p>"#)
            }
        }
        return parts.joined(separator: "\n")
    }

    static func head(using rng: inout SeededGenerator) -> String {
        let path = paths.randomElement(using: &rng)!
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return #"<style type="text/css" md:text="\#(path)">p {}</style>"#
        case 1: return #"<style type="text/css" md:text="print.page_css">p {}</style>"#
        default: return #"<meta name="author" content="x" md:attr="content \#(path)" />"#
        }
    }

    /// Every attribute of every tag in serialized output (values are quoted, `"` inside escaped).
    static func attributes(_ markup: String) throws -> [(String, String)] {
        let tag = try Regex(#"<[A-Za-z][^\s>/]*((?:\s+[^\s=>]+="[^"]*")*)\s*/?>"#)
        let attribute = try Regex(#"([^\s=]+)="([^"]*)""#)
        var out: [(String, String)] = []
        for match in markup.matches(of: tag) {
            for a in String(markup[match.range]).matches(of: attribute) {
                let name = a.output[1].substring.map(String.init) ?? ""
                let value = (a.output[2].substring.map(String.init) ?? "")
                    .replacingOccurrences(of: "&#9;", with: "\t").replacingOccurrences(of: "&amp;", with: "&")
                out.append((name, value))
            }
        }
        return out
    }

    @Test func randomTemplatesAreRefusedWithLocationsOrRenderNoScript() throws {
        var rng = SeededGenerator(state: 11)
        let located = try Regex(#"^(t|blocks)\.xhtml:\d+:\d+: error: "#)
        let script = try Regex(#"(?i)<script"#)
        var rendered = 0, refused = 0
        for round in 0..<300 {
            let text = page(Self.body(using: &rng), head: Self.head(using: &rng))
            let value = { (rng: inout SeededGenerator) in Value.text(Self.hostile.randomElement(using: &rng)!) }
            let person = { (rng: inout SeededGenerator) in
                record(["name": value(&rng), "email": value(&rng), "phone": value(&rng)])
            }
            let data = ComputedValues.make(data: record(["mentor": person(&rng), "mentee": person(&rng)]),
                                           program: .aset, title: "T", options: RenderOptions())
            let errors = compileErrors(text, includes: ["blocks": Self.blocks])
            if !errors.isEmpty {
                refused += 1
                for error in errors {
                    #expect(error.firstMatch(of: located) != nil, "round \(round): unlocated \(error)\n\(text)")
                }
                continue
            }
            let template = try compile(text, includes: ["blocks": Self.blocks])
            for format in [RenderOptions.Format.html, .xhtml] {
                do {
                    let out = try renderBytes(template, data, format: format)
                    rendered += 1
                    #expect(out.firstMatch(of: script) == nil, "round \(round): script in output\n\(text)\n\(out)")
                    for (name, value) in try Self.attributes(out) {
                        #expect(!TemplateSafety.isEventHandler(name), "round \(round): \(name) in output\n\(text)")
                        let isURL = TemplateSafety.urlAttributes.contains(name.lowercased())
                        #expect(!isURL || TemplateSafety.scheme(of: value).map(TemplateSafety.activeSchemes.contains) != true,
                                "round \(round): \(name)=\"\(value)\" in output\n\(text)")
                    }
                    #expect(out.components(separatedBy: "</style").count == out.components(separatedBy: "<style").count,
                            "round \(round): a value ended a style sheet\n\(out)")
                } catch let error as DiagnosticList {
                    // Invalid for the DTD (an attribute the element does not take): located, never written.
                    #expect(error.diagnostics.allSatisfy { $0.location.line > 0 }, "round \(round): \(error)")
                }
            }
        }
        // The generator must exercise both sides.
        #expect(rendered > 20)
        #expect(refused > 20)
    }

    @Test func formattersTakeEveryDoubleWithoutTrapping() throws {
        var rng = SeededGenerator(state: 9)
        let t = try compile(page("<p md:text=\"meetings.0.hours | letter\">-</p>\n<p md:text=\"meetings.0.hours | number\">-</p>"))
        for _ in 0..<2000 {
            // Any bit pattern: NaNs, infinities, subnormals, huge and tiny magnitudes of both signs.
            let n = Double(bitPattern: rng.next())
            do {
                let out = try t.render(record(["meetings": .list([record(["hours": .number(n)])])]))
                #expect(n.isFinite && n >= 1 && n == n.rounded(), "\(n) gave letters")
                _ = out
            } catch {
                #expect(error.diagnostics.map(\.headline) == ["t.xhtml:6:4: error: formatter 'letter' takes a whole number from 1 to 1000000000000000, got \(n.formatted)"])
            }
        }
    }
}
