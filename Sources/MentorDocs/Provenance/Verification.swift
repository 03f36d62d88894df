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
        guard let stamp = FingerprintReader.read(document) else {
            return Verification(outcome: .noFingerprint, lines: ["\(name): carries no mentordocs fingerprint (not written by mentordocs, or by a version before 0.3)"])
        }
        var lines: [String] = []
        var same = true

        // The form: the templates that would make this document now.
        let parts = stamp.document.split(separator: "/").map(String.init)
        if parts.count == 2, let program = Program(rawValue: parts[0]), let kind = DocumentKind(rawValue: parts[1]) {
            if let now = renderer.forms.of(program: program, document: kind) {
                if now == stamp.form {
                    lines.append("form: same templates (\(stamp.document), form \(stamp.form.prefix(12)))")
                } else {
                    same = false
                    lines.append("form differs: the \(stamp.document) templates in \(renderer.library.directory) are not the ones that made it (document form \(stamp.form.prefix(12)), templates now \(now.prefix(12)))")
                }
            } else {
                same = false
                lines.append("form differs: the \(stamp.document) template in \(renderer.library.directory) does not load")
            }
        } else {
            same = false
            lines.append("form differs: the document does not say which form it is ('\(stamp.document)')")
        }

        // The data: any partnership of the input with the same values.
        guard let data = stamp.data else {
            lines.append("data: none, it is a blank form (\(input) not compared)")
            return Verification(outcome: same ? .matches : .differs, lines: lines.map { "\(name): \($0)" })
        }
        var loaded: [(Partnership, String)] = []
        for outcome in inputs {
            switch outcome {
            case .success(let partnership): loaded.append((partnership, DataFingerprint.of(partnership.data)))
            case .failure(let problems): lines.append("\(input): cannot read a partnership: \(problems.diagnostics.first?.headline ?? "error")")
            }
        }
        if let (match, _) = loaded.first(where: { $0.1 == data }) {
            lines.append("data: same values as the partnership\(match.id.map { " '\($0)'" } ?? "") at \(match.location) (data \(data.prefix(12)))")
        } else {
            same = false
            if loaded.count == 1 {
                lines.append("data differs: \(input) now holds other values than the document was made from (document data \(data.prefix(12)), file now \(loaded[0].1.prefix(12)))")
            } else {
                lines.append("data differs: none of the \(loaded.count) partnerships in \(input) holds the values the document was made from (data \(data.prefix(12)))")
            }
        }
        return Verification(outcome: same ? .matches : .differs, lines: lines.map { "\(name): \($0)" })
    }
}
