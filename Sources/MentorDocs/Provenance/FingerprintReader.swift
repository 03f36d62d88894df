// Reading the fingerprints back out of a written document: the `<meta>` elements of an HTML or
// XHTML file, or the Info dictionary of a PDF that mentordocs wrote. No other tool needed.

/// Finds the fingerprints a document carries.
enum FingerprintReader {
    /// The document's fingerprints; nil when it carries none.
    public static func read(_ bytes: [UInt8]) -> Provenance? {
        if bytes.starts(with: Array("%PDF-".utf8)) {
            guard var info = PDFInfo.read(bytes) else { return nil }
            if info[Provenance.Key.generator] == nil { info[Provenance.Key.generator] = info["Creator"] }
            return Provenance(metadata: info)
        }
        return Provenance(metadata: meta(bytes))
    }

    /// The fingerprints of a combined PDF; nil for any other document.
    static func readCombined(_ bytes: [UInt8]) -> CombinedProvenance? {
        guard bytes.starts(with: Array("%PDF-".utf8)), let info = PDFInfo.read(bytes) else { return nil }
        return CombinedProvenance(metadata: info)
    }

    /// `name` → `content` of the `meta` elements before `</head>`, as mentordocs writes them:
    /// `<meta name="..." content="..."` (the values are hex digits and `program/document`).
    static func meta(_ bytes: [UInt8]) -> [String: String] {
        let text = String(decoding: bytes.prefix(1 << 20), as: UTF8.self)
        let head = text.range(of: "</head>").map { text[..<$0.lowerBound] } ?? text[...]
        var out: [String: String] = [:]
        var rest = head
        while let start = rest.range(of: "<meta name=\"") {
            rest = rest[start.upperBound...]
            guard let nameEnd = rest.firstIndex(of: "\"") else { break }
            let name = String(rest[..<nameEnd])
            rest = rest[nameEnd...]
            guard rest.hasPrefix("\" content=\"") else { continue }
            rest = rest.dropFirst("\" content=\"".count)
            guard let end = rest.firstIndex(of: "\"") else { break }
            if out[name] == nil { out[name] = String(rest[..<end]) }
            rest = rest[end...]
        }
        return out
    }
}
