// Turns a participant file's bytes into text the YAML parser can trust: encodings, byte-order
// marks, invalid bytes and control characters, each refused with a located diagnostic.
import Foundation

/// Decodes participant-file bytes to text, or says exactly where and why they are not text.
enum SourceDecoder {
    /// The file's text without any byte-order mark, or the problems that stop it being read.
    static func decode(_ data: Data, file: String) -> Result<String, DiagnosticList> {
        let bytes = [UInt8](data)
        let text: String
        switch detectEncoding(bytes) {
        case .utf8(let skip):
            // A NUL byte never occurs in UTF-8 text but fills binaries and BOM-less UTF-16/32.
            if let nul = bytes.firstIndex(of: 0) {
                return failure(file, bytes: bytes, at: nul, encoding: .utf8(skip: skip),
                               "file contains NUL bytes: it is binary, or UTF-16/UTF-32 text without a "
                               + "byte-order mark; a participant file is YAML text saved as UTF-8",
                               showLine: false) // a binary's "line" is noise
            }
            switch decodeUTF8(bytes[skip...]) {
            case .success(let decoded): text = decoded
            case .failure(let bad):
                let offset = bad.value
                return failure(file, bytes: bytes, at: skip + offset, encoding: .utf8(skip: skip),
                               "invalid UTF-8 at byte \(skip + offset); save the file as UTF-8")
            }
        case .utf16(let bigEndian):
            switch decodeUTF16(bytes, bigEndian: bigEndian) {
            case .success(let decoded): text = decoded
            case .failure(let bad):
                let offset = bad.value
                return failure(file, bytes: bytes, at: offset, encoding: .utf16(bigEndian: bigEndian),
                               "invalid UTF-16 at byte \(offset); save the file as UTF-8")
            }
        case .utf32(let bigEndian):
            switch decodeUTF32(bytes, bigEndian: bigEndian) {
            case .success(let decoded): text = decoded
            case .failure(let bad):
                let offset = bad.value
                return failure(file, bytes: bytes, at: offset, encoding: .utf32(bigEndian: bigEndian),
                               "invalid UTF-32 at byte \(offset); save the file as UTF-8")
            }
        }
        let problems = controlCharacters(in: text, file: file)
        return problems.isEmpty ? .success(withoutLineStartMarks(text)) : .failure(DiagnosticList(problems))
    }

    /// The text without byte-order marks that start a line. YAML allows one at the start of every
    /// document of a stream (files joined with `cat` carry them); libyaml skips it but then counts
    /// it as a column, so a `---` after it is no longer a document marker.
    static func withoutLineStartMarks(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ ByteSearch.offset(of: "\u{FEFF}", in: UnsafeRawBufferPointer($0)) }) != nil else { return text }
        var out = String.UnicodeScalarView()
        var atLineStart = true
        for scalar in text.unicodeScalars {
            if scalar == "\u{FEFF}" && atLineStart { continue }
            out.append(scalar)
            atLineStart = TextPosition.isBreak(scalar)
        }
        return String(out)
    }

    enum Encoding {
        case utf8(skip: Int)
        case utf16(bigEndian: Bool)
        case utf32(bigEndian: Bool)
    }

    /// The encoding named by a byte-order mark; UTF-8 when there is none.
    static func detectEncoding(_ b: [UInt8]) -> Encoding {
        // UTF-32 LE's mark starts with UTF-16 LE's, so test the longer marks first.
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32(bigEndian: true) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32(bigEndian: false) }
        if b.starts(with: [0xFE, 0xFF]) { return .utf16(bigEndian: true) }
        if b.starts(with: [0xFF, 0xFE]) { return .utf16(bigEndian: false) }
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(skip: 3) }
        return .utf8(skip: 0)
    }

    /// The text, or the offset of the first byte that is not valid UTF-8.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> Result<String, Offset> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return .failure(Offset(offset))
            case .emptyInput: return .failure(Offset(offset))
            }
        }
    }

    /// The text after the mark, or the byte offset of the first invalid code unit.
    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> Result<String, Offset> {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let (hi, lo) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        var scalars = String.UnicodeScalarView()
        var unitOffset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF16.decode(encoded))
                unitOffset += encoded.count
            case .error: return .failure(Offset(2 + unitOffset * 2))
            case .emptyInput: break loop
            }
        }
        // An odd byte count leaves half a code unit at the end.
        if bytes.count % 2 == 1 { return .failure(Offset(bytes.count - 1)) }
        return .success(String(scalars))
    }

    /// The text after the mark, or the byte offset of the first value that is not a Unicode scalar.
    static func decodeUTF32(_ bytes: [UInt8], bigEndian: Bool) -> Result<String, Offset> {
        var scalars = String.UnicodeScalarView()
        var i = 4
        while i + 3 < bytes.count {
            let b = bigEndian ? bytes[i...i + 3].map { $0 } : bytes[i...i + 3].reversed()
            let value = b.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard let scalar = Unicode.Scalar(value) else { return .failure(Offset(i)) }
            scalars.append(scalar)
            i += 4
        }
        if bytes.count % 4 != 0 { return .failure(Offset(i)) }
        return .success(String(scalars))
    }

    struct Offset: Error { var value: Int; init(_ value: Int) { self.value = value } }

    /// A located failure for a byte offset: the line and column come from the valid text before it.
    private static func failure(_ file: String, bytes: [UInt8], at offset: Int, encoding: Encoding,
                                _ message: String, showLine: Bool = true) -> Result<String, DiagnosticList> {
        let before: String
        switch encoding {
        case .utf8(let skip):
            before = String(decoding: bytes[skip..<max(skip, offset)], as: UTF8.self)
        case .utf16(let bigEndian):
            let end = offset - offset % 2
            before = (try? decodeUTF16(Array(bytes[0..<max(2, end)]), bigEndian: bigEndian).get()) ?? ""
        case .utf32(let bigEndian):
            before = (try? decodeUTF32(Array(bytes[0..<max(4, offset)]), bigEndian: bigEndian).get()) ?? ""
        }
        let (line, column) = TextPosition.end(of: before)
        var sourceLine = TextPosition.lastLine(of: before)
        if case .utf8 = encoding {
            // Show the whole line, the bad bytes repaired, so the caret has context on both sides.
            let rest = bytes[offset...].prefix { $0 != 0x0A && $0 != 0x0D }
            sourceLine += String(decoding: rest.prefix(200), as: UTF8.self)
        }
        return .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: line, column: column),
                                                   message, sourceLine: showLine ? excerpt(sourceLine, column: column) : nil)]))
    }

    /// Every control character in the text (C0 but tab, LF and CR; DEL; C1), located.
    static func controlCharacters(in text: String, file: String, limit: Int = 20) -> [Diagnostic] {
        var text = text
        guard text.withUTF8(mayHoldRefused), text.unicodeScalars.contains(where: isRefused) else { return [] }
        var problems: [Diagnostic] = []
        // Split like libyaml, not like SourceText: a VT or FF here is a control, not a line break.
        let lines = TextPosition.lines(of: text)
        var line = 1, column = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                problems.append(Diagnostic(
                    at: SourceLocation(file: file, line: line, column: column),
                    "\(kindName(scalar)) \(scalarName(scalar)) is not allowed in a participant file",
                    sourceLine: excerpt(lines[min(line, lines.count) - 1], column: column)))
                if problems.count == limit { break }
            }
            if scalar == "\n" && previousWasCR {
                // The LF of a CRLF: the CR already started the new line.
            } else if TextPosition.isBreak(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return problems
    }

    /// C0 controls other than tab, LF and CR; DEL; the C1 controls (NEL among them).
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Unicode's non-characters: U+FDD0 to U+FDEF and the last two code points of every plane
    /// (U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF). XML 1.0 refuses U+FFFE and U+FFFF outright.
    static func isNonCharacter(_ s: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(s.value) || s.value & 0xFFFE == 0xFFFE
    }

    /// False when valid UTF-8 `bytes` surely hold no refused scalar: no C0 control but tab, LF and
    /// CR, no DEL, and none of the lead bytes that begin a C1 control (C2 80-9F) or a
    /// non-character (EF B7 and EF BF in the first plane, F0-F4 for the others). One pass over
    /// the bytes instead of decoding every scalar of a file that, as most do, holds none.
    static func mayHoldRefused(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E: break
            case 0x00...0x1F, 0x7F, 0xF0...0xFF: return true
            case 0xC2: if i + 1 < n, bytes[i + 1] <= 0x9F { return true }
            case 0xEF: if i + 1 < n, bytes[i + 1] == 0xB7 || bytes[i + 1] == 0xBF { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// What a participant file may not hold anywhere: control characters and non-characters.
    static func isRefused(_ s: Unicode.Scalar) -> Bool { isForbidden(s) || isNonCharacter(s) }

    /// `control character` or `non-character`, for messages about a refused scalar.
    static func kindName(_ s: Unicode.Scalar) -> String { isForbidden(s) ? "control character" : "non-character" }

    /// `U+0007`.
    static func scalarName(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A source line fit for a caret display (see SourceExcerpt): control characters shown as
    /// U+FFFD, so printing it cannot drive a terminal, and a long line cut to a window.
    static func excerpt(_ line: String, column: Int) -> SourceExcerpt {
        SourceExcerpt(line: line, column: column)
    }
}

/// Line and column arithmetic that matches libyaml: columns count Unicode scalars, and CR, LF,
/// CRLF, NEL, LS and PS each end a line.
enum TextPosition {
    static func isBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The 1-based line and column just after the text.
    static func end(of text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
            } else if isBreak(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        return (line, column)
    }

    /// The lines of the text, split where libyaml splits them.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
            } else if isBreak(scalar) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        lines.append(String(current))
        return lines
    }

    /// The text after the last line break.
    static func lastLine(of text: String) -> String {
        guard let start = text.unicodeScalars.lastIndex(where: isBreak) else { return text }
        return String(text.unicodeScalars[text.unicodeScalars.index(after: start)...])
    }
}
