// `DIR/manifest.json`: every document of a batch run, in input order, with its sha256 and status.
// Written as it goes (one entry per line, fixed key order), so the same inputs give the same
// bytes and a large cohort never sits in memory; read back with Codable to merge shards.
import Foundation

/// One line of the manifest: a document, or a partnership or file that produced none.
struct ManifestEntry: Codable, Sendable, Hashable {
    /// What happened to the entry.
    public enum Status: String, Codable, Sendable {
        case written, unchanged, failed
    }

    /// The participant file (or roster) it came from, as found.
    public var input: String
    /// Position of the input in the whole run's sorted list (the same on every shard).
    public var position: Int
    /// 0-based partnership number in the file's YAML stream (0 for a roster row).
    public var index: Int
    /// The roster row, for partnerships read from a roster.
    public var row: Int?
    /// The partnership's id (or the name its output folder is derived from).
    public var id: String?
    /// Its program.
    public var program: String?
    /// "Mentor and Mentee", when both names are known.
    public var pair: String?
    /// The document kind; nil for a partnership or file that failed before any document.
    public var document: String?
    /// Output path relative to the output folder.
    public var output: String?
    /// SHA-256 of the document's bytes, lowercase hex.
    public var sha256: String?
    public var status: Status
    /// What went wrong, one diagnostic per line.
    public var error: String?
    /// The document's data fingerprint (SHA-256 of the partnership's values; see docs/pdf.md).
    public var dataFingerprint: String?
    /// The document's form fingerprint (SHA-256 of the template files that made it).
    public var formFingerprint: String?

    /// Creates an entry.
    public init(input: String, position: Int, index: Int, row: Int? = nil, id: String? = nil, program: String? = nil,
                pair: String? = nil, document: String? = nil, output: String? = nil, sha256: String? = nil,
                status: Status, error: String? = nil) {
        self.input = input
        self.position = position
        self.index = index
        self.row = row
        self.id = id
        self.program = program
        self.pair = pair
        self.document = document
        self.output = output
        self.sha256 = sha256
        self.status = status
        self.error = error
    }

    /// The entry as one JSON object, keys in a fixed order.
    var json: String {
        var out = "{"
        out += "\"input\": \(JSONText.string(input)), \"position\": \(position), \"index\": \(index), "
        out += "\"row\": \(row.map(String.init) ?? "null"), \"id\": \(JSONText.optional(id)), "
        out += "\"program\": \(JSONText.optional(program)), \"pair\": \(JSONText.optional(pair)), "
        out += "\"document\": \(JSONText.optional(document)), \"output\": \(JSONText.optional(output)), "
        out += "\"sha256\": \(JSONText.optional(sha256)), \"status\": \"\(status.rawValue)\", \"error\": \(JSONText.optional(error))"
        if dataFingerprint != nil || formFingerprint != nil {
            out += ", \"dataFingerprint\": \(JSONText.optional(dataFingerprint)), \"formFingerprint\": \(JSONText.optional(formFingerprint))"
        }
        return out + "}"
    }
}

/// A file made from the whole cohort: a combined print file or the index.
struct CombinedEntry: Codable, Sendable, Hashable {
    /// Its path relative to the output folder.
    public var output: String
    public var program: String?
    public var document: String?
    /// How many partnerships it holds.
    public var pairs: Int
    public var sha256: String?
    public var status: ManifestEntry.Status
    public var error: String?

    var json: String {
        "{\"output\": \(JSONText.string(output)), \"program\": \(JSONText.optional(program)), "
            + "\"document\": \(JSONText.optional(document)), \"pairs\": \(pairs), \"sha256\": \(JSONText.optional(sha256)), "
            + "\"status\": \"\(status.rawValue)\", \"error\": \(JSONText.optional(error))}"
    }
}

/// The counts of the summary line.
public struct BatchSummary: Codable, Sendable, Hashable {
    /// Partnerships read (a file that could not be read at all counts as one).
    public var pairs = 0
    public var written = 0
    public var unchanged = 0
    /// Failed documents, plus each partnership or file that produced none.
    public var failed = 0
    /// The signal that stopped the run early (`SIGINT`, `SIGTERM`), if one did.
    public var interrupted: String?

    /// Creates counts.
    public init(pairs: Int = 0, written: Int = 0, unchanged: Int = 0, failed: Int = 0, interrupted: String? = nil) {
        self.pairs = pairs
        self.written = written
        self.unchanged = unchanged
        self.failed = failed
        self.interrupted = interrupted
    }

    /// `N pairs, N documents written, N unchanged, N failed`, with "1 pair" and "1 document", and
    /// a note when nothing needed writing.
    public var line: String {
        var text = "\(pairs) \(pairs == 1 ? "pair" : "pairs"), \(written) \(written == 1 ? "document" : "documents") written, \(unchanged) unchanged, \(failed) failed"
        if let interrupted { text += " (interrupted by \(interrupted))" }
        else if written == 0, failed == 0, unchanged > 0 { text += " (everything was already up to date)" }
        return text
    }

    mutating func count(_ entry: ManifestEntry) {
        switch entry.status {
        case .written: written += 1
        case .unchanged: unchanged += 1
        case .failed: failed += 1
        }
    }

    var json: String {
        "{\"pairs\": \(pairs), \"written\": \(written), \"unchanged\": \(unchanged), \"failed\": \(failed), "
            + "\"interrupted\": \(JSONText.optional(interrupted))}"
    }
}

/// A whole manifest, as read back.
struct Manifest: Codable, Sendable {
    /// `mentordocs-batch/1`.
    public var manifest: String
    /// `K/N` for one shard's manifest; nil for a whole run (or a merged one).
    public var shard: String?
    public var format: String
    public var paper: String
    /// The `--doc` list; nil when each program's own forms were rendered.
    public var documents: [String]?
    /// Units of the whole run before sharding: files, plus roster rows.
    public var inputs: Int
    public var entries: [ManifestEntry]
    public var combined: [CombinedEntry]
    public var summary: BatchSummary

    static let version = "mentordocs-batch/1"

    /// Reads a manifest file.
    public static func read(_ path: String) throws -> Manifest {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(Manifest.self, from: data)
    }
}

/// Writes the manifest entry by entry.
final class ManifestWriter {
    private let file: StreamingFile
    private var first = true

    init(path: String, shard: Shard?, options: RenderOptions, documents: [DocumentKind]?, inputs: Int) throws(WriteError) {
        file = try StreamingFile(path: path)
        var head = "{\n  \"manifest\": \"\(Manifest.version)\",\n"
        head += "  \"shard\": \(JSONText.optional(shard?.description)),\n"
        head += "  \"format\": \"\(options.format.rawValue)\",\n  \"paper\": \"\(options.paper.rawValue)\",\n"
        head += "  \"documents\": " + (documents.map { "[" + $0.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" } ?? "null") + ",\n"
        head += "  \"inputs\": \(inputs),\n  \"entries\": ["
        try file.write(head)
    }

    func append(_ entry: ManifestEntry) throws(WriteError) {
        try append(json: entry.json)
    }

    /// Appends an entry already written as JSON (`ManifestEntry.json`).
    func append(json: String) throws(WriteError) {
        try file.write((first ? "\n    " : ",\n    ") + json)
        first = false
    }

    /// Closes the entries, adds the combined files and the summary, and commits the file.
    func finish(combined: [CombinedEntry], summary: BatchSummary) throws(WriteError) -> WriteOutcome {
        var tail = first ? "],\n" : "\n  ],\n"
        tail += "  \"combined\": [" + combined.map { "\n    " + $0.json }.joined(separator: ",") + (combined.isEmpty ? "],\n" : "\n  ],\n")
        tail += "  \"summary\": \(summary.json)\n}\n"
        try file.write(tail)
        return try file.commit(force: false).0
    }

    func discard() { file.discard() }
}

/// JSON text for strings, escaped by the JSON rules. Line and paragraph separators, C1 controls,
/// DEL and the byte-order mark are escaped too, so the same text is a valid YAML double-quoted
/// scalar (the roster writes its cells this way).
enum JSONText {
    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    static func string(_ text: String) -> String {
        // Paths, ids and digests need no escape: every byte below 0x80 that is not a control
        // character, quote or backslash is written as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let hex = String(v, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
