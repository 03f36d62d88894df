// Which data and which form made a document: shown short in its footer, whole in its metadata.

/// The fingerprints a document carries.
public struct Provenance: Sendable, Equatable {
    /// SHA-256 of the partnership's values; nil for a blank form.
    public var data: String?
    /// SHA-256 of the template files.
    public var form: String
    /// `program/document`, so `verify` knows which form to fingerprint.
    public var document: String
    /// The mentordocs that wrote it, `mentordocs 0.3.0`.
    public var generator: String

    /// A document's fingerprints.
    init(data: String?, form: String, document: String, generator: String = MentorDocsVersion.name) {
        self.data = data
        self.form = form
        self.document = document
        self.generator = generator
    }

    /// Names of the `<meta>` elements (and PDF Info keys) that carry them.
    public enum Key {
        public static let data = "mentordocs-data"
        public static let form = "mentordocs-form"
        public static let document = "mentordocs-document"
        public static let generator = "generator"
    }

    /// The footer line: `data 3f9a1c2e7b4d · form 91be02ac55f1 · mentordocs 0.3.0`.
    public var footer: String {
        ((data.map { ["data \($0.prefix(12))"] } ?? []) + ["form \(form.prefix(12))", generator]).joined(separator: " · ")
    }

    /// The name/content pairs written into the document's head.
    public var metadata: [(String, String)] {
        (data.map { [(Key.data, $0)] } ?? []) + [(Key.form, form), (Key.document, document), (Key.generator, generator)]
    }

    /// Reads them back from name/content pairs; nil when there is no form fingerprint.
    public init?(metadata: [String: String]) {
        guard let form = metadata[Key.form] else { return nil }
        self.init(data: metadata[Key.data], form: form, document: metadata[Key.document] ?? "",
                  generator: metadata[Key.generator] ?? "")
    }
}
