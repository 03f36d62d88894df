// File names reach the terminal in every message; a name is bytes the user did not necessarily
// choose (a cohort from elsewhere), so its control characters are printed escaped, never raw.

/// Text fit for a terminal: control characters shown as `\u{1B}`-style escapes.
enum PrintedName {
    /// `name` with C0 and C1 controls, DEL and the bidirectional controls escaped.
    public static func escaped(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsEscape) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls (tab and line breaks too: a name is one line), DEL, C1, and the bidi
    /// embeddings, overrides and isolates that reorder what follows them on screen.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return BidiIsolation.isControl(s)
        }
    }
}
