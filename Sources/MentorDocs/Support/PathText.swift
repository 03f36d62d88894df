// A path's folder, worked out on its text: Foundation's NSString.deletingLastPathComponent
// traps on a path of one character ("a", "T", "./", "é"), which a user can type for any file.

/// Path arithmetic on text, without touching the file system.
public enum PathText {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` gives it: "" for a
    /// bare name, "/" for an entry of the root, trailing slashes ignored.
    public static func folder(of path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        guard let slash = text.lastIndex(of: "/") else { return "" }
        var folder = text[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
