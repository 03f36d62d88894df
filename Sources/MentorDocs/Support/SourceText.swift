// The lines of a source file, for caret displays and for finding a column libxml2 does not give.
import Foundation

/// A file's text split into lines, to quote a line under an error and find columns.
public struct SourceText: Sendable {
    public let lines: [Substring]

    /// Splits the text on the line breaks `Character.isNewline` knows (LF, CRLF, CR, VT, FF,
    /// NEL, LS, PS), scanning UTF-8 bytes: splitting by Character was a measurable share of
    /// reading every participant file and template.
    public init(_ text: String) {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            var breakLength = 0
            switch byte {
            case 0x0A, 0x0B, 0x0C: breakLength = 1
            case 0x0D:
                let next = utf8.index(after: i)
                breakLength = next != utf8.endIndex && utf8[next] == 0x0A ? 2 : 1
            case 0xC2:
                let next = utf8.index(after: i)
                if next != utf8.endIndex, utf8[next] == 0x85 { breakLength = 2 }
            case 0xE2:
                let b1 = utf8.index(after: i)
                if b1 != utf8.endIndex, utf8[b1] == 0x80 {
                    let b2 = utf8.index(after: b1)
                    if b2 != utf8.endIndex, utf8[b2] == 0xA8 || utf8[b2] == 0xA9 { breakLength = 3 }
                }
            default: break
            }
            if breakLength > 0 {
                lines.append(text[start..<i])
                i = utf8.index(i, offsetBy: breakLength)
                start = i
            } else {
                i = utf8.index(after: i)
            }
        }
        lines.append(text[start..<utf8.endIndex])
        self.lines = lines
    }

    /// The 1-based line's text, if it exists.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// The first place at or after `line` where `needle` appears (1-based line and column).
    public func find(_ needle: String, from line: Int, within: Int = 40) -> (line: Int, column: Int)? {
        let start = max(1, line)
        guard start <= lines.count else { return nil }
        for number in start...min(lines.count, start + within) {
            if let range = lines[number - 1].range(of: needle) {
                return (number, lines[number - 1].distance(from: lines[number - 1].startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }
}
