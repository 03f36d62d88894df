// The one temporary-file implementation behind every output write (AtomicWriter for a document
// in memory, StreamingFile for a file written in pieces): a file beside the target, named for
// the lease that owns it, flushed, then renamed over the target.
import Foundation

/// A temporary file beside `target`, committed by rename or discarded.
final class TemporaryFile {
    /// Prefix of every temporary's name: `.mentordocs-tmp-<owner>-<random>-<target name>`.
    static let prefix = ".mentordocs-tmp-"

    let target: String
    let path: String
    private(set) var fd: Int32
    /// A lease taken for this one file when no lease of this process covers its folder.
    private let ownLease: OutputLease?

    /// Creates the target's folder when needed and opens a new temporary beside the target. The
    /// target must be a regular file or not exist: a pipe, device or folder there is refused
    /// (`checked`: the caller has made sure). `owner`: the lease it is written under, when the
    /// caller holds one covering the target's folder.
    init(for target: String, owner knownOwner: String? = nil, checked: Bool = false) throws(WriteError) {
        self.target = target
        let folder = Folders.parent(of: target) ?? "."
        if !checked { try TemporaryFile.checkTarget(target) }
        var lease: OutputLease?
        var owner = knownOwner ?? OutputLease.owner(covering: folder)
        if owner == nil {
            try TemporaryFile.createFolder(folder, for: target)
            do { lease = try OutputLease(folder: folder) } catch { throw WriteError(path: target, reason: error.reason) }
            owner = lease?.owner
        }
        ownLease = lease
        let name = TemporaryFile.lastComponent(of: target)
        path = "\(folder)/\(TemporaryFile.prefix)\(owner!)-\(TemporaryFile.uniqueSuffix())-\(name)"
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW
        fd = open(path, flags, 0o644)
        if fd < 0, errno == ENOENT { // the folder is not there yet: one system call saved when it is, as it usually is
            try TemporaryFile.createFolder(folder, for: target)
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw WriteError(path: target, reason: systemReason()) }
    }

    /// Creates `folder` (and those above it) for writing `target`.
    private static func createFolder(_ folder: String, for target: String) throws(WriteError) {
        if let reason = Folders.create(folder) { throw WriteError(path: target, reason: "cannot create folder \(PrintedName.escaped(folder)): \(reason)") }
    }

    /// What follows the last `/` of `path`.
    private static func lastComponent(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return Substring(path) }
        return path[path.utf8.index(after: slash)...]
    }

    /// Temporaries are told apart by a random number drawn once per process and a counter, so
    /// no two of this process's temporaries share a name (and no system call is made per file).
    private static let base = UInt64.random(in: 0...UInt64.max)
    private static let counter = Locked<UInt64>(0)

    /// 16 hex digits, different for every call in this process.
    private static func uniqueSuffix() -> String {
        let n = counter.withLock { value in
            value &+= 1
            return value
        }
        return String(base &+ n &* 0x9E37_79B9_7F4A_7C15, radix: 16)
    }

    deinit { discard() }

    /// Refuses a target that exists and is not a regular file (a FIFO would block the reader of
    /// the old bytes; a device or folder is not ours to replace).
    static func checkTarget(_ target: String) throws(WriteError) {
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        try checkTarget(target, info)
    }

    /// `checkTarget` for a target whose status is `info`.
    static func checkTarget(_ target: String, _ info: stat) throws(WriteError) {
        if let kind = RegularFile.kindName(info.st_mode) {
            throw WriteError(path: target, reason: "it is \(kind), not a regular file; remove it or choose another --out")
        }
    }

    /// Writes every byte, retrying interrupted writes.
    func write(_ bytes: [UInt8]) throws(WriteError) {
        let fd = fd
        if let failure = bytes.withUnsafeBytes({ TemporaryFile.writeAll(fd, $0) }) { throw WriteError(path: target, reason: failure) }
    }

    /// Flushes and closes the file; then renames it over the target, or (not `replacing`: the
    /// target already holds the same bytes) removes it. Either way the temporary is gone after.
    func commit(replacing: Bool = true) throws(WriteError) {
        var failure: String?
        if fsync(fd) != 0 { failure = systemReason() }
        if close(fd) != 0, failure == nil { failure = systemReason() }
        fd = -1
        if failure == nil, replacing, rename(path, target) != 0 { failure = systemReason() }
        if failure != nil || !replacing { unlink(path) }
        if let failure { throw WriteError(path: target, reason: failure) }
    }

    /// Removes the temporary file, leaving any existing target as it was.
    func discard() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(path)
    }

    /// Writes every byte to `fd`, retrying interrupted writes; the system's reason on failure.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return systemReason()
            }
            offset += n
        }
        return nil
    }

    /// The owner id in a temporary's name, if `name` is one.
    static func owner(ofTemporary name: String) -> Substring? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        return rest.split(separator: "-", maxSplits: 1).first
    }
}

/// Creating output folders with a reason a user can act on.
enum Folders {
    /// Creates `path` and the folders above it; nil on success, else why not (naming the
    /// existing ancestor that is a file, when that is the reason).
    static func create(_ path: String) -> String? {
        if path.isEmpty { return "the folder name is empty" }
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? nil : "\(PrintedName.escaped(path)) is not a folder"
        }
        if let parent = parent(of: path), parent != path, let reason = create(parent) { return reason }
        if mkdir(path, 0o755) != 0, errno != EEXIST { return systemReason() }
        return nil
    }

    /// The folder above `path` (`/` for a path at the top); nil for a bare name. Plain string
    /// work: no Foundation path call, which traps on some inputs.
    static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
