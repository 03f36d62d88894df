// Expands the inputs a user names (files and folders) into the participant files to read.
import Foundation

/// Participant files named on a command line.
public enum InputFiles {
    /// File extensions read from folders.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Files as given, and the `.yaml`/`.yml`/`.json` files below each folder, sorted by path
    /// so every run (and every machine) sees the same order. Hidden files and folders are skipped.
    /// A symbolic link to a folder is followed; a folder is read once however many links reach
    /// it (where it really is, when the walk meets it there too), so a loop of links ends.
    /// `empty` lists the folders with none of those files in them or below them.
    public static func collect(_ inputs: [String]) -> (files: [String], missing: [String], empty: [String]) {
        var files: [String] = [], missing: [String] = [], empty: [String] = []
        for input in inputs {
            var info = stat()
            guard !input.isEmpty, stat(input, &info) == 0 else {
                missing.append(input)
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { files.append(input); continue }
            var found: [String] = []
            let base = input.hasSuffix("/") && input.count > 1 ? String(input.dropLast()) : input
            var visiting: Set<FolderID> = [FolderID(info)]
            // Real folders first, then the folders links lead to (and the links found there), so
            // a folder reached both ways is read where it really is.
            var links: [String] = []
            walk(base, visiting: &visiting, into: &found, links: &links)
            var next = 0
            while next < links.count {
                let link = links[next]
                next += 1
                var target = stat()
                guard stat(link, &target) == 0, visiting.insert(FolderID(target)).inserted else { continue } // a loop, or a second way in
                walk(link, visiting: &visiting, into: &found, links: &links)
            }
            if found.isEmpty { empty.append(input) }
            files += found.sorted()
        }
        return (files, missing, empty)
    }

    /// The problem of an INPUT folder with no participant file in it or below it: a mistyped
    /// folder, or one not filled yet, is not a run that did all it was asked.
    public static func emptyFolderProblem(_ folder: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: folder, line: 0, column: 0),
                   "is a folder with no participant file (.yaml, .yml or .json) in it or below it")
    }

    /// A folder's identity, so a loop of links is seen whatever path reaches it.
    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Whether a file found in a folder is the manifest a batch wrote (`manifest.json`, or a
    /// shard's `manifest.K-of-N.json`, opening with the manifest's version), which a later run over
    /// the same folder, its output inside, must not read as a partnership.
    static func isBatchManifest(name: String, path: String) -> Bool {
        guard name.hasPrefix("manifest.") && name.hasSuffix(".json"),
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let opening = String(decoding: handle.readData(ofLength: 64), as: UTF8.self)
        return opening.filter { !$0.isWhitespace }.hasPrefix("{\"manifest\":\"\(Manifest.version)\"")
    }

    /// Adds the participant files below `folder`, entering real folders; links to folders are
    /// put in `links` for later. `visiting` holds the folders already entered.
    private static func walk(_ folder: String, visiting: inout Set<FolderID>, into found: inout [String], links: inout [String]) {
        guard let dir = opendir(folder) else { return }
        var names: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue } // hidden, and `.`/`..`
            names.append((name, entry.pointee.d_type))
        }
        closedir(dir)
        names.sort { $0.0 < $1.0 } // the same folder wins every run when two paths reach it
        for (name, type) in names {
            let path = folder + "/" + name
            var info = stat()
            var kind = type
            if kind == UInt8(DT_UNKNOWN), lstat(path, &info) == 0 {
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if kind == UInt8(DT_DIR) {
                guard lstat(path, &info) == 0, visiting.insert(FolderID(info)).inserted else { continue }
                walk(path, visiting: &visiting, into: &found, links: &links)
            } else if kind == UInt8(DT_LNK), stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                links.append(path)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                if isBatchManifest(name: name, path: path) { continue } // a batch's own output, not a partnership
                found.append(path) // a file, a link to one, or a broken link (reported when read)
            }
        }
    }
}
