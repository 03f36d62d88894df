// An advisory lock held on a file for as long as this object lives (flock(2)). The kernel drops
// the lock when the process dies, however it dies, so a lock file left by a killed run is seen
// as free by the next one: that is how a run tells a live run's files from a dead run's.
import Foundation

/// An exclusive `flock` on a lock file, released (and the file removed) on `release()` or deinit.
final class FileLock: @unchecked Sendable {
    /// The lock file.
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// Why a lock could not be taken.
    enum Failure: Error {
        /// Another process holds it; its process id, when it wrote one.
        case held(by: Int32?)
        case system(String)
    }

    /// Creates (or opens) `path` and locks it without waiting, writing this process's id into it.
    /// The file may be removed by its last holder at any moment, so after locking, the locked
    /// file must still be the one at `path`; otherwise the lock is taken again on the new file.
    static func acquire(_ path: String) -> Result<FileLock, Failure> {
        for _ in 0..<100 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
            guard fd >= 0 else { return .failure(.system(systemReason())) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let reason = errno
                // A file system without locks (some network and FUSE mounts): go on unlocked. No
                // run can then tell a killed run's files, so none is swept (see `isHeld`).
                if unsupported(reason) { return .success(FileLock(path: path, fd: fd)) }
                let holder = readHolder(fd)
                close(fd)
                if reason == EWOULDBLOCK { return .failure(.held(by: holder)) }
                return .failure(.system(String(cString: strerror(reason))))
            }
            var locked = stat(), current = stat()
            guard fstat(fd, &locked) == 0, (locked.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                return .failure(.system("is not a regular file"))
            }
            if lstat(path, &current) != 0 || current.st_ino != locked.st_ino || current.st_dev != locked.st_dev {
                close(fd) // removed or replaced while we waited: lock the file there now
                continue
            }
            let id = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = id.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return .success(FileLock(path: path, fd: fd))
        }
        return .failure(.system("the lock file keeps being replaced"))
    }

    /// Whether a live process holds the lock on `path` (false when there is no such file).
    static func isHeld(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { return false }
        return errno == EWOULDBLOCK || unsupported(errno) // unknowable: assume its owner lives
    }

    /// Whether `flock` failed only because the file system has no locks.
    private static func unsupported(_ code: Int32) -> Bool {
        code == ENOLCK || code == EOPNOTSUPP || code == ENOSYS || code == EINVAL
    }

    /// Takes the lock on an existing lock file only if its holder is gone: the caller then owns
    /// what the dead holder left. Nil when it is held (or cannot be opened).
    static func takeIfAbandoned(_ path: String) -> FileLock? {
        let fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return nil
        }
        return FileLock(path: path, fd: fd)
    }

    /// Removes the lock file, then unlocks it: whoever opens the path next makes a new one.
    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    private static func readHolder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The system's message for the current `errno`.
func systemReason() -> String { String(cString: strerror(errno)) }
