// The directives at work: fill, repeat, blank rows, conditions, attributes, includes, formatters.
import Testing
@testable import MentorDocs

@Suite struct RenderTests {
    let data = record([
        "mentor": record(["name": .text("Dana Whitfield")]),
        "goals": .list([record(["goal": .text("Pass the exam")]), record(["goal": .text("Lead a project")])]),
        "term": record(["start": .date(CalendarDate(year: 2026, month: 1, day: 15)!), "months": .number(12)]),
        "meetings": .list([record(["hours": .number(1.5), "mode": .text("video")])]),
    ])

    @Test func fillReplacesPlaceholderAndAbsentKeepsIt() throws {
        let t = try compile(page(#"<p><span md:text="mentor.name">____</span> <span md:text="mentee.name">____</span></p>"#))
        #expect(body(try renderBytes(t, data)) == "<p><span>Dana Whitfield</span> <span>____</span></p>")
    }

    @Test func repeatNumbersEntriesAndBlankGivesEmptyCopies() throws {
        let t = try compile(page(##"<ol><li md:repeat="g in goals" md:blank="3"><span md:text="#g">0</span>: <span md:text="g.goal">…</span></li></ol>"##))
        #expect(body(try renderBytes(t, data)) == "<ol><li><span>1</span>: <span>Pass the exam</span></li><li><span>2</span>: <span>Lead a project</span></li></ol>")
        #expect(body(try renderBytes(t, record([:]))) == "<ol><li><span>1</span>: <span>…</span></li><li><span>2</span>: <span>…</span></li><li><span>3</span>: <span>…</span></li></ol>")
    }

    @Test func conditionsKeepOrDrop() throws {
        let t = try compile(page(#"<div><p md:if="mentor.name">named</p><p md:unless="mentor.name">unnamed</p><p md:if="meetings.0.mode = video">video</p><p md:if="meetings.0.mode != video">other</p></div>"#))
        #expect(body(try renderBytes(t, data)) == "<div><p>named</p><p>video</p></div>")
        #expect(body(try renderBytes(t, record([:]))) == "<div><p>unnamed</p><p>other</p></div>")
    }

    @Test func directivesRunInFixedOrderWhateverTheWrittenOrder() throws {
        // md:text is written before md:repeat and md:if, yet repeat runs first and the condition
        // sees each entry.
        let t = try compile(page(#"<ul><li md:text="g.goal" md:if="g.goal != Lead a project" md:repeat="g in goals">x</li></ul>"#))
        #expect(body(try renderBytes(t, data)) == "<ul><li>Pass the exam</li></ul>")
    }

    @Test func attributesAndWith() throws {
        let t = try compile(page(#"<div md:with="m = mentor"><p title="none" md:attr="title m.name; xml:lang program.key"><span md:text="m.name | upper">?</span></p></div>"#))
        let out = body(try renderBytes(t, data))
        #expect(out == #"<div><p title="Dana Whitfield"><span>DANA WHITFIELD</span></p></div>"#)
    }

    @Test(arguments: [
        ("term.start | date", "January 15, 2026"),
        ("term.start | date:iso", "2026-01-15"),
        ("term.start | month", "January 2026"),
        ("term.months | number", "12"),
        ("meetings.0.hours | number", "1.5"),
        ("mentor.name | upper", "DANA WHITFIELD"),
        ("goals | count", "2"),
        ("mentor.name | upper | lower", "dana whitfield"),
    ])
    func formatters(expression: String, expected: String) throws {
        let t = try compile(page(#"<p md:text="\#(expression)">-</p>"#))
        #expect(body(try renderBytes(t, data)) == "<p>\(expected)</p>")
    }

    @Test func letterNumbersObjectives() throws {
        let t = try compile(page(##"<ol><li md:repeat="o in goals" md:text="#o | letter">-</li></ol>"##))
        #expect(body(try renderBytes(t, data)) == "<ol><li>a</li><li>b</li></ol>")
    }

    @Test func includeReplacesElementAndCarriesDirectives() throws {
        let blocks = page(#"<div md:block="sig" class="sig"><p md:text="mentor.name">Name</p></div>"#)
        let t = try compile(page(#"<div md:include="blocks#sig" md:if="mentor.name"></div>"#), includes: ["blocks": blocks])
        #expect(body(try renderBytes(t, data)) == #"<div class="sig"><p>Dana Whitfield</p></div>"#)
        #expect(body(try renderBytes(t, record([:]))) == "")
    }

    @Test func directivesAndNamespaceAreGoneFromOutput() throws {
        let t = try compile(page(#"<p md:text="mentor.name" md:attr="title mentor.name">x</p>"#))
        let out = try renderBytes(t, data)
        #expect(!out.contains("md:"))
        #expect(!out.contains("urn:mentordocs:template"))
    }
}
