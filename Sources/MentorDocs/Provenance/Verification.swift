// `mentordocs verify`: was this document made from this input's data and these templates?

/// The answer of `verify`, with the message that explains it.
public struct Verification: Sendable {
    /// Both match (0), something differs (1), no fingerprint in the document (2).
    public enum Outcome: Int32, Sendable { case matches = 0, differs = 1, noFingerprint = 2 }

    public var outcome: Outcome
    /// One line per finding.
    public var lines: [String]

    /// Compares the fingerprints `document` carries with those of the partnerships in `inputs`
    /// (each a loaded partnership or its problems) and of `renderer`'s templates.
    public static func check(document: [UInt8], named name: String, inputs: [LoadOutcome], input: String,
                             renderer: Renderer) -> Verification {
        // A combined PDF first: it also carries a form fingerprint, and is no blank form.
        if let combined = FingerprintReader.readCombined(document) {
            return check(combined: combined, named: name, inputs: inputs, input: input, renderer: renderer)
        }
        guard let stamp = FingerprintReader.read(document) else {
            return Verification(outcome: .noFingerprint, lines: ["\(name): carries no mentordocs fingerprint (not written by mentordocs, or by a version before 0.3)"])
        }
        var lines: [String] = []
        var same = formLine(document: stamp.document, form: stamp.form, renderer: renderer, into: &lines)

        // The data: any partnership of the input with the same values.
        guard let data = stamp.data else {
            lines.append("data: none, it is a blank form (\(input) not compared)")
            return Verification(outcome: same ? .matches : .differs, lines: lines.map { "\(name): \($0)" })
        }
        let loaded = load(inputs, into: &lines)
        if let (match, _) = loaded.first(where: { $0.1 == data }) {
            lines.append("data: same values as the partnership\(match.id.map { " '\($0)'" } ?? "") at \(match.location) (data \(data.prefix(12)))")
        } else {
            same = false
            if loaded.isEmpty {
                lines.append("data not compared: \(input) holds no partnership that loads (document data \(data.prefix(12)))")
            } else if loaded.count == 1 {
                lines.append("data differs: \(input) now holds other values than the document was made from (document data \(data.prefix(12)), file now \(loaded[0].1.prefix(12)))")
            } else {
                lines.append("data differs: none of the \(loaded.count) partnerships in \(input) holds the values the document was made from (data \(data.prefix(12)))")
            }
        }
        return Verification(outcome: same ? .matches : .differs, lines: lines.map { "\(name): \($0)" })
    }

    /// A combined PDF: each partnership of the input is looked for among the file's pairs, by its
    /// data; it matches when every one is there, made with these templates.
    static func check(combined: CombinedProvenance, named name: String, inputs: [LoadOutcome], input: String,
                      renderer: Renderer) -> Verification {
        var lines: [String] = []
        let loaded = load(inputs, into: &lines)
        guard combined.pairs.contains(where: { $0.data != nil }) else {
            return Verification(outcome: .noFingerprint, lines: ["\(name): a combined file of \(combined.pairs.count) pairs whose PDFs carried no data fingerprint"])
        }
        var same = !loaded.isEmpty
        if loaded.isEmpty { lines.append("data differs: \(input) holds no partnership to look for") }
        var forms: [String] = []
        for (partnership, data) in loaded {
            let who = "the partnership\(partnership.id.map { " '\($0)'" } ?? "") at \(partnership.location)"
            if let index = combined.pairs.firstIndex(where: { $0.data == data }) {
                lines.append("data: same values as \(who): \(combined.describe(index)) (data \(data.prefix(12)))")
                forms.append(combined.pairs[index].form ?? combined.form)
            } else if let id = partnership.id, let index = combined.pairs.firstIndex(where: { $0.id == id }) {
                same = false
                lines.append("data differs: \(combined.describe(index)) was made from other values than \(who) now holds (file data \(combined.pairs[index].data?.prefix(12) ?? "none"), input now \(data.prefix(12)))")
            } else {
                same = false
                lines.append("not in the file: none of its \(combined.pairs.count) pairs was made from the values of \(who) (data \(data.prefix(12)))")
            }
        }
        // The form of every pair found (the file's form when none was).
        for form in Set(forms.isEmpty ? [combined.form] : forms).sorted() {
            if !formLine(document: combined.document, form: form, renderer: renderer, into: &lines) { same = false }
        }
        return Verification(outcome: same ? .matches : .differs, lines: lines.map { "\(name): \($0)" })
    }

    /// Compares a form fingerprint with the templates that would make `document` now; appends
    /// the finding and returns whether they are the same.
    static func formLine(document: String, form: String, renderer: Renderer, into lines: inout [String]) -> Bool {
        let parts = document.split(separator: "/").map(String.init)
        guard parts.count == 2, let program = Program(rawValue: parts[0]), let kind = DocumentKind(rawValue: parts[1]) else {
            lines.append("form differs: the document does not say which form it is ('\(document)')")
            return false
        }
        guard let now = renderer.forms.of(program: program, document: kind) else {
            lines.append("form differs: the \(document) template in \(renderer.library.directory) does not load")
            return false
        }
        if now == form {
            lines.append("form: same templates (\(document), form \(form.prefix(12)))")
            return true
        }
        lines.append("form differs: the \(document) templates in \(renderer.library.directory) are not the ones that made it (document form \(form.prefix(12)), templates now \(now.prefix(12)))")
        return false
    }

    /// The input's partnerships with their data fingerprints; a line for each that cannot be read.
    static func load(_ inputs: [LoadOutcome], into lines: inout [String]) -> [(Partnership, String)] {
        var loaded: [(Partnership, String)] = []
        for outcome in inputs {
            switch outcome {
            case .success(let partnership): loaded.append((partnership, DataFingerprint.of(partnership.data)))
            case .failure(let problems): lines.append("cannot read a partnership: \((problems.diagnostics.first { $0.severity == .error } ?? problems.diagnostics.first)?.headline ?? "error")")
            }
        }
        return loaded
    }
}
