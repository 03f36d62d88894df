// What one `batch` run reads: participant files found under the INPUT arguments (sorted, so every
// run and every machine sees the same order), the rows of roster spreadsheets, and which of them
// belong to this machine's shard.
import Crypto
import Foundation

/// One unit of batch work: a participant file (every partnership of its YAML stream), or one row
/// of a roster.
struct BatchInput: Sendable, Hashable {
    /// Where the unit comes from.
    public enum Source: Sendable, Hashable {
        /// A participant file.
        case file
        /// Row number `row` (0-based among the roster's data rows) of roster number `roster`.
        case rosterRow(roster: Int, row: Int)
        /// Roster number `roster`, which could not be read: one failure for all its rows.
        case roster(Int)
        /// An INPUT folder with no participant file in it or below it: one failure.
        case emptyFolder
    }

    /// The file's path as found (the roster's path for a row).
    public var path: String
    public var source: Source
    /// The key that decides the unit's shard: the path relative to the INPUT argument it was
    /// found under (a file named directly: its file name), or `roster.csv#12` for a roster row.
    public var shardKey: String
    /// 0-based position in the run's whole, unsharded list of units: the manifest's order.
    public var position: Int
}

/// Expands INPUT arguments and rosters into the run's ordered list of units.
enum BatchInputs {
    /// The units of a run in order: each INPUT argument in the order given (a folder's files
    /// sorted by path), then each roster's rows in order. A file reached twice is read once. Of
    /// the files found in the output folder (when an input folder contains it), only what
    /// mentordocs writes there is skipped (see `isWrittenByBatch`); a file named as an INPUT
    /// is always read.
    /// An INPUT that does not exist stays in the list as a file, so it is reported where it stands.
    public static func collect(_ arguments: [String], rosters: [Result<Roster, DiagnosticList>] = [],
                               rosterPaths: [String] = [], outputFolder: String? = nil) -> [BatchInput] {
        var inputs: [BatchInput] = []
        var seen = Set<String>()
        let outputReal = outputFolder.map { realPath($0) + "/" }
        for argument in arguments {
            let (files, notFound, empty) = InputFiles.collect([argument])
            if !notFound.isEmpty || !empty.isEmpty {
                inputs.append(BatchInput(path: argument, source: notFound.isEmpty ? .emptyFolder : .file,
                                         shardKey: (argument as NSString).lastPathComponent, position: inputs.count))
                continue
            }
            let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            let named = files == [argument]
            for file in files {
                let real = realPath(file)
                if !named, let outputReal, real.hasPrefix(outputReal), isWrittenByBatch(String(real.dropFirst(outputReal.count))) { continue }
                guard seen.insert(real).inserted else { continue }
                let key: String
                if file.hasPrefix(base + "/") {
                    key = String(file.dropFirst(base.count + 1))
                } else {
                    key = (file as NSString).lastPathComponent
                }
                inputs.append(BatchInput(path: file, source: .file, shardKey: key, position: inputs.count))
            }
        }
        for (number, read) in rosters.enumerated() {
            let path = rosterPaths[number]
            let name = (path as NSString).lastPathComponent
            switch read {
            case .success(let roster):
                for (i, row) in roster.rows.enumerated() {
                    inputs.append(BatchInput(path: path, source: .rosterRow(roster: number, row: i),
                                             shardKey: "\(name)#\(row.number)", position: inputs.count))
                }
            case .failure:
                inputs.append(BatchInput(path: path, source: .roster(number), shardKey: name, position: inputs.count))
            }
        }
        return inputs
    }

    /// Whether a file at `relative` in the output folder is one a batch writes that looks like
    /// an input: a manifest at the top, or anything below `blank/` and `combined/`. (Documents
    /// are `.html`/`.xhtml`, never read as inputs, so a cohort may share its folder with them.)
    static func isWrittenByBatch(_ relative: String) -> Bool {
        if relative.hasPrefix("blank/") || relative.hasPrefix("combined/") { return true }
        return relative == "manifest.json" || Shard(manifestName: relative) != nil
    }

    static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// `--shard K/N`: this machine renders the units whose key hashes to share K of N.
///
/// The share is decided by the SHA-256 of the unit's shard key (its path relative to the INPUT
/// argument, Unicode-normalised), so it is the same on every machine wherever the cohort lives,
/// and a file keeps its shard when others are added or removed. The price: shares are only
/// roughly equal (a few per cent apart for thousands of files), where numbering the sorted list
/// would give exactly equal shares but move most files to another shard whenever one is added.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based share number.
    public let index: Int
    /// How many shares.
    public let count: Int

    /// The most shares a cohort can be split into (far more machines than any cohort needs; the
    /// bound keeps a merge from planning for billions of shards).
    public static let maxCount = 10_000

    /// Parses `K/N` with 1 <= K <= N <= `maxCount`, both plain decimal numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Shard.number(parts[0]), let n = Shard.number(parts[1]),
              (1...Shard.maxCount).contains(n), (1...n).contains(k) else {
            return nil
        }
        index = k
        count = n
    }

    /// The shard whose manifest is named exactly `name` (`manifest.K-of-N.json`, no sign, no
    /// leading zero): one canonical name per shard, so no file is read as another shard's.
    public init?(manifestName name: String) {
        guard name.hasPrefix("manifest."), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst("manifest.".count).dropLast(".json".count)
        let parts = middle.components(separatedBy: "-of-")
        guard parts.count == 2, let shard = Shard(parts[0] + "/" + parts[1]), shard.manifestName == name else { return nil }
        self = shard
    }

    /// A number of at most five ASCII digits.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// A shard from its numbers.
    public init(index: Int, count: Int) {
        precondition((1...Shard.maxCount).contains(count) && (1...count).contains(index))
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The manifest's file name for this shard: `manifest.K-of-N.json`.
    public var manifestName: String { "manifest.\(index)-of-\(count).json" }

    /// Whether a unit with this key belongs to this shard.
    public func contains(_ key: String) -> Bool {
        Shard.share(of: key, count: count) == index
    }

    /// The 1-based share a key falls in.
    public static func share(of key: String, count: Int) -> Int {
        let digest = SHA256.hash(data: Data(key.precomposedStringWithCanonicalMapping.utf8))
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int(value % UInt64(count)) + 1
    }
}
