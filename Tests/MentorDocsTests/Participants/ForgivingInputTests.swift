// Input that is almost right: a day that does not exist says why, program and other listed
// words forgive case, and a byte-order mark may start any document of a stream.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ForgivingInputTests {
    @Test(arguments: [
        ("2026-04-31", "April has 30 days"), ("2026-06-31", "June has 30 days"), ("2026-09-31", "September has 30 days"),
        ("2026-11-31", "November has 30 days"), ("2026-01-32", "January has 31 days"),
        ("2026-02-29", "February 2026 has 28 days (2026 is not a leap year)"),
        ("1900-02-29", "February 1900 has 28 days (1900 is not a leap year)"),
        ("2028-02-30", "February 2028 has 29 days"), ("2026-02-30", "February 2026 has 28 days (2026 is not a leap year)"),
    ])
    func aDayThatDoesNotExistSaysWhy(text: String, why: String) {
        #expect(Loader.headlines(Loader.load("term:\n  start: \(text)\n"))
                == ["pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '\(text)': \(why)"])
    }

    @Test(arguments: ["2026-13-01", "2026-00-10", "2026-04-00", "2026-4-31", "0000-01-01"])
    func textThatIsNoDateKeepsThePlainMessage(text: String) {
        #expect(Loader.headlines(Loader.load("term:\n  start: \(text)\n"))
                == ["pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '\(text)'"])
    }

    @Test func leapDaysExist() throws {
        let p = try Loader.partnership(Loader.load("term:\n  start: 2028-02-29\n  end: 2000-02-29\n"))
        #expect(p.data.lookup(["term", "start"])?.date == CalendarDate(year: 2028, month: 2, day: 29))
    }

    @Test(arguments: [("Caltrans", "caltrans"), ("AWMI", "awmi"), ("aSeT", "aset"), ("nace", "nace"), ("Generic", "generic")])
    func programNamesForgiveCase(written: String, key: String) throws {
        let p = try Loader.partnership(Loader.load("program: \(written)\n"))
        #expect(p.data["program"]?.text == key)
        #expect(p.program?.rawValue == key)
    }

    @Test func otherListedWordsForgiveCaseToo() throws {
        let p = try Loader.partnership(Loader.load("meetings:\n  - mode: Video\nreported_by: MENTEE\n"))
        #expect(p.data.lookup(["meetings", "0", "mode"])?.text == "video")
        #expect(p.data["reported_by"]?.text == "mentee")
    }

    @Test func aByteOrderMarkMayStartALaterDocument() throws {
        let yaml = "\u{FEFF}id: one\n...\n\u{FEFF}---\nid: two\n---\n\u{FEFF}id: three\n"
        let outcomes = Loader.load(yaml)
        #expect(try outcomes.map { try $0.get().id } == ["one", "two", "three"])
    }

    @Test func aByteOrderMarkInsideTextIsKept() throws {
        let p = try Loader.partnership(Loader.load("status: a\u{FEFF}b\n"))
        #expect(p.data["status"]?.text == "a\u{FEFF}b")
    }
}
