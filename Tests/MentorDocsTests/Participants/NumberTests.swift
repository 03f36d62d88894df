// Numbers are read by YAML 1.2's core schema: no base 60, no YAML 1.1 octal or binary, and
// nothing numeric (however large or odd) can trap; overflow is a located error.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct NumberTests {
    @Test(arguments: [
        ("12", CoreSchema.Number.integer(12)), ("012", .integer(12)), ("-3", .integer(-3)),
        ("+7", .integer(7)), ("0o14", .integer(12)), ("0xC", .integer(12)), ("0x1f", .integer(31)),
        ("99999999999999999999", .integer(nil)), ("0x1FFFFFFFFFFFFFFFFF", .integer(nil)),
        ("-9223372036854775808", .integer(Int.min)),
        ("1.5", .float(1.5)), ("1.", .float(1)), (".5", .float(0.5)), ("+.5", .float(0.5)),
        ("2e3", .float(2000)), ("2E-1", .float(0.2)), ("1e309", .float(.infinity)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
    ])
    func coreSchemaNumerals(text: String, expected: CoreSchema.Number) {
        #expect(CoreSchema.number(text) == expected)
    }

    @Test(arguments: ["1:30", "1:0:0:0:0:0:0:0:0:0:0:0", "9223372036854775807:59", "0b101", "1_000", "0o8",
                      "0x", "-0x1", "+0o1", ".", "e3", "1e", "1.5.2", "inf", "nan", "12 ", "", "٣", "１２", "0x１"])
    func notCoreSchemaNumerals(text: String) {
        #expect(CoreSchema.number(text) == nil)
        #expect(CoreSchema.number(text).map { if case .float(let d) = $0 { return d.isNaN } else { return false } } != true)
    }

    @Test func nanIsAFloat() {
        guard case .float(let d) = CoreSchema.number(".NaN") else { Issue.record("not a float"); return }
        #expect(d.isNaN)
    }

    @Test(arguments: [
        ("term:\n  months: 1:0:0:0:0:0:0:0:0:0:0:0\n",
         "pair.yaml:2:11: error: term.months: expected a whole number from 1 to 240, found '1:0:0:0:0:0:0:0:0:0:0:0'"),
        ("meetings:\n  - hours: 9223372036854775807:59\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '9223372036854775807:59'"),
        ("meetings:\n  - hours: 1:30\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '1:30'"),
        ("schedule:\n  meetings_per_month: 0b101\n",
         "pair.yaml:2:23: error: schedule.meetings_per_month: expected a whole number from 0 to 100, found '0b101'"),
        ("schedule:\n  meetings_per_month: 1_0\n",
         "pair.yaml:2:23: error: schedule.meetings_per_month: expected a whole number from 0 to 100, found '1_0'"),
        ("term:\n  months: !!str 12\n",
         "pair.yaml:2:11: error: term.months: expected a whole number from 1 to 240, found '12'"),
        ("term:\n  months: 99999999999999999999\n",
         "pair.yaml:2:11: error: term.months: expected a whole number from 1 to 240, found '99999999999999999999'"),
        ("meetings:\n  - hours: 123456789012345678901234567890\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '123456789012345678901234567890': that number is too large to count"),
        ("meetings:\n  - hours: 1e309\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '1e309': that number is too large to count"),
        ("meetings:\n  - hours: .inf\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found '.inf': that number is too large to count"),
        ("meetings:\n  - hours: inf\n",
         "pair.yaml:2:12: error: meetings[0].hours: expected a number of at least 0, found 'inf'"),
        ("meetings:\n  - hours: 1.79e308\n  - hours: 1.79e308\n",
         "pair.yaml:3:12: error: meetings[1].hours: the hours of all meetings add up to more than the largest number that can be counted; check this meeting's hours"),
    ])
    func refusedNumber(yaml: String, expected: String) {
        #expect(Loader.headlines(Loader.load(yaml)) == [expected])
    }

    @Test func leadingZeroIsDecimalAndRadixPrefixesWork() throws {
        let p = try Loader.partnership(Loader.load("term:\n  months: 012\nschedule:\n  meetings_per_month: 0o10\n  meetings_per_year: 0x10\n"))
        #expect(p.data.lookup(["term", "months"])?.number == 12)
        #expect(p.data.lookup(["schedule", "meetings_per_month"])?.number == 8)
        #expect(p.data.lookup(["schedule", "meetings_per_year"])?.number == 16)
    }

    @Test func numberLikeTextStaysTextAsWritten() throws {
        let p = try Loader.partnership(Loader.load("mentor:\n  phone: 1:30\n  title: 0b101\n  name: 9223372036854775807:59\n"))
        #expect(p.data.lookup(["mentor", "phone"])?.text == "1:30")
        #expect(p.data.lookup(["mentor", "title"])?.text == "0b101")
        #expect(p.data.lookup(["mentor", "name"])?.text == "9223372036854775807:59")
    }

    @Test func aLargeButFiniteTotalLoads() throws {
        let p = try Loader.partnership(Loader.load("meetings:\n  - hours: 1e300\n  - hours: 1e300\n"))
        #expect(p.data.lookup(["meetings", "1", "hours"])?.number == 1e300)
    }
}

@Suite struct NumberEndToEndTests {
    @Test func aBase60LookingNumberFailsOnlyItsFileInABatch() throws {
        let good = "program: aset\nid: good\nmentor:\n  name: Ada\nmentee:\n  name: Bea\n"
        let bad = "program: aset\nid: bad\nmeetings:\n  - date: 2026-01-05\n    hours: 9223372036854775807:59\n"
        let input = try BatchFixtures.folder(["good.yaml": good, "bad.yaml": bad])
        let out = try temporaryFolder()
        let r = try runBatch(["batch", input, "--out", out, "--doc", "agreement", "--no-progress", "--jobs", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.yaml:5:12: error: meetings[0].hours: expected a number of at least 0, found '9223372036854775807:59'"), "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/good/agreement.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"))
        let check = try runCLI(["check", input + "/bad.yaml"])
        #expect(check.status == 1)
    }
}
