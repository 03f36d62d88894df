// `mentordocs merge-manifests DIR`: the shard manifests of one cohort (`manifest.K-of-N.json`,
// written by N machines into the same layout) merged into `DIR/manifest.json`, in the order one
// unsharded run would have given, with collisions between shards reported.
import Foundation

/// A problem that stops a merge before anything is written.
public struct MergeError: LocatedError {
    /// The folder or manifest at fault.
    public var location: SourceLocation
    /// What is wrong with it.
    public var message: String
    init(at path: String, _ message: String) {
        self.location = SourceLocation(file: path, line: 0, column: 0)
        self.message = message
    }
}

/// Merges shard manifests.
public enum ManifestMerge {
    /// Merges every `manifest.K-of-N.json` in `folder` into `manifest.json`; with a renderer, also
    /// writes the combined print files and the index from the merged order.
    public static func run(folder: String, combineWith renderer: Renderer? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           force: Bool = false, console: BatchConsole = .standardError()) throws -> BatchSummary {
        let shown = PrintedName.escaped(folder)
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw MergeError(at: "\(shown)", "no such folder: give the output folder the shards wrote into")
        }
        let output = try OutputFolder(folder)
        let runLock = try RunLock.take(folder: folder, manifest: "manifest.json")
        defer { runLock.release() }
        // A killed merge (or shard) leaves only temporaries; remove those no live run owns.
        Leftovers.sweep(folder)

        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var shards: [(k: Int, n: Int, name: String)] = []
        for name in names.sorted() where name.hasPrefix("manifest.") && name.hasSuffix(".json") && name != "manifest.json" {
            // One canonical name per shard: `manifest.01-of-2.json` is not shard 1 read again.
            guard let shard = Shard(manifestName: name) else {
                throw MergeError(at: "\(shown)/\(PrintedName.escaped(name))", "not a shard manifest's name: a shard's manifest is "
                                 + "manifest.K-of-N.json with 1 <= K <= N <= \(Shard.maxCount), no sign or leading zero; rename or remove it")
            }
            shards.append((shard.index, shard.count, name))
        }
        guard !shards.isEmpty else { throw MergeError(at: "\(shown)", "no shard manifests (manifest.K-of-N.json) to merge") }
        let counts = Set(shards.map(\.n))
        guard counts.count == 1, let n = counts.first else {
            throw MergeError(at: "\(shown)", "manifests of different splits: " + shards.map(\.name).sorted().joined(separator: ", "))
        }
        let present = Set(shards.map(\.k))
        let missing = (1...n).filter { !present.contains($0) }
        guard missing.isEmpty else {
            let listed = missing.prefix(10).map { Shard(index: $0, count: n).manifestName }.joined(separator: ", ")
            throw MergeError(at: "\(shown)", "missing shard manifests: " + listed + (missing.count > 10 ? " and \(missing.count - 10) more" : ""))
        }
        shards.sort { $0.k < $1.k }
        var manifests: [(String, Manifest)] = []
        for shard in shards {
            if RunLock.isHeld(folder: folder, manifest: shard.name) {
                throw MergeError(at: "\(shown)/\(shard.name)", "shard \(shard.k)/\(shard.n) is still running; merge after it has finished")
            }
            manifests.append((shard.name, try ManifestCheck.read(folder + "/" + shard.name, shown: shown + "/" + shard.name,
                                                                 shard: Shard(index: shard.k, count: shard.n))))
        }
        let first = manifests[0]
        for (name, m) in manifests.dropFirst() where m.format != first.1.format || m.paper != first.1.paper
            || m.documents != first.1.documents || m.inputs != first.1.inputs {
            throw MergeError(at: "\(shown)/\(name)", "not from the same run as \(first.0) (format, paper, --doc list or inputs differ)")
        }

        var summary = BatchSummary()
        var interrupted: [String] = []
        var tagged: [(entry: ManifestEntry, shard: Int, offset: Int)] = []
        // Each input belongs to one shard: an input seen in two manifests is a copied or forged file.
        var shardOf: [Int: (shard: Int, name: String)] = [:]
        for (k, (name, m)) in manifests.enumerated() {
            summary.pairs += m.summary.pairs
            summary.warnings += m.summary.warnings
            if let signal = m.summary.interrupted { interrupted.append("shard \(k + 1) by \(signal)") }
            for (i, entry) in m.entries.enumerated() {
                if let owner = shardOf[entry.position], owner.shard != k + 1 {
                    throw MergeError(at: "\(shown)/\(name)", "entries[\(i)].position: input \(entry.position) is also in \(owner.name); each input belongs to one shard")
                }
                shardOf[entry.position] = (k + 1, name)
                tagged.append((entry, k + 1, tagged.count))
            }
        }
        tagged.sort { ($0.entry.position, $0.entry.index, $0.offset) < ($1.entry.position, $1.entry.index, $1.offset) }

        // Two shards writing the same folder: the file holds whichever finished last.
        var owners: [String: (ManifestEntry, Int)] = [:]
        var entries: [ManifestEntry] = []
        for (entry, shard, _) in tagged {
            var entry = entry
            if entry.status != .failed, let output = entry.output, let folderName = output.split(separator: "/").first {
                let key = folderName.lowercased()
                if let (owner, ownerShard) = owners[key], (owner.position, owner.index) != (entry.position, entry.index) {
                    let message = "\(PrintedName.escaped(entry.input)): error: id '\(PrintedName.escaped(entry.id ?? ""))' (shard \(shard)) is written to the same folder '\(folderName)' as '\(PrintedName.escaped(owner.id ?? ""))' of \(PrintedName.escaped(owner.input)) (shard \(ownerShard)); the folder holds whichever shard wrote last. Give each partnership its own id"
                    if entry.document == nil || entry.document == tagged.first(where: { ($0.entry.position, $0.entry.index) == (entry.position, entry.index) })?.entry.document {
                        console.print(message)
                    }
                    entry.status = .failed
                    entry.error = message
                } else if owners[key] == nil {
                    owners[key] = (entry, shard)
                }
            }
            summary.count(entry)
            entries.append(entry)
        }
        if !interrupted.isEmpty {
            summary.interrupted = interrupted.joined(separator: ", ")
            console.print("\(shown): error: interrupted shards: \(summary.interrupted!); run them again before merging")
            summary.failed += 1
        }

        let options = RenderOptions(format: RenderOptions.Format(rawValue: first.1.format) ?? .html,
                                    paper: RenderOptions.Paper(rawValue: first.1.paper) ?? .letter)
        var combined: [CombinedEntry] = []
        if let renderer {
            for program in Program.allCases {
                for document in first.1.documents?.compactMap(DocumentKind.init(rawValue:)) ?? program.documents {
                    _ = try? renderer.library.template(program: program, document: document)
                }
            }
            combined = Combiner(renderer: renderer, options: options, folder: output, jobs: jobs, force: force, console: console)
                .run(pairs(from: entries))
            summary.failed += combined.count { $0.status == .failed }
        }
        let documents = first.1.documents.map { $0.compactMap(DocumentKind.init(rawValue:)) }
        let writer = try ManifestWriter(path: folder + "/manifest.json", shard: nil, options: options,
                                        documents: documents, inputs: first.1.inputs)
        for entry in entries { try writer.append(entry) }
        _ = try writer.finish(combined: combined, summary: summary)
        return summary
    }

    /// The partnerships of merged entries, in order, with their documents.
    static func pairs(from entries: [ManifestEntry]) -> [CombinePair] {
        var pairs: [CombinePair] = []
        var last: (Int, Int)?
        for entry in entries {
            guard let document = entry.document.flatMap(DocumentKind.init(rawValue:)),
                  let program = entry.program.flatMap(Program.init(rawValue:)), let output = entry.output else { continue }
            if let last, last == (entry.position, entry.index) {
                pairs[pairs.count - 1].documents.append((document, output, entry.status != .failed))
            } else {
                pairs.append(CombinePair(id: entry.id ?? "", pair: entry.pair, program: program,
                                         documents: [(document, output, entry.status != .failed)]))
            }
            last = (entry.position, entry.index)
        }
        return pairs
    }
}
