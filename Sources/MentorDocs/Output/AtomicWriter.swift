// Writes a file so that readers only ever see the old bytes or the new ones: a temporary file
// in the same folder (see TemporaryFile), flushed, then renamed over the target. Unchanged bytes
// are not rewritten.
import Foundation

/// The outcome of writing one output file.
enum WriteOutcome: String, Sendable, Codable {
    case written, unchanged
}

/// A failed write, with the path and the system's reason.
struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
}

/// Atomic, idempotent file writes.
enum AtomicWriter {
    /// Prefix of temporary files, so a later run can remove those a killed run left behind.
    public static let temporaryPrefix = TemporaryFile.prefix

    /// Writes `bytes` to `path` unless it already holds exactly them (or `force` is set).
    public static func write(_ bytes: [UInt8], to path: String, force: Bool = false) throws(WriteError) -> WriteOutcome {
        var info = stat()
        let existing: stat? = lstat(path, &info) == 0 ? info : nil
        return try write(bytes, to: path, existing: existing, owner: nil, force: force)
    }

    /// Writes a document to a target an output folder has checked, under the folder's lease.
    static func write(_ bytes: [UInt8], to target: OutputTarget, force: Bool = false) throws(WriteError) -> WriteOutcome {
        try write(bytes, to: target.path, existing: target.existing, owner: target.owner, force: force)
    }

    /// The write, given what is at `path` now (nil: nothing) and the lease owner, when known.
    private static func write(_ bytes: [UInt8], to path: String, existing: stat?, owner: String?,
                              force: Bool) throws(WriteError) -> WriteOutcome {
        if let existing {
            try TemporaryFile.checkTarget(path, existing)
            if !force, holds(path, existing, exactly: bytes) { return .unchanged }
        }
        let file = try TemporaryFile(for: path, owner: owner, checked: true)
        do {
            try file.write(bytes)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return .written
    }

    /// Whether the file at `path`, whose status is `info`, is a regular file holding exactly
    /// `bytes` (size first, then one memcmp). Opened without blocking, so a pipe put in a
    /// document's place cannot hang the run.
    static func holds(_ path: String, _ info: stat, exactly bytes: [UInt8]) -> Bool {
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              case .success(let existing) = RegularFile.read(path, limit: bytes.count), existing.count == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 }
        }
    }

    /// Removes the temporary files below `folder` that no live process owns (see OutputLease).
    public static func removeLeftovers(in folder: String) {
        Leftovers.removeAbandoned(below: folder)
    }
}
