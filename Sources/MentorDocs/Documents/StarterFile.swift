// The commented participant file `mentordocs init` writes for one program: every key the
// program's own forms read (found in the compiled templates), in the order a coordinator fills
// them, each with what it is and which forms print it. All values are empty, so the file passes
// `check` as written and renders the blank forms.

/// A starter participant file for a program.
public enum StarterFile {
    /// Top-level keys in the order a coordinator fills them: who and when, what was signed, the
    /// plan, then what happens during the term and at its end.
    static let order = ["program", "id", "mentor", "mentee", "term", "schedule", "signed",
                        "goals", "expectations", "role_expectations", "competencies", "ground_rules",
                        "reflection", "development", "tasks", "skills", "checkpoints",
                        "meetings", "status", "reported_by", "continuing", "checkups",
                        "achievements", "closing"]

    /// Values the renderer computes for templates, and the file keys each is made from (a key
    /// stands for every path below it, the longest match wins).
    static let computedSources: [String: [String]] = [
        "program": ["program"],
        "pair": ["mentor.name", "mentee.name"],
        "print": [],
        "plan_rows": ["goals.[].goal", "achievements"],
        "plan_rows.[].planned": ["goals.[].goal"],
        "plan_rows.[].achieved": ["achievements"],
        "expectation_rows": ["role_expectations.of_mentee", "role_expectations.of_mentor"],
        "expectation_rows.[].of_mentee": ["role_expectations.of_mentee"],
        "expectation_rows.[].of_mentor": ["role_expectations.of_mentor"],
        "checkin": ["meetings.[].date", "meetings.[].hours", "meetings.[].mode"],
        "checkups.[].hours_so_far": ["checkups.[].date", "meetings.[].date", "meetings.[].hours"],
        "checkups.[].time_so_far": ["checkups.[].date", "term.start", "meetings.[].date"],
    ]

    /// Computed lists that hold some of the entries of a file's list, and the key of an entry
    /// that decides which: a form that reads `goals_long` reads each goal's `term`.
    static let sameEntries = ["goals_short": ("goals", "goals.[].term"), "goals_long": ("goals", "goals.[].term")]

    /// The file keys a template path reads (itself, unless it is computed).
    static func fileKeys(for templatePath: String) -> [String] {
        var parts = templatePath.split(separator: ".").map(String.init)
        var chooser: [String] = []
        if let first = parts.first, let (list, key) = sameEntries[first] { parts[0] = list; chooser = [key] }
        let path = parts.joined(separator: ".")
        let match = computedSources.keys.filter { path == $0 || path.hasPrefix($0 + ".") }.max { $0.count < $1.count }
        return (match.map { computedSources[$0]! } ?? [path]) + chooser
    }

    /// The file keys each of the program's own forms reads, with the forms, in program order.
    public static func usage(program: Program, library: TemplateLibrary) throws(DiagnosticList) -> [String: [DocumentKind]] {
        var used: [String: [DocumentKind]] = [:]
        for document in program.documents {
            let template = try library.template(program: program, document: document)
            for path in template.dataPaths {
                for var key in fileKeys(for: path) {
                    // `expectations.[]` (an entry of a list of texts) is the key `expectations`.
                    while key.hasSuffix(".[]") { key.removeLast(3) }
                    if used[key]?.contains(document) != true { used[key, default: []].append(document) }
                }
            }
        }
        return used
    }

    /// The text of the starter file.
    public static func text(program: Program, library: TemplateLibrary) throws(DiagnosticList) -> String {
        let used = try usage(program: program, library: library)
        var lines = [
            "# A participant file for one \(program.displayName) partnership (\(program.handbook)),",
            "# started by `mentordocs init`. Forms: \(program.documents.map(\.rawValue).joined(separator: ", ")).",
            "# Write each value after its colon; a key left empty prints as a blank line to fill in by hand.",
            "# Dates are YYYY-MM-DD. A list takes one \"- item\" per line. For a list of entries, remove the",
            "# \"#\" in front of the example entry and copy it for each further entry. Quote a value that",
            "# holds \": \" or starts with [ { * & ! | > % @ or a quote. The comment says which forms print a key.",
            "# Then: mentordocs check FILE, and mentordocs render FILE.",
            "",
        ]
        guard case .record(let fields) = ParticipantFormat.file else { return "" }
        for name in order {
            guard let field = fields.first(where: { $0.name == name }) else { continue }
            let writer = Writer(used: used, program: program)
            if name == "program" || name == "id" || writer.isUsed([name]) {
                lines += writer.lines(field, path: [name], indent: "", entry: false, commented: false)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the lines of one key and, for groups, of the keys inside it.
    struct Writer {
        let used: [String: [DocumentKind]]
        let program: Program
        static let commentColumn = 34

        func isUsed(_ path: [String]) -> Bool {
            let key = path.joined(separator: ".")
            return used[key] != nil || used.keys.contains { $0.hasPrefix(key + ".") }
        }

        /// The forms reading the key or anything inside it, in the program's order.
        func forms(_ path: [String]) -> [DocumentKind] {
            let key = path.joined(separator: ".")
            let found = Set(used.filter { $0.key == key || $0.key.hasPrefix(key + ".") }.flatMap(\.value))
            return program.documents.filter(found.contains)
        }

        func lines(_ field: Field, path: [String], indent: String, entry: Bool, commented: Bool) -> [String] {
            let marker = commented ? "#" : ""
            let lead = entry ? String(indent.dropLast(2)) + "- " : indent
            var value = ""
            if path == ["program"] { value = " " + program.rawValue }
            var line = marker + lead + field.name + ":" + value
            line += String(repeating: " ", count: max(1, Writer.commentColumn - line.count)) + "# " + comment(field, path: path)
            var out = [line]
            switch field.shape {
            case .record(let inner):
                for child in inner where isUsed(path + [child.name]) {
                    out += lines(child, path: path + [child.name], indent: indent + "  ", entry: false, commented: commented)
                }
            case .list(.record(let inner)):
                var first = true
                for child in inner where isUsed(path + ["[]", child.name]) {
                    out += lines(child, path: path + ["[]", child.name], indent: indent + "    ", entry: first, commented: true)
                    first = false
                }
            default:
                break
            }
            return out
        }

        func comment(_ field: Field, path: [String]) -> String {
            let key = path.joined(separator: ".").replacingOccurrences(of: ".[]", with: "[]")
            var text = ParticipantFormat.descriptions[key] ?? field.name
            switch field.shape {
            case .date: text += ", YYYY-MM-DD"
            case .list(.record): break
            case .list: text += "; a list"
            case .choice(let words) where path == ["program"]: text += ": " + words.joined(separator: ", ")
            default: break
            }
            let forms = path == ["program"] ? "every form" : forms(path).map(\.rawValue).joined(separator: ", ")
            return text + " (" + (forms.isEmpty ? "not printed" : forms) + ")"
        }
    }
}
