// Texts joined from participants' values ("Mentor and Mentee") go where no markup can isolate
// each one (a CSS running header, a PDF's Subject, the index of a batch): a name that holds a
// right-to-left letter or a directional control is isolated in the text itself, so that it cannot
// reorder the words around it ("Alice ‮ and Bob" would read "Alice boB dna").

/// Unicode bidi isolation of a text inside a longer one.
enum BidiIsolation {
    /// `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it could reorder
    /// what is around it; else `text` as it is (left-to-right names stay byte for byte).
    static func isolated(_ text: String) -> String {
        text.unicodeScalars.contains(where: mayReorder) ? "\u{2068}" + text + "\u{2069}" : text
    }

    /// Directional marks and controls, and the blocks of the right-to-left scripts (Hebrew,
    /// Arabic, Syriac, Thaana, N'Ko and the others, their presentation forms, and the
    /// right-to-left historic and modern scripts beyond the Basic Multilingual Plane).
    static func mayReorder(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return isControl(s)
        }
    }

    /// The directional marks, embeddings, overrides and isolates, which reorder what is near them.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
