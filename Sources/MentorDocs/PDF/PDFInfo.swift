// The PDF's document information (Title, Subject, Creator and the fingerprints), set by an
// incremental update: a new Info object, a classic cross-reference section for it and a trailer
// pointing back at the browser's (/Prev). The browser's bytes stay as they were, untouched.
import Foundation

/// Reads and sets the document information dictionary of a PDF.
public enum PDFInfo {
    /// `pdf` with an Info dictionary holding the old one's entries, overridden by `entries`
    /// (text values, written as UTF-16 hex strings).
    public static func update(_ pdf: [UInt8], entries: [(String, String)]) throws(PDFError) -> [UInt8] {
        guard let xref = lastXref(pdf), let trailer = trailer(pdf, xref: xref),
              let size = trailer.int("Size"), let root = trailer.raw["Root"] else {
            throw PDFError("the browser's PDF has no cross-reference table this writer understands")
        }
        var fields: [(String, String)] = []
        if let info = trailer.ref("Info"), let old = object(info, in: pdf, xref: xref) {
            fields = old.ordered.filter { key, _ in !entries.contains { $0.0 == key } }
        }
        fields += entries.map { ($0.0, hexString($0.1)) }

        var out = pdf
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        let objectOffset = out.count
        var body = "\(size) 0 obj\n<<"
        for (key, value) in fields { body += "/\(key) \(value)\n" }
        body += ">>\nendobj\n"
        out += Array(body.utf8)
        let xrefOffset = out.count
        var tail = "xref\n\(size) 1\n" + String(format: "%010d 00000 n \n", objectOffset)
        tail += "trailer\n<</Size \(size + 1) /Root \(root) /Info \(size) 0 R /Prev \(xref)"
        if let id = trailer.raw["ID"] { tail += " /ID \(id)" }
        tail += ">>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        out += Array(tail.utf8)
        return out
    }

    /// The text entries of the PDF's Info dictionary; nil when it has none this reader can find.
    public static func read(_ pdf: [UInt8]) -> [String: String]? {
        guard let xref = lastXref(pdf), let trailer = trailer(pdf, xref: xref), let info = trailer.ref("Info"),
              let dict = object(info, in: pdf, xref: xref) else { return nil }
        var out: [String: String] = [:]
        for (key, raw) in dict.ordered { if let text = decodeString(raw) { out[key] = text } }
        return out
    }

    // MARK: Reading

    /// The offset after the last `startxref`.
    static func lastXref(_ pdf: [UInt8]) -> Int? {
        let tail = pdf.suffix(2048)
        guard let range = find(Array("startxref".utf8), in: Array(tail), last: true) else { return nil }
        var lexer = Lexer(bytes: Array(tail), position: range + 9)
        guard let token = lexer.token(), let offset = Int(token), offset >= 0, offset < pdf.count else { return nil }
        return offset
    }

    /// The trailer dictionary of the cross-reference section at `xref`.
    static func trailer(_ pdf: [UInt8], xref: Int) -> Dictionary? {
        guard pdf[xref...].starts(with: Array("xref".utf8)),
              let at = find(Array("trailer".utf8), in: Array(pdf[xref...]), last: false) else { return nil }
        var lexer = Lexer(bytes: pdf, position: xref + at + 7)
        return lexer.dictionary()
    }

    /// The dictionary of object `number`, found through the sections from `xref` back by /Prev.
    static func object(_ number: Int, in pdf: [UInt8], xref: Int) -> Dictionary? {
        var section: Int? = xref
        var seen = Set<Int>()
        while let offset = section, seen.insert(offset).inserted {
            if let at = entry(number, in: pdf, xref: offset) {
                var lexer = Lexer(bytes: pdf, position: at)
                guard lexer.token() == String(number), lexer.token() != nil, lexer.token() == "obj" else { return nil }
                return lexer.dictionary()
            }
            section = trailer(pdf, xref: offset)?.int("Prev")
        }
        return nil
    }

    /// The byte offset of object `number` in one classic cross-reference section, if listed there.
    static func entry(_ number: Int, in pdf: [UInt8], xref: Int) -> Int? {
        var lexer = Lexer(bytes: pdf, position: xref + 4)
        while let first = lexer.token(), first != "trailer" {
            guard let start = Int(first), let countText = lexer.token(), let count = Int(countText) else { return nil }
            for i in 0..<count {
                guard let offset = lexer.token(), lexer.token() != nil, let kind = lexer.token() else { return nil }
                if start + i == number, kind == "n" { return Int(offset) }
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], last: Bool) -> Int? {
        guard hay.count >= needle.count else { return nil }
        let positions = Array(0...(hay.count - needle.count))
        for i in (last ? positions.reversed() : positions) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    // MARK: Strings

    /// `<FEFF...>`: UTF-16BE with a byte-order mark, which every PDF reader takes as text.
    static func hexString(_ text: String) -> String {
        var out = "<FEFF"
        for unit in text.utf16 { out += String(format: "%04X", unit) }
        return out + ">"
    }

    /// `(text)` when it is printable ASCII (a quarter the size, for the fingerprints of a
    /// combined file's many pairs), else the UTF-16 hex string.
    static func textString(_ text: String) -> String {
        text.utf8.allSatisfy({ (32..<127).contains($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") && $0 != UInt8(ascii: "\\") })
            ? "(\(text))" : hexString(text)
    }

    /// The text of a literal `( )` or hex `< >` string; UTF-16 with a BOM, else PDFDocEncoding
    /// read as Latin-1.
    static func decodeString(_ raw: String) -> String? {
        guard let bytes = stringBytes(Array(raw.utf8)) else { return nil }
        if bytes.starts(with: [0xFE, 0xFF]) {
            var units: [UInt16] = []
            var k = 2
            while k + 1 < bytes.count { units.append(UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1])); k += 2 }
            return String(decoding: units, as: UTF16.self)
        }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    /// The bytes a literal `( )` or hex `< >` string spells, escapes undone; nil for any other value.
    static func stringBytes(_ scalars: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        if scalars.first == UInt8(ascii: "<") && scalars.dropFirst().first != UInt8(ascii: "<") {
            let digits = scalars.dropFirst().prefix { $0 != UInt8(ascii: ">") }.filter { !Lexer.isSpace($0) }
            var i = digits.startIndex
            while i < digits.endIndex {
                let high = digits[i], low = digits.index(after: i) < digits.endIndex ? digits[digits.index(after: i)] : UInt8(ascii: "0")
                guard let h = hexValue(high), let l = hexValue(low) else { return nil }
                bytes.append(h << 4 | l)
                i = digits.index(i, offsetBy: 2, limitedBy: digits.endIndex) ?? digits.endIndex
            }
        } else if scalars.first == UInt8(ascii: "(") {
            var i = 1
            while i < scalars.count - 1 {
                let c = scalars[i]
                if c == UInt8(ascii: "\\"), i + 1 < scalars.count - 1 {
                    let n = scalars[i + 1]
                    switch n {
                    case UInt8(ascii: "n"): bytes.append(10)
                    case UInt8(ascii: "r"): bytes.append(13)
                    case UInt8(ascii: "t"): bytes.append(9)
                    case UInt8(ascii: "b"): bytes.append(8)
                    case UInt8(ascii: "f"): bytes.append(12)
                    case UInt8(ascii: "0")...UInt8(ascii: "7"):
                        var value = 0, j = i + 1
                        while j < min(i + 4, scalars.count - 1), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(scalars[j]) {
                            value = value * 8 + Int(scalars[j] - UInt8(ascii: "0")); j += 1
                        }
                        bytes.append(UInt8(value & 255)); i = j; continue
                    case 10, 13: break
                    default: bytes.append(n)
                    }
                    i += 2
                    continue
                }
                bytes.append(c)
                i += 1
            }
        } else {
            return nil
        }
        return bytes
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Lexing

    /// A dictionary's entries as raw PDF text (`/Key` → `(value)`, `1 0 R`, `[...]`).
    struct Dictionary {
        var ordered: [(String, String)] = []
        var raw: [String: String] { Swift.Dictionary(ordered, uniquingKeysWith: { $1 }) }
        func int(_ key: String) -> Int? { raw[key].flatMap { Int($0) } }
        /// The object number of an indirect reference `N G R`.
        func ref(_ key: String) -> Int? {
            guard let value = raw[key] else { return nil }
            let parts = value.split(separator: " ")
            return parts.count == 3 && parts[2] == "R" ? Int(parts[0]) : nil
        }
    }

    /// Just enough PDF syntax for a trailer and an Info dictionary.
    struct Lexer {
        let bytes: [UInt8]
        var position: Int

        static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 || c == 0 }
        static func isDelimiter(_ c: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(c) }

        mutating func skip() {
            while position < bytes.count {
                if Self.isSpace(bytes[position]) { position += 1 } else if bytes[position] == UInt8(ascii: "%") {
                    while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
                } else { return }
            }
        }

        /// The next token as text: a word, `<<`, `>>`, `[`, `]`, a name `/X`, or a whole string.
        mutating func token() -> String? {
            skip()
            guard position < bytes.count else { return nil }
            let start = position
            let c = bytes[position]
            if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
                if position + 1 < bytes.count, bytes[position + 1] == c { position += 2; return c == UInt8(ascii: "<") ? "<<" : ">>" }
                if c == UInt8(ascii: ">") { position += 1; return ">" }
                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                position = min(position + 1, bytes.count)
            } else if c == UInt8(ascii: "(") {
                var depth = 0
                while position < bytes.count {
                    let ch = bytes[position]
                    if ch == UInt8(ascii: "\\") { position += 2; continue }
                    if ch == UInt8(ascii: "(") { depth += 1 }
                    if ch == UInt8(ascii: ")") { depth -= 1; if depth == 0 { position += 1; break } }
                    position += 1
                }
                position = min(position, bytes.count)
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "]") {
                position += 1
            } else {
                if c == UInt8(ascii: "/") { position += 1 }
                while position < bytes.count, !Self.isSpace(bytes[position]), !Self.isDelimiter(bytes[position]) { position += 1 }
                if position == start { position += 1 }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// A value as raw text: one token, an array, a nested dictionary or `N G R`.
        mutating func value(_ first: String) -> String? {
            if first == "[" {
                var parts = ["["]
                while let t = token(), t != "]" { guard let v = value(t) else { return nil }; parts.append(v) }
                return (parts + ["]"]).joined(separator: " ")
            }
            if first == "<<" {
                var parts = ["<<"]
                while let t = token(), t != ">>" { parts.append(t) }
                return (parts + [">>"]).joined(separator: " ")
            }
            if Int(first) != nil {
                let save = position
                if let g = token(), Int(g) != nil, token() == "R" { return "\(first) \(g) R" }
                position = save
            }
            return first
        }

        /// A dictionary `<< /Key value ... >>`.
        mutating func dictionary() -> Dictionary? {
            guard token() == "<<" else { return nil }
            var out = Dictionary()
            while let key = token() {
                if key == ">>" { return out }
                guard key.hasPrefix("/"), let first = token(), let v = value(first) else { return nil }
                out.ordered.append((String(key.dropFirst()), v))
            }
            return nil
        }
    }
}
