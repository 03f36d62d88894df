// `mentordocs merge-manifests DIR`: the shard manifests of one cohort (`manifest.K-of-N.json`,
// written by N machines into the same layout) merged into `DIR/manifest.json`, in the order one
// unsharded run would have given, with collisions between shards reported.
import Foundation

/// A problem that stops a merge before anything is written.
public struct MergeError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Merges shard manifests.
public enum ManifestMerge {
    /// Merges every `manifest.K-of-N.json` in `folder` into `manifest.json`; with a renderer, also
    /// writes the combined print files and the index from the merged order.
    public static func run(folder: String, combineWith renderer: Renderer? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           force: Bool = false, console: BatchConsole = .standardError()) throws -> BatchSummary {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var shards: [(k: Int, n: Int, name: String)] = []
        for name in names where name.hasPrefix("manifest.") && name.hasSuffix(".json") {
            let middle = name.dropFirst("manifest.".count).dropLast(".json".count)
            let parts = middle.split(separator: "-")
            guard parts.count == 3, parts[1] == "of", let k = Int(parts[0]), let n = Int(parts[2]) else { continue }
            shards.append((k, n, name))
        }
        guard !shards.isEmpty else { throw MergeError("\(folder): error: no shard manifests (manifest.K-of-N.json) to merge") }
        let counts = Set(shards.map(\.n))
        guard counts.count == 1, let n = counts.first else {
            throw MergeError("\(folder): error: manifests of different splits: " + shards.map(\.name).sorted().joined(separator: ", "))
        }
        let present = Set(shards.map(\.k))
        let missing = (1...n).filter { !present.contains($0) }
        guard missing.isEmpty else {
            throw MergeError("\(folder): error: missing shard manifests: " + missing.map { Shard(index: $0, count: n).manifestName }.joined(separator: ", "))
        }
        shards.sort { $0.k < $1.k }
        var manifests: [(String, Manifest)] = []
        for shard in shards {
            do {
                manifests.append((shard.name, try Manifest.read(folder + "/" + shard.name)))
            } catch {
                throw MergeError("\(folder)/\(shard.name): error: cannot read manifest: \(error)")
            }
        }
        let first = manifests[0]
        for (name, m) in manifests.dropFirst() where m.format != first.1.format || m.paper != first.1.paper
            || m.documents != first.1.documents || m.inputs != first.1.inputs {
            throw MergeError("\(folder)/\(name): error: not from the same run as \(first.0) (format, paper, --doc list or inputs differ)")
        }

        var summary = BatchSummary()
        var interrupted: [String] = []
        var tagged: [(entry: ManifestEntry, shard: Int, offset: Int)] = []
        for (k, (_, m)) in manifests.enumerated() {
            summary.pairs += m.summary.pairs
            if let signal = m.summary.interrupted { interrupted.append("shard \(k + 1) by \(signal)") }
            for entry in m.entries { tagged.append((entry, k + 1, tagged.count)) }
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
                    let message = "\(entry.input): error: id '\(entry.id ?? "")' (shard \(shard)) is written to the same folder '\(folderName)' as '\(owner.id ?? "")' of \(owner.input) (shard \(ownerShard)); the folder holds whichever shard wrote last. Give each partnership its own id"
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
            console.print("\(folder): error: interrupted shards: \(summary.interrupted!); run them again before merging")
            summary.failed += 1
        }

        let options = RenderOptions(format: RenderOptions.Format(rawValue: first.1.format) ?? .html,
                                    paper: RenderOptions.Paper(rawValue: first.1.paper) ?? .letter)
        var combined: [CombinedEntry] = []
        if let renderer {
            let output = try OutputFolder(folder)
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
