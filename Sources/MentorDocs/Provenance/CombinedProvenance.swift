// The fingerprints of a combined PDF (`batch --combine --format pdf`): the form the whole file
// was made with, and for each pair in order its id, its pages and its data fingerprint, taken from
// the pair's own PDF. Written into the combined file's Info dictionary under the keys below.

/// Which data and form made each pair of a combined PDF.
public struct CombinedProvenance: Sendable, Equatable {
    /// One pair of the file.
    public struct Pair: Sendable, Equatable {
        /// The partnership's id.
        public var id: String
        /// Its data fingerprint; nil when its PDF carried none.
        public var data: String?
        /// Its form fingerprint when it is not the file's.
        public var form: String?
        /// Its first and last page in the combined file (1-based).
        public var pages: ClosedRange<Int>
    }

    /// The form fingerprint of the file (every pair's, unless a pair says otherwise).
    public var form: String
    /// `program/document`.
    public var document: String
    /// The mentordocs that wrote it.
    public var generator: String
    public var pairs: [Pair]

    /// Info keys beside those of a single document (Provenance.Key): the count, then per pair N.
    public enum Key {
        public static let pairs = "mentordocs-pairs"
        static func data(_ n: Int) -> String { "mentordocs-data-\(n)" }
        static func form(_ n: Int) -> String { "mentordocs-form-\(n)" }
        static func id(_ n: Int) -> String { "mentordocs-pair-\(n)" }
        static func pages(_ n: Int) -> String { "mentordocs-pages-\(n)" }
    }

    /// The fingerprints of pairs whose PDFs carried `stamps` (their Info entries, nil when
    /// unreadable); nil when none carried a form fingerprint.
    init?(document: String, pairs stamps: [(id: String, pages: ClosedRange<Int>, info: [String: String]?)]) {
        guard let form = stamps.lazy.compactMap({ $0.info?[Provenance.Key.form] }).first else { return nil }
        self.form = form
        self.document = document
        generator = MentorDocsVersion.name
        pairs = stamps.map { stamp in
            let own = stamp.info?[Provenance.Key.form]
            return Pair(id: stamp.id, data: stamp.info?[Provenance.Key.data], form: own == form ? nil : own, pages: stamp.pages)
        }
    }

    /// The Info entries: the form and document as a single PDF has them, then each pair's.
    var metadata: [(String, String)] {
        var out = [(Provenance.Key.form, form), (Provenance.Key.document, document), (Key.pairs, String(pairs.count))]
        for (i, pair) in pairs.enumerated() {
            let n = i + 1
            out.append((Key.id(n), pair.id))
            out.append((Key.pages(n), pair.pages.count == 1 ? "\(pair.pages.lowerBound)" : "\(pair.pages.lowerBound)-\(pair.pages.upperBound)"))
            if let data = pair.data { out.append((Key.data(n), data)) }
            if let own = pair.form { out.append((Key.form(n), own)) }
        }
        return out
    }

    /// Reads them back from a PDF's Info entries; nil when it is not a combined file.
    init?(metadata: [String: String]) {
        guard let form = metadata[Provenance.Key.form], let count = metadata[Key.pairs].flatMap({ Int($0) }),
              (0...1_000_000).contains(count) else { return nil }
        self.form = form
        document = metadata[Provenance.Key.document] ?? ""
        generator = metadata[Provenance.Key.generator] ?? metadata["Creator"] ?? ""
        pairs = (1...max(1, count)).prefix(count).map { n in
            let bounds = (metadata[Key.pages(n)] ?? "").split(separator: "-").compactMap { Int($0) }
            let first = bounds.first ?? 0, last = bounds.last ?? first
            return Pair(id: metadata[Key.id(n)] ?? "", data: metadata[Key.data(n)], form: metadata[Key.form(n)],
                        pages: first...max(first, last))
        }
    }

    /// `pair 2 of 3 ('pair-2', pages 4-6)`.
    func describe(_ index: Int) -> String {
        let pair = pairs[index]
        let pages = pair.pages.count == 1 ? "page \(pair.pages.lowerBound)" : "pages \(pair.pages.lowerBound)-\(pair.pages.upperBound)"
        return "pair \(index + 1) of \(pairs.count) ('\(pair.id)', \(pages))"
    }
}
