// The output folder: checked once before writing, and every document path kept inside it, even
// when a folder below it has been replaced by a symbolic link.
import Foundation

/// Why the output folder cannot be used.
public struct OutputFolderError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
}

/// A checked output folder; `path(for:)` refuses anything that would land outside it.
public struct OutputFolder: Sendable {
    /// The folder as the user named it (used in printed paths).
    public let root: String
    /// Its real location, symbolic links resolved.
    let realRoot: String

    /// This process's lease on the folder, held while any copy of this value lives: it marks the
    /// temporaries written below it as live for a run sweeping leftovers (see OutputLease).
    let lease: OutputLease

    /// Checks (and creates) the folder: it must be a writable directory.
    public init(_ root: String) throws(OutputFolderError) {
        if root.isEmpty {
            throw OutputFolderError(path: "--out", reason: "the output folder name is empty; give --out a folder, such as --out Output")
        }
        var info = stat()
        if stat(root, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                let kind = RegularFile.kindName(info.st_mode) ?? "a file"
                throw OutputFolderError(path: root, reason: "the output folder is \(kind), not a folder; choose another --out")
            }
        } else if let reason = Folders.create(root) {
            throw OutputFolderError(path: root, reason: "cannot create the output folder: \(reason)")
        }
        guard access(root, W_OK | X_OK) == 0 else {
            throw OutputFolderError(path: root, reason: "the output folder is not writable (\(String(cString: strerror(errno))))")
        }
        self.root = root
        self.realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        self.lease = try OutputLease(folder: root)
    }

    /// `relative` (such as `2026-014/agreement.html`) inside the folder, or an error when a
    /// folder on the way is a symbolic link, or a file, so the write would escape or fail.
    public func path(for relative: String) throws(OutputFolderError) -> String {
        try target(for: relative).path
    }

    /// `path(for:)` with what the check found at the path, so the write need not look again.
    func target(for relative: String) throws(OutputFolderError) -> OutputTarget {
        let bytes = relative.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/") else {
            throw OutputFolderError(path: relative, reason: "output path leaves the output folder")
        }
        // Each component between slashes; empty ones (doubled or trailing slashes) are skipped.
        var folders: [Substring] = []
        var last: Substring?
        for part in relative.split(separator: "/") {
            if part == "." || part == ".." { throw OutputFolderError(path: relative, reason: "output path leaves the output folder") }
            if let previous = last { folders.append(previous) }
            last = part
        }
        guard last != nil else { throw OutputFolderError(path: relative, reason: "output path leaves the output folder") }
        var current = realRoot, shown = root
        var folderExists = true
        for part in folders {
            current += "/"
            current += part
            shown += "/"
            shown += part
            var info = stat()
            if lstat(current, &info) != 0 { folderExists = false; break } // not there yet: it will be created as a folder
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw OutputFolderError(path: shown, reason: "is a symbolic link; mentordocs writes only into real folders inside the output folder")
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                throw OutputFolderError(path: shown, reason: "is a file where a folder is needed")
            }
        }
        let path = root + "/" + relative
        var info = stat()
        guard folderExists, lstat(path, &info) == 0 else { return OutputTarget(path: path, existing: nil, owner: lease.owner) }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            throw OutputFolderError(path: path, reason: "is a symbolic link; refusing to write through it")
        }
        return OutputTarget(path: path, existing: info, owner: lease.owner)
    }
}

/// A checked document path inside an output folder: what was there when it was checked, and the
/// lease its temporary file is written under.
struct OutputTarget {
    /// The path as the user would type it.
    let path: String
    /// The file's status at the check; nil when nothing was there.
    let existing: stat?
    /// The owner id of the output folder's lease (see OutputLease).
    let owner: String
}
