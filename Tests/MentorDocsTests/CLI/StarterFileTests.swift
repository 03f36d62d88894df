// `mentordocs init`'s starter file, for every program: it loads strictly with no problem, renders
// each of the program's forms exactly as the blank form, and lists the keys those forms read.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct StarterFileTests {
    static let library = TemplateLibrary(directory: Repo.templates)

    @Test(arguments: Program.allCases)
    func passesCheckAndRendersTheBlankForms(program: Program) throws {
        let text = try StarterFile.text(program: program, library: Self.library)
        let partnership = try Loader.partnership(Loader.load(text, strict: true))
        #expect(partnership.warnings.isEmpty)
        #expect(partnership.program == program)
        let renderer = try Renderer(library: Self.library)
        for document in program.documents {
            let filled = try renderer.render(partnership.data, program: program, document: document, options: RenderOptions())
            let blank = try renderer.render(nil, program: program, document: document, options: RenderOptions())
            // The same document but for the data fingerprint, which only a filled one carries.
            #expect(Self.withoutDataFingerprint(filled) == blank, "\(program.rawValue) \(document.rawValue)")
        }
    }

    /// A document with its data fingerprint (the meta element and the footer's `data …· `) taken out.
    static func withoutDataFingerprint(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if let meta = text.range(of: #"<meta name="mentordocs-data" content="[0-9a-f]{64}">\n"#, options: .regularExpression) {
            text.removeSubrange(meta)
        }
        if let footer = text.range(of: #"data [0-9a-f]{12} · "#, options: .regularExpression) { text.removeSubrange(footer) }
        return Array(text.utf8)
    }

    @Test(arguments: Program.allCases)
    func listsExactlyTheKeysTheFormsRead(program: Program) throws {
        let text = try StarterFile.text(program: program, library: Self.library)
        let usage = try StarterFile.usage(program: program, library: Self.library)
        let written = Self.keyPaths(text)
        // Every key a form reads is in the file (uncommented or in a commented example entry).
        for key in usage.keys { #expect(written.contains(key), "\(program.rawValue): \(key) is missing") }
        // Each key's comment ends with the forms that print it, all among the program's own.
        let names = Set(program.documents.map(\.rawValue) + ["every form", "not printed"])
        for line in Self.body(text) {
            let forms = line.components(separatedBy: "(").last ?? ""
            #expect(forms.hasSuffix(")"), "\(line)")
            #expect(forms.dropLast().components(separatedBy: ", ").allSatisfy(names.contains), "\(line)")
        }
        #expect(Self.body(text).count == written.count, "one key per line")
        #expect(text.contains("program: \(program.rawValue) "))
    }

    @Test func formsDecideTheKeys() throws {
        let caltrans = try StarterFile.text(program: .caltrans, library: Self.library)
        let nace = try StarterFile.text(program: .nace, library: Self.library)
        #expect(caltrans.contains("  supervisor:") && caltrans.contains("checkups:"))
        #expect(!nace.contains("checkups:") && !nace.contains("development:"))
        let aset = try StarterFile.usage(program: .aset, library: Self.library)
        #expect(aset["meetings.[].hours"]?.contains(.checkIn) == true, "the check-in's hours come from the meetings")
        #expect(aset["goals.[].actions.[].done"]?.contains(.actionPlan) == true)
        // The action plan splits the goals by their term: a form that shows long-term goals reads it.
        #expect(aset["goals.[].term"] == [.actionPlan], "\(aset["goals.[].term"] ?? [])")
        #expect(try StarterFile.text(program: .aset, library: Self.library).contains("#    term: "))
    }

    @Test func everyKeyIsDescribedOnceAndEveryComputedValueHasItsSources() throws {
        let paths = Set(Self.formatPaths(ParticipantFormat.file))
        #expect(Set(ParticipantFormat.descriptions.keys) == paths)
        #expect(Set(StarterFile.order) == Set(ParticipantFormat.file.fieldNames))
        #expect(StarterFile.order.count == ParticipantFormat.file.fieldNames.count)
        for path in Self.computedPaths(ParticipantFormat.template) {
            for key in StarterFile.fileKeys(for: path) {
                #expect(paths.contains(key.replacingOccurrences(of: ".[]", with: "[]")), "\(path) -> \(key)")
            }
        }
    }

    /// The lines after the header comment: one key each, an example entry's keys behind `#`.
    static func body(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n").split(separator: "\n").map(String.init)
    }

    /// Dotted key paths in the starter text, list entries as `[]` (`goals.[].actions.[].done`).
    static func keyPaths(_ text: String) -> Set<String> {
        var stack: [(column: Int, path: String)] = []
        var out = Set<String>()
        for raw in body(text) {
            let line = (raw.hasPrefix("#") ? String(raw.dropFirst()) : raw).prefix { $0 != "#" }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon]
            let key = head.trimmingCharacters(in: CharacterSet(charactersIn: " -"))
            let column = head.count - key.count
            while let last = stack.last, last.column >= column { stack.removeLast() }
            // An entry's keys sit four columns in from its list's key, a group's keys two.
            let parent = stack.last.map { $0.path + (column - $0.column == 4 ? ".[]." : ".") } ?? ""
            stack.append((column, parent + key))
            out.insert(parent + key)
        }
        return out
    }

    static func formatPaths(_ shape: Shape, _ prefix: String = "") -> [String] {
        switch shape {
        case .record(let fields):
            return fields.flatMap { field in
                let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                return [path] + formatPaths(field.shape, path)
            }
        case .list(let item): return formatPaths(item, prefix + "[]")
        default: return []
        }
    }

    /// Template paths of computed values (`checkin.hours.total`, `checkups.[].hours_so_far`).
    static func computedPaths(_ shape: Shape, _ prefix: String = "", computed: Bool = false) -> [String] {
        switch shape {
        case .record(let fields):
            return fields.flatMap { field -> [String] in
                let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                let isComputed = computed || field.computed
                return (isComputed ? [path] : []) + computedPaths(field.shape, path, computed: isComputed)
            }
        case .list(let item): return computedPaths(item, prefix + ".[]", computed: computed)
        default: return []
        }
    }
}
