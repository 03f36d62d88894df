// Where each document goes: `DIR/<id>/<document>.<ext>`, with ids made safe as folder names.
import Foundation

/// Output locations and the rules that keep them inside the output folder.
enum OutputPaths {
    /// Device names Windows reserves whatever the extension: COM and LPT with a digit, the
    /// superscript digits ¹ ² ³ among them.
    static let reserved = Set(["con", "prn", "aux", "nul", "clock$", "conin$", "conout$"]
        + (["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"]).flatMap { ["com\($0)", "lpt\($0)"] })

    /// An id as one safe path component: no separators, no leading dot, no control or reserved
    /// names, at most 100 bytes. Letters of every script are kept.
    public static func safeComponent(_ id: String) -> String {
        var out = ""
        // An id of ASCII letters, digits, '-', '_' and '.' (the usual case) is kept as it is,
        // without Unicode normalization.
        let plain = id.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E
        }
        if plain {
            out = id
        } else {
            for ch in id.precomposedStringWithCanonicalMapping {
                if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || ch == "." {
                    out.append(ch)
                } else if !out.hasSuffix("-") {
                    out.append("-")
                }
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        while out.utf8.count > 100 { out.removeLast() }
        // After the cut too: Windows drops a trailing dot, so `a.` and `a` would be one folder.
        while out.hasSuffix(".") || out.hasSuffix("-") { out.removeLast() }
        if out.isEmpty { out = "partnership" }
        let stem = out.split(separator: ".").first.map { String($0).lowercased() } ?? ""
        if reserved.contains(stem) { out = "_" + out }
        return out
    }

    /// `<id>/<document>.<ext>`, relative to the output folder.
    public static func document(id: String, document: DocumentKind, format: RenderOptions.Format) -> String {
        "\(safeComponent(id))/\(document.rawValue).\(format.fileExtension)"
    }

    /// `blank/<program>/<document>.<ext>`, relative to the output folder.
    public static func blank(program: Program, document: DocumentKind, format: RenderOptions.Format) -> String {
        "blank/\(program.rawValue)/\(document.rawValue).\(format.fileExtension)"
    }

    /// The key two ids collide under on a case-insensitive file system (macOS, Windows).
    public static func collisionKey(_ id: String) -> String {
        safeComponent(id).lowercased()
    }
}
