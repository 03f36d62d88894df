// Every template finishes, whatever its data (issue 11, item 9): includes, blank rows, the size of
// one document and the formatters' inputs are bounded, each a located template error.
import Testing
@testable import MentorDocs

/// Includes over in-memory files, each parsed once as the library does; several spellings may
/// name one file, as on a case-insensitive disk.
final class AliasIncludes: IncludeResolver {
    let files: [String: String]
    let aliases: [String: String]
    private var parsed: [String: (XMLTree.Element, SourceText)] = [:]

    init(files: [String: String], aliases: [String: String] = [:]) {
        self.files = files
        self.aliases = aliases
    }

    func block(file: String, block: String) throws -> (XMLTree.Element, SourceText) {
        let name = aliases[file] ?? file
        if parsed[name] == nil {
            guard let text = files[name] else { throw IncludeError.missingFile(file, program: .aset) }
            parsed[name] = (try TemplateParser.parse(text, file: name + ".xhtml", allowedNamespaces: [Template.namespace]), SourceText(text))
        }
        let (root, text) = parsed[name]!
        var names: [String] = []
        guard let found = ProgramIncludes.find(block, in: root, names: &names) else {
            throw IncludeError.missingBlock(block, file: name, suggestion: nil)
        }
        return (found, text)
    }
}

func compileErrors(_ text: String, resolver: some IncludeResolver) -> [String] {
    do {
        let root = try TemplateParser.parse(text, file: "t.xhtml", allowedNamespaces: [Template.namespace])
        _ = try Template.compile(root, source: SourceText(text), resolver: resolver)
        return []
    } catch {
        return error.diagnostics.map(\.headline)
    }
}

@Suite struct TemplateLimitsTests {
    @Test func aBlockIncludingItselfUnderAnotherSpellingIsRefused() {
        let blocks = page("<div md:block=\"x\">\n<p md:include=\"blocks#x\"></p>\n<p md:include=\"Blocks#x\"></p></div>")
        let resolver = AliasIncludes(files: ["blocks": blocks], aliases: ["Blocks": "blocks"])
        let errors = compileErrors(page(#"<div md:include="Blocks#x"></div>"#), resolver: resolver)
        #expect(errors == [
            "blocks.xhtml:7:4: error: md:include 'blocks#x' includes itself (block 'x' of blocks.xhtml)",
            "blocks.xhtml:8:4: error: md:include 'Blocks#x' includes itself (block 'x' of blocks.xhtml)",
        ])
    }

    @Test func twoBlocksIncludingEachOtherAreRefused() {
        let blocks = page("<div md:block=\"a\"><p md:include=\"blocks#b\"></p></div>\n<div md:block=\"b\"><p md:include=\"blocks#a\"></p></div>")
        let errors = compileErrors(page(#"<div md:include="blocks#a"></div>"#), includes: ["blocks": blocks])
        #expect(errors == ["blocks.xhtml:7:22: error: md:include 'blocks#a' includes itself (block 'a' of blocks.xhtml)"])
    }

    @Test func includesNestAtMostSixteenDeep() {
        let chain = (0..<20).map { #"<div md:block="b\#($0)"><p md:include="blocks#b\#($0 + 1)"></p></div>"# }.joined(separator: "\n")
        let errors = compileErrors(page(#"<div md:include="blocks#b0"></div>"#), includes: ["blocks": page(chain + #"<div md:block="b20">end</div>"#)])
        #expect(errors == ["blocks.xhtml:21:24: error: md:include 'blocks#b16' nests more than 16 includes deep"])
    }

    @Test func includesThatMultiplyPastTheLimitAreRefusedAtLoad() {
        // Each level includes the next ten times: a hundred thousand copies of the last level.
        let levels = (0..<5).map { level in
            #"<div md:block="l\#(level)">"# + String(repeating: #"<p md:include="blocks#l\#(level + 1)"></p>"#, count: 10) + "</div>"
        }.joined(separator: "\n")
        let resolver = AliasIncludes(files: ["blocks": page(levels + #"<div md:block="l5">x</div>"#)])
        let errors = compileErrors(page(#"<div md:include="blocks#l0"></div>"#), resolver: resolver)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("the template has more than 50000 elements and texts once its includes are expanded") == true)
    }

    @Test(arguments: ["201", "-1", "1e3", "many"])
    func blankRowsAreBounded(rows: String) {
        let errors = compileErrors(page(#"<ol><li md:repeat="g in goals" md:blank="\#(rows)">x</li></ol>"#))
        #expect(errors == ["t.xhtml:6:32: error: md:blank takes a number of rows from 0 to 200, got '\(rows)'"])
    }

    @Test func nestedBlankRowsThatMultiplyPastTheLimitAreRefusedAtLoad() {
        let text = page(#"""
        <div md:repeat="m in meetings" md:blank="200">
          <div md:repeat="a in m.actions" md:blank="200">
            <p md:repeat="t in m.topics" md:blank="200"><span md:text="t">x</span></p>
          </div>
        </div>
        """#)
        let errors = compileErrors(text)
        #expect(errors == [#"t.xhtml:6:32: error: md:blank="200" here makes the blank form hold more than 500000 elements and texts (200 copies of 120603 elements and texts), the limit of one rendered document"#])
    }

    @Test func checkTemplatesReportsAFolderWithOversizedBlankForms() throws {
        let root = try TemplateTestFolder()
        try root.write("shared/agreement.xhtml", page(#"""
        <div md:repeat="m in meetings" md:blank="200"><div md:repeat="a in m.actions" md:blank="200"><p md:repeat="t in m.topics" md:blank="200">x</p></div></div>
        """#))
        let problems = TemplateLibrary(directory: root.path).checkAll()
        #expect(problems.contains { $0.message.contains("makes the blank form hold more than 500000") })
    }

    @Test func aDocumentPastTheNodeLimitStopsAtTheInnerRepeat() throws {
        let t = try compile(page("<div md:repeat=\"m in meetings\">\n<p md:repeat=\"n in meetings\"><span md:text=\"n.notes\">-</span></p></div>"))
        let meetings = Value.list(Array(repeating: record(["notes": .text("n")]), count: 600))
        #expect {
            _ = try t.render(record(["meetings": meetings]))
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.headline)
                == ["t.xhtml:7:4: error: this md:repeat makes the document hold more than 500000 elements and texts, the limit of one rendered document"]
        }
    }

    @Test func aLimitPassedOverAListOfTheFileIsSaidAtTheOutermostSuchList() throws {
        // The same template; the lists now come from a participant file, so the file is blamed.
        let t = try compile(page("<div md:repeat=\"m in meetings\">\n<p md:repeat=\"n in meetings\"><span md:text=\"n.notes\">-</span></p></div>"))
        let meetings = Value(.list(Array(repeating: record(["notes": .text("n")]), count: 600)),
                             at: SourceLocation(file: "pair.yaml", line: 9, column: 3))
        #expect {
            _ = try t.render(record(["meetings": meetings]))
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.headline)
                == ["pair.yaml:9:3: error: meetings: its 600 entries make the document hold more than 500000 elements and texts, the limit of one rendered document; put fewer in one partnership's file"]
        }
    }

    @Test func aDocumentPastTheByteLimitStops() throws {
        let t = try compile(page(#"<div><p md:repeat="m in meetings" md:text="m.notes">-</p></div>"#))
        let megabyte = String(repeating: "x", count: 1 << 20)
        let meetings = Value.list(Array(repeating: record(["notes": .text(megabyte)]), count: 40))
        #expect {
            _ = try t.render(record(["meetings": meetings]))
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.headline)
                == ["t.xhtml:6:9: error: this md:repeat makes the document hold more than 32 MB of text, the limit of one rendered document"]
        }
    }

    @Test func aLargeHonestDocumentStillRenders() throws {
        let t = try compile(page(##"<div><div md:repeat="m in meetings"><p md:text="m.notes">-</p><p md:text="#m">-</p></div></div>"##))
        let meetings = Value.list(Array(repeating: record(["notes": .text("a meeting")]), count: 5000))
        #expect(throws: Never.self) { _ = try t.render(record(["meetings": meetings])) }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e19, -1e19, -1e300, 0, -3, 1.5, 1e16, .greatestFiniteMagnitude])
    func letterRefusesEveryNumberOutOfRangeWithoutTrapping(value: Double) throws {
        let t = try compile(page(#"<p md:text="meetings.0.hours | letter">-</p>"#))
        let data = record(["meetings": .list([record(["hours": .number(value)])])])
        #expect {
            _ = try t.render(data)
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.map(\.headline)
                == ["t.xhtml:6:4: error: formatter 'letter' takes a whole number from 1 to 1000000000000000, got \(value.formatted)"]
        }
    }

    @Test(arguments: [(1.0, "a"), (26, "z"), (27, "aa"), (702, "zz"), (703, "aaa"), (1e15, "gbdpxgrzxjl")])
    func letterNamesWholeNumbers(value: Double, expected: String) throws {
        let t = try compile(page(#"<p md:text="meetings.0.hours | letter">-</p>"#))
        let out = body(try renderBytes(t, record(["meetings": .list([record(["hours": .number(value)])])])))
        #expect(out == "<p>\(expected)</p>")
    }

    @Test func letterOnTextIsRefusedAtLoad() {
        #expect(compileErrors(page(#"<p md:text="mentor.name | letter">-</p>"#))
                == ["t.xhtml:6:4: error: formatter 'letter' needs a whole number, and its input is text"])
        #expect(compileErrors(page(#"<p md:text="goals | count | letter">-</p>"#)).isEmpty)
    }

    @Test(arguments: ["nan", "inf", "-infinity", "1e999"])
    func numberShowsNothingForTextThatIsNotAFiniteNumber(text: String) throws {
        let t = try compile(page(#"<p md:text="mentor.name | number">placeholder</p>"#))
        #expect(body(try renderBytes(t, record(["mentor": record(["name": .text(text)])]))) == "<p>placeholder</p>")
    }
}
