// The lines of a source file, for caret displays and for finding a column libxml2 does not give.
import Foundation

/// A file's text split into lines, to quote a line under an error and find columns.
public struct SourceText: Sendable {
    public let lines: [Substring]

    /// Splits the text on LF, CRLF or CR.
    public init(_ text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
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
