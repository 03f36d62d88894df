// Expands the inputs a user names (files and folders) into the participant files to read.
import Foundation

/// Participant files named on a command line.
public enum InputFiles {
    /// File extensions read from folders.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Files as given, and the `.yaml`/`.yml`/`.json` files below each folder, sorted by path
    /// so every run (and every machine) sees the same order. Hidden files and folders are skipped.
    /// A symbolic link to a folder is followed; a folder is read once however many links reach
    /// it, so a loop of links ends.
    public static func collect(_ inputs: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
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
            walk(base, visiting: &visiting, into: &found)
            files += found.sorted()
        }
        return (files, missing)
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

    /// Adds the participant files below `folder`; `visiting` holds the folders already entered.
    private static func walk(_ folder: String, visiting: inout Set<FolderID>, into found: inout [String]) {
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
            var isFolder = type == UInt8(DT_DIR)
            var info = stat()
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) || isFolder {
                // Follow links to see what they name; a broken link is left to be reported as a file.
                if stat(path, &info) == 0 { isFolder = (info.st_mode & S_IFMT) == S_IFDIR }
            }
            if isFolder {
                let id = FolderID(info)
                guard visiting.insert(id).inserted else { continue } // a loop, or a second way in: read once
                walk(path, visiting: &visiting, into: &found)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                found.append(path)
            }
        }
    }
}
