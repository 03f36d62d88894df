// Text hygiene of participant files: encodings, byte-order marks, line endings, control
// characters and binary input, and that no input crashes the loader.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct ParticipantTextTests {
    static let sample = "id: x\nmentor:\n  name: Zoë Ñandú 李小龍\n"

    private func expectSample(_ outcomes: [LoadOutcome], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let p = try Loader.partnership(outcomes, sourceLocation: sourceLocation)
        let name = try #require(p.data.lookup(["mentor", "name"]), sourceLocation: sourceLocation)
        #expect(name.text == "Zoë Ñandú 李小龍", sourceLocation: sourceLocation)
        #expect(name.location == SourceLocation(file: "pair.yaml", line: 3, column: 9), sourceLocation: sourceLocation)
    }

    // MARK: Encodings

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        try expectSample(Loader.load(bytes: Data([0xEF, 0xBB, 0xBF]) + Data(Self.sample.utf8)))
        // Without skipping it, libyaml counts the mark as a column of line 1.
        let p = try Loader.partnership(Loader.load(bytes: Data([0xEF, 0xBB, 0xBF]) + Data(Self.sample.utf8)))
        #expect(p.data["id"]?.location == SourceLocation(file: "pair.yaml", line: 1, column: 5))
    }

    @Test(arguments: [
        ([0xFF, 0xFE], String.Encoding.utf16LittleEndian),
        ([0xFE, 0xFF], .utf16BigEndian),
        ([0xFF, 0xFE, 0x00, 0x00], .utf32LittleEndian),
        ([0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian),
    ] as [([UInt8], String.Encoding)])
    func utf16AndUTF32WithAByteOrderMarkAreDecoded(mark: [UInt8], encoding: String.Encoding) throws {
        let data = Data(mark) + (try #require(Self.sample.data(using: encoding)))
        try expectSample(Loader.load(bytes: data))
    }

    @Test func invalidUTF8IsLocatedByByteLineAndColumn() {
        let data = Data("id: x\nmentor:\n  name: Zo".utf8) + Data([0xC3, 0x28]) + Data(" W\n".utf8)
        let outcomes = Loader.load(bytes: data)
        #expect(Loader.headlines(outcomes) == ["pair.yaml:3:11: error: invalid UTF-8 at byte 24; save the file as UTF-8"])
        if case .failure(let list) = outcomes.first {
            #expect(list.diagnostics.first?.sourceLine == "  name: Zo\u{FFFD}( W")
        }
    }

    @Test func invalidUTF16IsLocated() {
        let data = Data([0xFF, 0xFE]) + "id: x\nmentor: ".data(using: .utf16LittleEndian)! + Data([0x00, 0xD8, 0x41, 0x00])
        #expect(Loader.headlines(Loader.load(bytes: data))
                == ["pair.yaml:2:9: error: invalid UTF-16 at byte 30; save the file as UTF-8"])
    }

    @Test func utf16WithoutAByteOrderMarkIsRefused() {
        let data = Self.sample.data(using: .utf16LittleEndian)!
        #expect(Loader.headlines(Loader.load(bytes: data)) == [
            "pair.yaml:1:2: error: file contains NUL bytes: it is binary, or UTF-16/UTF-32 text without a byte-order mark; a participant file is YAML text saved as UTF-8",
        ])
    }

    // MARK: Line endings

    @Test func crlfAndCRLineEndingsAreAccepted() throws {
        for ending in ["\r\n", "\r"] {
            let yaml = Self.sample.replacingOccurrences(of: "\n", with: ending)
            try expectSample(Loader.load(yaml))
            let p = try Loader.partnership(Loader.load(yaml + "status: |" + ending + "  a" + ending + "  b" + ending))
            #expect(p.data["status"]?.text == "a\nb\n")
        }
    }

    // MARK: Control characters

    @Test(arguments: [
        ("\u{07}", "U+0007"), ("\u{01}", "U+0001"), ("\u{1B}", "U+001B"), ("\u{0B}", "U+000B"),
        ("\u{7F}", "U+007F"), ("\u{80}", "U+0080"), ("\u{85}", "U+0085"), ("\u{9F}", "U+009F"),
    ])
    func rawControlCharactersAreRefused(character: String, name: String) {
        let yaml = "id: x\nstatus: on\(character)track\n"
        #expect(Loader.headlines(Loader.load(yaml))
                == ["pair.yaml:2:11: error: control character \(name) is not allowed in a participant file"])
    }

    @Test func aNULByteMakesTheFileBinary() {
        #expect(Loader.headlines(Loader.load("id: x\nstatus: on\u{00}track\n")) == [
            "pair.yaml:2:11: error: file contains NUL bytes: it is binary, or UTF-16/UTF-32 text without a byte-order mark; a participant file is YAML text saved as UTF-8",
        ])
    }

    @Test func rawControlCharactersAreNotPrintedInTheSourceLine() throws {
        guard case .failure(let list) = try #require(Loader.load("status: a\u{1B}[2Jb\n").first) else {
            Issue.record("expected a failure")
            return
        }
        #expect(list.diagnostics.first?.sourceLine == "status: a\u{FFFD}[2Jb")
    }

    @Test(arguments: [
        (#""on\atrack""#, "U+0007"), (#""on\0track""#, "U+0000"), (#""on\etrack""#, "U+001B"),
        (#""on\x7Ftrack""#, "U+007F"), (#""on\Ntrack""#, "U+0085"), (#""on\u0090track""#, "U+0090"),
    ])
    func escapedControlCharactersAreRefused(value: String, name: String) {
        #expect(Loader.headlines(Loader.load("mentor:\n  name: \(value)\n"))
                == ["pair.yaml:2:9: error: mentor.name: control character \(name) is not allowed in text"])
    }

    @Test func tabsAndLineBreaksInTextAreKept() throws {
        let p = try Loader.partnership(Loader.load("status: \"a\\tb\\r\\nc\"\n"))
        #expect(p.data["status"]?.text == "a\tb\r\nc")
    }

    // MARK: Garbage

    @Test(arguments: [
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D],  // a PNG's start
        [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00],  // an ELF header
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],  // a zip (.docx) header
    ] as [[UInt8]])
    func binaryFilesAreRefused(bytes: [UInt8]) {
        let headlines = Loader.headlines(Loader.load(bytes: Data(bytes)))
        #expect(headlines.count == 1)
        #expect(headlines.first?.contains("error: file contains NUL bytes: it is binary") == true)
    }

    @Test func noInputCrashesTheLoader() throws {
        // Mutations of a valid file and random bytes, reproducible from a fixed seed.
        let base = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Loader.fixture("full.yaml"))))
        let specials = [UInt8]("[]{}*&:-?!|>\"'\t\n\r\\%@#,~ <".utf8) + [0x00, 0xC3, 0xFF, 0x85, 0xE2]
        var random = SeededGenerator(seed: 2026)
        for round in 0..<300 {
            var bytes = base
            if round % 10 == 0 {
                bytes = (0..<random.below(400)).map { _ in UInt8(random.below(256)) }
            } else {
                for _ in 0...random.below(4) where !bytes.isEmpty {
                    let at = random.below(bytes.count)
                    switch random.below(4) {
                    case 0: bytes[at] = specials[random.below(specials.count)]
                    case 1: bytes.insert(specials[random.below(specials.count)], at: at)
                    case 2: bytes.remove(at: at)
                    default: bytes.removeSubrange(at...)
                    }
                }
            }
            let outcomes = Loader.load(bytes: Data(bytes))
            #expect(!outcomes.isEmpty)
            for case .failure(let list) in outcomes {
                #expect(!list.diagnostics.isEmpty)
            }
        }
    }

    @Test func aMessageShowsWhatCannotBeSeenOrWouldReorderIt() {
        // A zero-width space makes '2026-01-15' no date; the message must not look as if it were one.
        #expect(Loader.headlines(Loader.load("term:\n  start: \"2026-01-1\u{200B}5\"\n")) == [
            "pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found '2026-01-1\\u{200B}5'",
        ])
        #expect(Loader.headlines(Loader.load("term:\n  start: \"x\u{202E}y\u{FEFF}\"\n")) == [
            "pair.yaml:2:10: error: term.start: expected a date written YYYY-MM-DD, found 'x\\u{202E}y\\u{FEFF}'",
        ])
    }
}
