// The one place the release number is written.

/// Facts about this build of mentordocs.
public enum MentorDocs {
    /// The version `mentordocs --version` prints and generated files may name.
    public static let version = "0.3.0"
}
