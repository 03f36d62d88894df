// Searching bytes for bytes over raw buffers (memchr for the first byte, memcmp for the rest):
// the generic searches of the standard library and Foundation cost a cold start milliseconds on
// a long style sheet and on every template line they look through.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes.
enum ByteSearch {
    /// Whether `needle`'s UTF-8 bytes occur in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        haystack.withUnsafeBytes { offset(of: needle, in: $0) } != nil
    }

    /// Where `needle`'s UTF-8 bytes first occur in `line` (as an index of `line`), if they do.
    static func firstIndex(of needle: String, in line: Substring) -> Substring.Index? {
        let found = line.utf8.withContiguousStorageIfAvailable { offset(of: needle, in: UnsafeRawBufferPointer($0)) }
        guard let found else { return line.firstRange(of: needle)?.lowerBound } // not contiguous: the generic search
        return found.map { line.utf8.index(line.utf8.startIndex, offsetBy: $0) }
    }

    /// The byte offset of `needle`'s first occurrence in `bytes`.
    static func offset(of needle: String, in bytes: UnsafeRawBufferPointer) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let first = pattern.first else { return 0 }
            guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return nil }
            var at = 0
            let last = bytes.count - pattern.count
            while at <= last {
                guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
                at += 1
            }
            return nil
        }
    }
}
