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
    /// Warnings about its partnership (an unknown key, a meeting after the term), one per line:
    /// it was written, but may not say what its file meant to.
    public var warnings: String?
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
        var out = JSONText.Builder()
        out.literal("{\"input\": "); out.string(input)
        out.literal(", \"position\": "); out.number(position)
        out.literal(", \"index\": "); out.number(index)
        out.literal(", \"row\": "); if let row { out.number(row) } else { out.literal("null") }
        out.literal(", \"id\": "); out.optional(id)
        out.literal(", \"program\": "); out.optional(program)
        out.literal(", \"pair\": "); out.optional(pair)
        out.literal(", \"document\": "); out.optional(document)
        out.literal(", \"output\": "); out.optional(output)
        out.literal(", \"sha256\": "); out.optional(sha256)
        out.literal(", \"status\": "); out.string(status.rawValue)
        out.literal(", \"error\": "); out.optional(error)
        if let warnings { out.literal(", \"warnings\": "); out.string(warnings) }
        if dataFingerprint != nil || formFingerprint != nil {
            out.literal(", \"dataFingerprint\": "); out.optional(dataFingerprint)
            out.literal(", \"formFingerprint\": "); out.optional(formFingerprint)
        }
        out.literal("}")
        return out.text
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
    /// Warnings about partnerships that were written (an unknown key, a meeting after the term).
    public var warnings = 0
    /// The signal that stopped the run early (`SIGINT`, `SIGTERM`), if one did.
    public var interrupted: String?

    /// Creates counts.
    public init(pairs: Int = 0, written: Int = 0, unchanged: Int = 0, failed: Int = 0, warnings: Int = 0, interrupted: String? = nil) {
        self.pairs = pairs
        self.written = written
        self.unchanged = unchanged
        self.failed = failed
        self.warnings = warnings
        self.interrupted = interrupted
    }

    /// Reads counts; a manifest written before warnings were counted has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(pairs: try c.decode(Int.self, forKey: .pairs), written: try c.decode(Int.self, forKey: .written),
                  unchanged: try c.decode(Int.self, forKey: .unchanged), failed: try c.decode(Int.self, forKey: .failed),
                  warnings: try c.decodeIfPresent(Int.self, forKey: .warnings) ?? 0,
                  interrupted: try c.decodeIfPresent(String.self, forKey: .interrupted))
    }

    /// `N pairs, N documents written, N unchanged, N failed`, then `, N warnings` when there were
    /// any, with "1 pair" and "1 document", and a note when nothing needed writing.
    public var line: String {
        var text = "\(pairs) \(pairs == 1 ? "pair" : "pairs"), \(written) \(written == 1 ? "document" : "documents") written, \(unchanged) unchanged, \(failed) failed"
        if warnings > 0 { text += ", \(warnings) \(warnings == 1 ? "warning" : "warnings") (each in the manifest)" }
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
            + "\"warnings\": \(warnings), \"interrupted\": \(JSONText.optional(interrupted))}"
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
        var out = Builder()
        out.string(text)
        return out.text
    }

    /// JSON text built byte by byte (a manifest line is made for every document written).
    struct Builder {
        private var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(512) }

        /// What has been built.
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// Appends JSON syntax as it is.
        mutating func literal(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Appends a decimal integer.
        mutating func number(_ n: Int) {
            bytes.append(contentsOf: String(n).utf8)
        }

        /// Appends `text` as a JSON string, or `null`.
        mutating func optional(_ text: String?) {
            if let text { string(text) } else { literal("null") }
        }

        /// Appends `text` as a JSON string. Paths, ids and digests need no escape: every byte
        /// below 0x80 that is not a control character, quote or backslash is written as it is,
        /// and so is other UTF-8, but for the C1 controls, the line and paragraph separators and
        /// the byte-order mark, which are written as `\u` escapes.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var plain = true
            for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x80 {
                plain = false
                break
            }
            if plain {
                bytes.append(contentsOf: text.utf8)
            } else {
                for scalar in text.unicodeScalars { escape(scalar) }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func escape(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\"": literal("\\\"")
            case "\\": literal("\\\\")
            case "\n": literal("\\n")
            case "\r": literal("\\r")
            case "\t": literal("\\t")
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                    let digits = Array("0123456789abcdef".utf8)
                    literal("\\u")
                    for shift in stride(from: 12, through: 0, by: -4) { bytes.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
    }
}
