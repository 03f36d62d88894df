// Removing what killed runs left: temporaries whose owner's lease (see OutputLease) no live
// process holds. A run that ends normally leaves nothing, so a folder holds leftovers only when
// it holds an abandoned lease file; the cheap check reads the top of the output folder for one,
// and only then is the tree walked.
import Foundation

/// Sweeps abandoned temporaries.
enum Leftovers {
    /// Removes abandoned temporaries below `folder` if a killed run left a lease there; the
    /// abandoned leases go too. One directory listing when no run was killed.
    static func sweep(_ folder: String) {
        let names = Leftovers.names(in: folder)
        var abandoned: [FileLock] = []
        var owners: Set<Substring> = []
        for name in names where name.hasPrefix(OutputLease.lockPrefix) {
            if let lock = FileLock.takeIfAbandoned(folder + "/" + name) {
                abandoned.append(lock)
                owners.insert(name.dropFirst(OutputLease.lockPrefix.count))
            }
        }
        guard !abandoned.isEmpty else { return }
        removeAbandoned(below: folder, knownDead: owners)
        for lock in abandoned { lock.release() }
    }

    /// Walks `folder` (not following symbolic links) and removes every temporary whose owner
    /// holds no lease in its folder or above; `knownDead` are owners whose leases the caller
    /// has just taken over (and so holds locked itself).
    static func removeAbandoned(below folder: String, knownDead: Set<Substring> = []) {
        var live: [Substring: Bool] = [:]
        for owner in knownDead { live[owner] = false }
        walk(folder) { directory, name in
            guard let owner = TemporaryFile.owner(ofTemporary: name) else { return }
            let isLive = live[owner] ?? ownerIsLive(String(owner), from: directory)
            live[owner] = isLive
            if !isLive { unlink(directory + "/" + name) }
        }
    }

    /// Whether a live process holds `owner`'s lease in `directory` or any folder above it.
    static func ownerIsLive(_ owner: String, from directory: String) -> Bool {
        if OutputLease.owner(covering: directory) == owner { return true }
        var current = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        while true {
            if FileLock.isHeld(current + "/" + OutputLease.lockPrefix + owner) { return true }
            guard let parent = Folders.parent(of: current), parent != current else { return false }
            current = parent
        }
    }

    /// Calls `visit(directory, name)` for every entry below `root` that is not a directory;
    /// directories are entered only when they are real (a symbolic link is visited, not followed).
    static func walk(_ root: String, _ visit: (String, String) -> Void) {
        guard let dir = opendir(root) else { return }
        var subfolders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(root + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { type = UInt8(DT_DIR) }
            }
            if type == UInt8(DT_DIR) { subfolders.append(root + "/" + name) } else { visit(root, name) }
        }
        closedir(dir)
        for folder in subfolders { walk(folder, visit) }
    }

    /// The names in one folder (empty when it cannot be listed).
    static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".mentordocs-") { names.append(name) }
        }
        return names
    }
}
