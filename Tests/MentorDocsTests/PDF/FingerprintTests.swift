// The data fingerprint follows the values, not the writing: comments, reindenting and quoting
// keep it; changing any one value of any key of the format changes it. The form fingerprint
// follows the template files. Every filled document carries both, a blank form only the form.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct FingerprintTests {
    static let full = try! String(contentsOfFile: Loader.fixture("full.yaml"), encoding: .utf8)

    static func fingerprint(_ yaml: String) throws -> String {
        let partnership = try Loader.partnership(Loader.load(yaml))
        return DataFingerprint.of(partnership.data)
    }

    @Test func commentsDoNotChangeIt() throws {
        let commented = Self.full.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // A trailing comment after a plain scalar (not inside quotes or a flow list).
            if trimmed.contains(": "), !line.contains("'"), !line.contains("\""), !line.contains("["), !line.contains("#") {
                return line + "  # a note"
            }
            return String(line)
        }.joined(separator: "\n# between lines\n")
        #expect(commented != Self.full)
        #expect(try Self.fingerprint(commented) == Self.fingerprint(Self.full))
    }

    @Test func reindentingDoesNotChangeIt() throws {
        let reindented = Self.full.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) -> String in
            let spaces = line.prefix { $0 == " " }.count
            // Every nested line two columns further in: the same nesting, another indentation.
            return spaces == 0 ? String(line) : String(repeating: " ", count: spaces + 2) + line.dropFirst(spaces)
        }.joined(separator: "\n")
        #expect(reindented != Self.full)
        #expect(try Self.fingerprint(reindented) == Self.fingerprint(Self.full))
    }

    @Test func quotingAndKeyOrderDoNotChangeIt() throws {
        let yaml = "program: aset\nmentor:\n  name: Dana Whitfield\n  title: Senior Metallurgist\nterm:\n  start: 2026-01-15\n  months: 12\n"
        let quoted = "program: 'aset'\nterm:\n  months: 12.0\n  start: 2026-01-15\nmentor:\n  title: \"Senior Metallurgist\"\n  name: 'Dana Whitfield'\n"
        #expect(try Self.fingerprint(quoted) == Self.fingerprint(yaml))
    }

    /// Every scalar of full.yaml (which has every key of the format), changed one at a time to
    /// another valid value, gives a fingerprint of its own.
    @Test func changingAnyValueChangesIt() throws {
        let original = try Self.fingerprint(Self.full)
        let lines = Self.full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var seen: [String: Int] = [original: -1]
        var changed = 0
        for (number, line) in lines.enumerated() {
            guard let (prefix, value) = Self.scalar(in: line) else { continue }
            var found = false
            for alternative in Self.alternatives(for: value) {
                var copy = lines
                copy[number] = prefix + alternative
                let outcomes = Loader.load(copy.joined(separator: "\n"))
                guard outcomes.count == 1, case .success(let partnership) = outcomes[0] else { continue }
                let print = DataFingerprint.of(partnership.data)
                #expect(seen[print] == nil, "line \(number + 1) '\(line)' changed to '\(alternative)' gives the fingerprint of line \(seen[print] ?? 0)")
                seen[print] = number + 1
                found = true
                break
            }
            #expect(found, "no valid other value for line \(number + 1): \(line)")
            changed += 1
        }
        #expect(changed > 80, "only \(changed) values changed")
    }

    /// `key: value` or `- value` with a scalar or flow list value: the part before it and it.
    static func scalar(in line: String) -> (String, String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
        var body = Substring(line)
        var prefix = String(line.prefix { $0 == " " })
        body = body.dropFirst(prefix.count)
        if body.hasPrefix("- ") { prefix += "- "; body = body.dropFirst(2) }
        if let colon = body.range(of: ": ") {
            let key = body[..<colon.lowerBound]
            if key.allSatisfy({ $0.isLetter || $0 == "_" }) {
                prefix += body[..<colon.upperBound]
                body = body[colon.upperBound...]
            }
        } else if body.hasSuffix(":") {
            return nil
        }
        if body.hasPrefix("{") || body.isEmpty { return nil }
        return (prefix, String(body))
    }

    /// Other values of the same kind, in the order to try: a changed text, number, date, list or
    /// flag, then the other choices of the format's fixed-choice keys.
    static func alternatives(for value: String) -> [String] {
        var out: [String] = []
        if value.hasPrefix("[") { out.append("[Changed, " + value.dropFirst()) }
        if let quote = value.first, quote == "'" || quote == "\"" { out.append(String(value.dropLast()) + " x" + String(quote)) }
        if let date = CalendarDate(iso: value) ?? CalendarDate(iso: value.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))) {
            out.append(date.adding(months: 1).iso)
        }
        if let n = Double(value) {
            out += [n + 1, n - 1].map { $0 == $0.rounded() ? String(Int($0)) : String($0) }
        }
        if value == "true" || value == "false" { out.append(value == "true" ? "false" : "true") }
        out.append(value + " x")
        let choices: [[String]] = [["short", "long"], ["in-person", "video", "phone"], ["mentee", "mentor", "both"],
                                   ["aset", "nace", "awmi"]]
        for group in choices where group.contains(value) { out += group.filter { $0 != value } }
        return out
    }

    @Test func eachPartnershipOfAStreamHasItsOwn() {
        let outcomes = ParticipantLoader().load(contentsOf: Loader.fixture("stream.yaml"))
        let prints = outcomes.compactMap { try? $0.get() }.map { DataFingerprint.of($0.data) }
        #expect(prints.count >= 2)
        #expect(Set(prints).count == prints.count)
    }

    @Test func theCanonicalFormIsDocumented() throws {
        var out: [UInt8] = []
        DataFingerprint.canonical(.record(["b": .list([.number(2), .number(1.5), Value(.bool(true))]), "a": .text("x\"y\n"),
                                           "c": .date(CalendarDate(iso: "2026-03-01")!)]), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"{"a":"x\"y\u000a","b":[2,1.5,true],"c":@2026-03-01}"#)
    }
}

@Suite struct ProvenanceStampTests {
    let renderer = try! Renderer(library: TemplateLibrary(directory: Repo.templates))

    @Test func aFilledDocumentCarriesBothFingerprintsInItsHeadAndFooter() throws {
        let partnership = try Loader.partnership(ParticipantLoader().load(contentsOf: Repo.examples + "/aset.yaml"))
        let bytes = try renderer.render(partnership.data, program: .aset, document: .agreement, options: RenderOptions())
        let stamp = try #require(FingerprintReader.read(bytes))
        #expect(stamp.data == DataFingerprint.of(partnership.data))
        #expect(stamp.form == renderer.forms.of(program: .aset, document: .agreement))
        #expect(stamp.document == "aset/agreement")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("@bottom-left { content: \"data \(stamp.data!.prefix(12)) · form \(stamp.form.prefix(12)) · mentordocs \(MentorDocsVersion.number)\""))
    }

    @Test func xhtmlCarriesThemAsValidMetaElements() throws {
        let bytes = try renderer.render(nil, program: .caltrans, document: .checkup, options: RenderOptions(format: .xhtml))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<meta name=\"mentordocs-form\" content=\"\(renderer.forms.of(program: .caltrans, document: .checkup)!)\" />"))
    }

    @Test func aBlankFormCarriesOnlyTheFormFingerprint() throws {
        let bytes = try renderer.render(nil, program: .nace, document: .roles, options: RenderOptions())
        let stamp = try #require(FingerprintReader.read(bytes))
        #expect(stamp.data == nil)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("mentordocs-data"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("content: \"form \(stamp.form.prefix(12))"))
    }

    @Test func theFormFingerprintCoversIncludedFilesAndTheLook() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: folder + "/Templates")
        let before = FormFingerprints(library: TemplateLibrary(directory: folder + "/Templates")).of(program: .aset, document: .agreement)
        #expect(before == renderer.forms.of(program: .aset, document: .agreement))
        for file in ["aset/look.xhtml", "shared/blocks.xhtml", "shared/agreement.xhtml"] {
            let path = folder + "/Templates/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try (text + "\n<!-- edited -->\n").write(toFile: path, atomically: true, encoding: .utf8)
            let after = FormFingerprints(library: TemplateLibrary(directory: folder + "/Templates")).of(program: .aset, document: .agreement)
            #expect(after != before, "\(file) is not in the form fingerprint")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // A file the document does not use leaves it alone.
        let other = folder + "/Templates/shared/checkup.xhtml"
        try (try String(contentsOfFile: other, encoding: .utf8) + "\n<!-- edited -->\n").write(toFile: other, atomically: true, encoding: .utf8)
        #expect(FormFingerprints(library: TemplateLibrary(directory: folder + "/Templates")).of(program: .aset, document: .agreement) == before)
    }

    @Test func theFormFingerprintIsOfTheFilesAsTheyWereCompiled() throws {
        // A template edited while a run goes on: the run's documents were made from the text it
        // compiled, and their fingerprint says so; a library that reads the file again sees the edit.
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: folder + "/Templates")
        let library = TemplateLibrary(directory: folder + "/Templates")
        _ = try library.template(program: .aset, document: .agreement)
        let path = folder + "/Templates/shared/blocks.xhtml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n<!-- edited -->\n").write(toFile: path, atomically: true, encoding: .utf8)
        let compiled = FormFingerprints(library: library).of(program: .aset, document: .agreement)
        #expect(compiled == renderer.forms.of(program: .aset, document: .agreement))
        let reread = FormFingerprints(library: TemplateLibrary(directory: folder + "/Templates")).of(program: .aset, document: .agreement)
        #expect(reread != nil && reread != compiled)
    }
}
