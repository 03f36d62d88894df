// JSON writers escape a character beyond U+FFFF as a UTF-16 surrogate pair (Python's json.dump
// writes "😀" as "\ud83d\ude00"), which JSON allows and libyaml refuses ("found invalid Unicode
// character escape code"). A JSON file's pairs are rewritten, before libyaml reads it, as YAML's
// escape of the same character ("\U0001F600", two characters shorter), and the columns libyaml
// reports after one on its line are moved back to where they are in the file.

/// A JSON text with its escaped surrogate pairs written as YAML escapes.
struct SurrogatePairs {
    /// The text libyaml reads.
    let text: String
    /// For each line (1-based) that had a pair, the columns (1-based, in `text`) each rewrite ends at.
    private let rewrites: [Int: [Int]]

    /// Where the character at `line`, `column` of `text` is in the file.
    func fileColumn(line: Int, column: Int) -> Int {
        column + 2 * (rewrites[line]?.filter { $0 <= column }.count ?? 0)
    }

    /// The rewrite of `text`, or nil when it is not JSON (its first character is not `{` or `[`)
    /// or escapes no surrogate pair.
    static func rewrite(_ text: String) -> SurrogatePairs? {
        guard mayHoldAPair(text),
              let first = text.unicodeScalars.first(where: { !" \t\r\n\u{FEFF}".unicodeScalars.contains($0) }),
              first == "{" || first == "[" else { return nil }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var rewrites: [Int: [Int]] = [:]
        var line = 1, column = 1, inString = false, i = 0
        func hex(at k: Int) -> UInt32? {
            guard k + 4 <= scalars.count else { return nil }
            var v: UInt32 = 0
            for s in scalars[k..<(k + 4)] {
                guard let d = Character(s).hexDigitValue else { return nil }
                v = v * 16 + UInt32(d)
            }
            return v
        }
        func emit(_ s: Unicode.Scalar) {
            out.append(s)
            switch s {
            case "\n", "\u{85}", "\u{2028}", "\u{2029}": line += 1; column = 1
            case "\r": line += 1; column = 1
            default: column += 1
            }
        }
        while i < scalars.count {
            let s = scalars[i]
            if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { out.append(s); i += 1; continue } // one break
            if !inString {
                if s == "\"" { inString = true }
                emit(s); i += 1; continue
            }
            if s == "\"" { inString = false; emit(s); i += 1; continue }
            guard s == "\\", i + 1 < scalars.count else { emit(s); i += 1; continue }
            if scalars[i + 1] == "u", let high = hex(at: i + 2), (0xD800...0xDBFF).contains(high),
               i + 7 < scalars.count, scalars[i + 6] == "\\", scalars[i + 7] == "u",
               let low = hex(at: i + 8), (0xDC00...0xDFFF).contains(low) {
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let digits = String(value, radix: 16, uppercase: true)
                for c in ("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).unicodeScalars { emit(c) }
                rewrites[line, default: []].append(column)
                i += 12
                continue
            }
            emit(s); emit(scalars[i + 1]); i += 2 // any other escape, passed on whole
        }
        guard !rewrites.isEmpty else { return nil }
        return SurrogatePairs(text: String(out), rewrites: rewrites)
    }

    /// Whether the bytes hold `\uD8`-`\uDB` in any case, the start of a pair: most files do not,
    /// and are not looked at closer.
    private static func mayHoldAPair(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 12 else { return false }
            for i in 0..<(bytes.count - 3) where bytes[i] == UInt8(ascii: "\\") && bytes[i + 1] == UInt8(ascii: "u") {
                let d = bytes[i + 2] | 0x20, high = bytes[i + 3] | 0x20
                if d == UInt8(ascii: "d"), high == UInt8(ascii: "8") || high == UInt8(ascii: "9")
                    || high == UInt8(ascii: "a") || high == UInt8(ascii: "b") { return true }
            }
            return false
        }
    }
}
