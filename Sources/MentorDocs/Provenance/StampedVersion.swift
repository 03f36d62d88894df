// The release of mentordocs as documents show it: the footer, the generator meta, the PDF's Creator.

/// This release of mentordocs, as stamped into documents.
enum MentorDocsVersion {
    /// The version number (`MentorDocs.version`).
    public static var number: String { MentorDocs.version }
    /// `mentordocs 0.3.0`.
    public static var name: String { "mentordocs \(number)" }
}
