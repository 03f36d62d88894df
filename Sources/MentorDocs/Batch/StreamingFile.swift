// A file too large to hold in memory (the manifest, a combined print file), written with the same
// promise as AtomicWriter: a temporary file in the same folder, flushed, then renamed over the
// target; when the bytes equal the existing file's, the target is left untouched.
import Crypto
import Foundation

/// A file written in pieces, then committed atomically.
final class StreamingFile {
    let path: String
    private let temporary: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var size = 0
    private var finished = false
    private static let chunk = 1 << 16

    /// Opens a temporary file beside `path` (named so `AtomicWriter.removeLeftovers` finds it).
    init(path: String) throws(WriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create folder \(folder): \(AtomicWriter.reasonText(error))")
        }
        temporary = "\(folder)/\(AtomicWriter.temporaryPrefix)\(getpid())-\(UInt64.random(in: 0...UInt64.max))-\(url.lastPathComponent)"
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(StreamingFile.chunk)
    }

    deinit { discard() }

    /// Appends bytes.
    func write(_ bytes: some Collection<UInt8>) throws(WriteError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= StreamingFile.chunk { try flush() }
    }

    /// Appends UTF-8 text.
    func write(_ text: String) throws(WriteError) {
        try write(text.utf8)
    }

    private func flush() throws(WriteError) {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        size += buffer.count
        let failure = buffer.withUnsafeBytes { AtomicWriter.writeAll(fd, $0) }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw WriteError(path: path, reason: failure) }
    }

    /// Finishes the file: renamed over `path`, or removed when `path` already holds the same bytes
    /// (unless `force`). Returns the outcome and the content's SHA-256.
    func commit(force: Bool) throws(WriteError) -> (WriteOutcome, String) {
        defer { finished = true }
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
        let digest = DocumentPipeline.hex(hasher.finalize())
        var failure: String?
        if fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        fd = -1
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        if !force, StreamingFile.digest(ofFileAt: path, expectedSize: size) == digest {
            unlink(temporary)
            return (.unchanged, digest)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        return (.written, digest)
    }

    /// Removes the temporary file, leaving any existing target as it was.
    func discard() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd) }
        unlink(temporary)
    }

    /// The SHA-256 of a file read in chunks; nil when it cannot be read or its size differs.
    static func digest(ofFileAt path: String, expectedSize: Int? = nil) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if let expectedSize {
            var info = stat()
            guard fstat(fd, &info) == 0, Int(info.st_size) == expectedSize else { return nil }
        }
        var hasher = SHA256()
        var chunk = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            chunk.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
        return DocumentPipeline.hex(hasher.finalize())
    }
}
