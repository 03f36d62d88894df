// Writes a file so that readers only ever see the old bytes or the new ones: a temporary file
// in the same folder, flushed, then renamed over the target. Unchanged bytes are not rewritten.
import Foundation

/// The outcome of writing one output file.
public enum WriteOutcome: String, Sendable, Codable {
    case written, unchanged
}

/// A failed write, with the path and the system's reason.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write: \(reason)" }
}

/// Atomic, idempotent file writes.
public enum AtomicWriter {
    /// Prefix of temporary files, so a later run can remove those a killed run left behind.
    public static let temporaryPrefix = ".mentordocs-tmp-"

    /// Writes `bytes` to `path` unless it already holds exactly them (or `force` is set).
    public static func write(_ bytes: [UInt8], to path: String, force: Bool = false) throws(WriteError) -> WriteOutcome {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if access(folder, F_OK) != 0 { // one cheap system call when the folder exists, as it usually does
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError(path: path, reason: "cannot create folder \(folder): \(reasonText(error))")
            }
        }
        if !force, holds(path, exactly: bytes) { return .unchanged }
        let temporary = "\(folder)/\(temporaryPrefix)\(getpid())-\(UInt64.random(in: 0...UInt64.max))-\(url.lastPathComponent)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure = bytes.withUnsafeBytes { writeAll(fd, $0) }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        return .written
    }

    /// Writes every byte to `fd`, retrying interrupted writes; the system's reason on failure.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += n
        }
        return nil
    }

    /// Whether the file at `path` holds exactly `bytes` (size first, then one memcmp).
    static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count,
              let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 }
        }
    }

    /// Removes temporary files that an interrupted run left in `folder` and below.
    public static func removeLeftovers(in folder: String) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
        while let relative = walker.nextObject() as? String {
            if (relative as NSString).lastPathComponent.hasPrefix(temporaryPrefix) {
                unlink("\(folder)/\(relative)")
            }
        }
    }

    static func reasonText(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
