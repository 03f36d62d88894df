// A file too large to hold in memory (the manifest, a combined print file), written with the same
// promise as AtomicWriter and through the same TemporaryFile: when the bytes equal the existing
// file's, the target is left untouched.
import Crypto
import Foundation

/// A file written in pieces, then committed atomically.
final class StreamingFile {
    let path: String
    private let file: TemporaryFile
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var size = 0
    private var finished = false
    private static let chunk = 1 << 16

    /// Opens a temporary file beside `path` (named so `AtomicWriter.removeLeftovers` finds it).
    init(path: String) throws(WriteError) {
        self.path = path
        file = try TemporaryFile(for: path)
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
        defer { buffer.removeAll(keepingCapacity: true) }
        try file.write(buffer)
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
        let unchanged = !force && StreamingFile.digest(ofFileAt: path, expectedSize: size) == digest
        try file.commit(replacing: !unchanged)
        return (unchanged ? .unchanged : .written, digest)
    }

    /// Removes the temporary file, leaving any existing target as it was.
    func discard() {
        guard !finished else { return }
        finished = true
        file.discard()
    }

    /// The SHA-256 of a regular file read in chunks; nil when it cannot be read, is not a regular
    /// file (opened without blocking, so a pipe in its place cannot hang), or its size differs.
    static func digest(ofFileAt path: String, expectedSize: Int? = nil) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if let expectedSize, Int(info.st_size) != expectedSize { return nil }
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
