// md:min and md:spare: a repeat keeps a form's fixed slots when it is filled, and room for a
// handwritten addition after the data.
import Testing
@testable import MentorDocs

@Suite struct SlotsTests {
    static func goals(_ names: [String]) -> Value {
        record(["goals": .list(names.map { record(["goal": .text($0)]) })])
    }

    static let template = ##"<ol><li md:repeat="g in goals" md:min="3"><span md:text="#g">0</span>:<span md:text="g.goal">_</span></li></ol>"##

    /// The `#g: goal` of each entry the template renders from `data`.
    static func entries(_ template: String, _ data: Value) throws -> [String] {
        let out = body(try renderBytes(try compile(page(template)), data))
        return out.components(separatedBy: "<li>").dropFirst().map {
            $0.replacingOccurrences(of: "</li>", with: "").replacingOccurrences(of: "</ol>", with: "")
                .replacingOccurrences(of: "<span>", with: "").replacingOccurrences(of: "</span>", with: "")
        }
    }

    @Test func minShowsTheDataThenEmptyEntriesUpToN() throws {
        #expect(try Self.entries(Self.template, Self.goals(["A"])) == ["1:A", "2:_", "3:_"])
    }

    @Test func minOnAnEmptyListGivesNEmptyEntries() throws {
        #expect(try Self.entries(Self.template, record([:])) == ["1:_", "2:_", "3:_"])
    }

    @Test func minNeverCutsTheData() throws {
        #expect(try Self.entries(Self.template, Self.goals(["A", "B", "C", "D"])) == ["1:A", "2:B", "3:C", "4:D"])
    }

    @Test func spareAddsEmptyEntriesAfterTheData() throws {
        let t = ##"<ol><li md:repeat="g in goals" md:min="2" md:spare="1"><span md:text="#g">0</span>:<span md:text="g.goal">_</span></li></ol>"##
        #expect(try Self.entries(t, Self.goals(["A"])) == ["1:A", "2:_"])
        #expect(try Self.entries(t, Self.goals(["A", "B"])) == ["1:A", "2:B", "3:_"])
        #expect(try Self.entries(t, Self.goals(["A", "B", "C"])) == ["1:A", "2:B", "3:C", "4:_"])
    }

    @Test func blankStillRulesAnEmptyList() throws {
        let t = ##"<ol><li md:repeat="g in goals" md:blank="4" md:min="2"><span md:text="#g">0</span>:<span md:text="g.goal">_</span></li></ol>"##
        #expect(try Self.entries(t, record([:])) == ["1:_", "2:_", "3:_", "4:_"])
        #expect(try Self.entries(t, Self.goals(["A"])) == ["1:A", "2:_"])
    }

    @Test func nestedRepeatsKeepTheirOwnSlots() throws {
        let t = ##"<div><p md:repeat="g in goals" md:min="2"><span md:repeat="a in g.actions" md:min="2" md:text="a.action">_</span></p></div>"##
        let data = record(["goals": .list([record(["actions": .list([record(["action": .text("x")])])])])])
        #expect(body(try renderBytes(try compile(page(t)), data))
                == "<div><p><span>x</span><span>_</span></p><p><span>_</span><span>_</span></p></div>")
    }

    @Test(arguments: ["-1", "51", "three", ""])
    func outOfRangeIsALocatedError(_ n: String) {
        let errors = compileErrors(page(#"<p md:repeat="g in goals" md:min="\#(n)">x</p>"#))
        #expect(errors == ["t.xhtml:6:27: error: md:min takes a number of entries from 0 to 50, got '\(n)'"])
    }

    @Test func minAndSpareNeedARepeat() {
        #expect(compileErrors(page(#"<p md:min="2">x</p>"#)) == ["t.xhtml:6:4: error: md:min needs md:repeat on the same element"])
        #expect(compileErrors(page(#"<p md:spare="1">x</p>"#)) == ["t.xhtml:6:4: error: md:spare needs md:repeat on the same element"])
    }
}
