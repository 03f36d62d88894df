// A shard manifest is read back from a folder other machines wrote into, so nothing in it is
// trusted: every field is checked before the merge follows a path or sizes anything by a count,
// and each problem names the file and the JSON path of the field (`entries[3].output`).
import Foundation

/// Reads and checks one shard manifest.
enum ManifestCheck {
    /// Upper bounds on counts (far above any real cohort; they keep a forged count harmless).
    static let maxInputs = 100_000_000
    static let maxIndex = 1_000_000
    /// The largest manifest read back (a manifest line is a few hundred bytes).
    static let maxBytes = 1 << 30

    /// The manifest at `path` (shown as `shown`), written for `shard`, checked field by field.
    static func read(_ path: String, shown: String, shard: Shard) throws(MergeError) -> Manifest {
        let data: Data
        switch RegularFile.read(path, limit: maxBytes) {
        case .success(let read): data = read
        case .failure(let failure): throw MergeError(at: "\(shown)", "cannot read manifest: \(failure.reason)")
        }
        if data.count > maxBytes { throw MergeError(at: "\(shown)", "manifest is larger than \(groupedDigits(maxBytes)) bytes") }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw MergeError(at: "\(shown)", "\(describe(error))")
        } catch {
            throw MergeError(at: "\(shown)", "not a manifest: \(error.localizedDescription)")
        }
        try check(manifest, shown: shown, shard: shard)
        return manifest
    }

    /// Every field of a shard's manifest in range, every output path inside the folder.
    static func check(_ m: Manifest, shown: String, shard: Shard) throws(MergeError) {
        func fail(_ path: String, _ message: String) -> MergeError { MergeError(at: "\(shown)", "\(path): \(message)") }
        guard m.manifest == Manifest.version else {
            throw fail("manifest", "expected \"\(Manifest.version)\", found \(quoted(m.manifest))")
        }
        guard m.shard == shard.description else {
            throw fail("shard", "expected \"\(shard)\" (the file's name says so), found " + (m.shard.map(quoted) ?? "null"))
        }
        guard let format = RenderOptions.Format(rawValue: m.format) else {
            throw fail("format", "expected one of \(RenderOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")), found \(quoted(m.format))")
        }
        guard RenderOptions.Paper(rawValue: m.paper) != nil else {
            throw fail("paper", "expected one of \(RenderOptions.Paper.allCases.map(\.rawValue).joined(separator: ", ")), found \(quoted(m.paper))")
        }
        for (i, name) in (m.documents ?? []).enumerated() where DocumentKind(rawValue: name) == nil {
            throw fail("documents[\(i)]", "not a document kind: \(quoted(name))")
        }
        guard (0...maxInputs).contains(m.inputs) else {
            throw fail("inputs", "expected a count from 0 to \(groupedDigits(maxInputs)), found \(m.inputs)")
        }
        for (i, e) in m.entries.enumerated() {
            let at = "entries[\(i)]"
            guard e.position >= 0, e.position < m.inputs else {
                throw fail(at + ".position", "expected 0 to \(m.inputs - 1) (the manifest's inputs), found \(e.position)")
            }
            guard (0...maxIndex).contains(e.index) else { throw fail(at + ".index", "expected 0 to \(groupedDigits(maxIndex)), found \(e.index)") }
            if let row = e.row, !(1...maxInputs).contains(row) { throw fail(at + ".row", "expected a row number from 1, found \(row)") }
            if let program = e.program, Program(rawValue: program) == nil { throw fail(at + ".program", "not a program: \(quoted(program))") }
            if let document = e.document, DocumentKind(rawValue: document) == nil { throw fail(at + ".document", "not a document kind: \(quoted(document))") }
            if let sha = e.sha256, !isDigest(sha) { throw fail(at + ".sha256", "expected 64 lowercase hex digits, found \(quoted(sha))") }
            if let output = e.output {
                if let problem = outputProblem(output, document: e.document, format: format) { throw fail(at + ".output", problem) }
            }
        }
        guard m.combined.isEmpty else { throw fail("combined", "a shard's manifest lists no combined files; found \(m.combined.count)") }
        let s = m.summary
        for (name, value) in [("pairs", s.pairs), ("written", s.written), ("unchanged", s.unchanged), ("failed", s.failed), ("warnings", s.warnings)] where value < 0 || value > maxInputs * 100 {
            throw fail("summary." + name, "expected a count from 0, found \(value)")
        }
    }

    /// Why `output` is not a document path a batch writes (`<id folder>/<document>.<ext>`), if it is not.
    static func outputProblem(_ output: String, document: String?, format: RenderOptions.Format) -> String? {
        let parts = output.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let shown = quoted(output)
        if output.hasPrefix("/") || parts.contains("..") || parts.contains(".") || parts.contains("") || output.contains("\\") {
            return "\(shown) leaves the output folder"
        }
        guard parts.count == 2 else { return "\(shown) is not a document path (<id>/<document>.\(format.fileExtension))" }
        guard OutputPaths.safeComponent(parts[0]) == parts[0], !PartnershipTarget.isReserved(parts[0].lowercased()) else {
            return "\(shown): '\(PrintedName.escaped(parts[0]))' is not a folder name a batch writes"
        }
        guard let document, parts[1] == "\(document).\(format.fileExtension)" else {
            return "\(shown) does not match the entry's document and format (expected <id>/\(document ?? "<document>").\(format.fileExtension))"
        }
        return nil
    }

    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// A value quoted for a message, its control characters escaped.
    static func quoted(_ text: String) -> String { "'" + PrintedName.escaped(String(text.prefix(200))) + "'" }

    /// A decoding error as `path: what was expected`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
            }
            return out.isEmpty ? "(top level)" : out
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(typeName(type))"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)): expected \(typeName(type)), found null"
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            // Foundation's wording for an enum's unknown value ("Cannot initialize Status from
            // invalid String value weird"), said as the other checks say it.
            let words = context.debugDescription.components(separatedBy: "from invalid String value ")
            if words.count == 2, context.codingPath.last?.stringValue == "status" {
                let valid = [ManifestEntry.Status.written, .unchanged, .failed].map(\.rawValue).joined(separator: ", ")
                return "\(path(context.codingPath)): expected one of \(valid), found \(quoted(words[1]))"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "not a manifest"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Array<Any>.Type: return "a list"
        default: return "\(type)".lowercased().hasPrefix("array") ? "a list" : "an object"
        }
    }
}
