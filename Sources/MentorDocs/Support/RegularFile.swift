// Reading an input without ever blocking on it: a named pipe, a device or a socket among the
// inputs would hang open() or read() forever (and a signal would not end the wait), so a file is
// opened non-blocking, checked to be a regular file, and only then read.
import Foundation

/// Reads whole regular files; anything else is refused with a reason.
enum RegularFile {
    /// Why a file could not be read, in words for a diagnostic (`cannot read file: ...`).
    struct Failure: Error, Sendable {
        var reason: String
        /// Whether the file does not exist at all.
        var missing = false
        /// Whether it is a folder.
        var isFolder = false
    }

    /// The file's bytes, at most `limit + 1` of them (so the caller can tell it is too large).
    static func read(_ path: String, limit: Int = Int.max - 1) -> Result<Data, Failure> {
        var size = 0
        return read(path, limit: limit, size: &size)
    }

    /// Reads like `read(_:limit:)`, and sets `size` to the file's size as the system reports it.
    static func read(_ path: String, limit: Int, size: inout Int) -> Result<Data, Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: return .failure(Failure(reason: "no such file", missing: true))
            case EACCES: return .failure(Failure(reason: "permission denied"))
            case ENXIO: return .failure(Failure(reason: "it is a socket or a device with nothing behind it, not a regular file"))
            default: return .failure(Failure(reason: String(cString: strerror(code))))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(reason: systemReason())) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(reason: "it is a directory", isFolder: true)) }
        if let kind = kindName(info.st_mode) { return .failure(Failure(reason: "it is \(kind), not a regular file")) }
        size = Int(info.st_size)
        var data = Data()
        let expected = min(Int(info.st_size), limit) + 1
        data.reserveCapacity(min(expected, 64 << 20))
        // No larger than the file: a fresh 64 KiB buffer costs a short template 16 page faults.
        var chunk = [UInt8](repeating: 0, count: min(1 << 16, max(expected, 4096)))
        while data.count <= limit {
            let want = min(chunk.count, limit + 1 - data.count)
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: systemReason()))
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return .success(data)
    }

    /// What a file of this mode is, in words, when it is not a regular file; nil for a regular file.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }
}
