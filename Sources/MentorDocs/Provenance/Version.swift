// The release of mentordocs, stamped into every document and the PDF's Creator.

/// This release of mentordocs.
public enum MentorDocsVersion {
    /// The version number, as shown in documents' footers.
    public static let number = "0.3"
    /// `mentordocs 0.3`.
    public static var name: String { "mentordocs \(number)" }
}
