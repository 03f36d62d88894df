// The lines of a source file, for caret displays and for finding a column libxml2 does not give.
import Foundation

/// A file's text split into lines, to quote a line under an error and find columns. Split on
/// first use: most files are read without a line to quote.
struct SourceText: Sendable {
    private let storage: Storage
    fileprivate static let markStride = 256
    fileprivate static let longLine = 1024

    public init(_ text: String) { storage = Storage(text) }

    /// The file's lines.
    var lines: [Substring] { storage.split.lines }

    /// The part of the 1-based line around the 1-based `column` (Unicode scalars, as libyaml
    /// counts), for a caret display; a long line is cut to a window, found without copying it.
    public func excerpt(_ number: Int, column: Int) -> SourceExcerpt? {
        let split = storage.split
        guard number >= 1, number <= split.lines.count else { return nil }
        let line = split.lines[number - 1]
        let scalars = line.unicodeScalars
        let target = max(0, column - 1)
        var i = scalars.startIndex, reached = 0
        if let marks = split.marks[number - 1], !marks.isEmpty {
            let k = min(target / SourceText.markStride, marks.count - 1)
            i = marks[k]
            reached = k * SourceText.markStride
        }
        while reached < target, i < scalars.endIndex {
            i = scalars.index(after: i)
            reached += 1
        }
        return SourceExcerpt(line, caret: i, column: column)
    }

    /// Whether line `number` holds a `#` after a space and before a word (`Kate #2`), where YAML
    /// starts a comment that may cut a value short; the text is scanned for them once.
    func mayHoldGluedComment(line number: Int) -> Bool {
        !storage.gluedCommentLines.isEmpty && storage.gluedCommentLines.contains(number)
    }

    /// The 1-based line's text, if it exists (a copy: for a caret display use `excerpt`).
    public func line(_ number: Int) -> String? {
        let lines = self.lines
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// The first place at or after `line` where `needle` appears (1-based line and column).
    public func find(_ needle: String, from line: Int, within: Int = 40) -> (line: Int, column: Int)? {
        let lines = self.lines
        let start = max(1, line)
        guard start <= lines.count else { return nil }
        for number in start...min(lines.count, start + within) {
            if let at = ByteSearch.firstIndex(of: needle, in: lines[number - 1]) {
                return (number, lines[number - 1].distance(from: lines[number - 1].startIndex, to: at) + 1)
            }
        }
        return nil
    }
}

/// A window of one source line for a caret display: the whole line when it is short, else about
/// a hundred and sixty characters around the column, with `…` where it was cut.
struct SourceExcerpt: Sendable, Hashable {
    /// The text shown, control characters as U+FFFD so printing it cannot drive a terminal.
    public var text: String
    /// The 1-based column of the caret within `text`.
    public var column: Int

    /// Characters kept before the caret when a long line is cut, and the width kept in all.
    static let before = 60, width = 160

    /// The window of `line` around `caret` (the index of column `column`, or the line's end).
    init(_ line: Substring, caret: String.Index, column: Int) {
        let scalars = line.unicodeScalars
        if line.utf8.count <= SourceExcerpt.width {
            text = SourceExcerpt.sanitized(scalars[...])
            self.column = column
            return
        }
        // Keep the start of the line when the caret is near it, as the whole line would show it.
        let caretOffset = max(0, column - 1)
        var lo = caret
        if SourceExcerpt.cutBefore(caretOffset) {
            for _ in 0..<SourceExcerpt.before where lo > scalars.startIndex { lo = scalars.index(before: lo) }
        } else {
            lo = scalars.startIndex
        }
        var hi = caret, kept = 0
        let after = SourceExcerpt.cutBefore(caretOffset) ? SourceExcerpt.width - SourceExcerpt.before : max(81, SourceExcerpt.width - caretOffset)
        while kept < after, hi < scalars.endIndex { hi = scalars.index(after: hi); kept += 1 }
        let cutBefore = lo > scalars.startIndex
        let shownBefore = scalars[lo..<caret].count
        text = (cutBefore ? "…" : "") + SourceExcerpt.sanitized(scalars[lo..<hi]) + (hi < scalars.endIndex ? "…" : "")
        self.column = column > 0 ? shownBefore + 1 + (cutBefore ? 1 : 0) : 0
    }

    /// Whether a caret this far into a long line is shown with the line's start cut off.
    private static func cutBefore(_ caretOffset: Int) -> Bool { caretOffset > SourceExcerpt.width / 2 }

    /// A window of a line held as a string (callers that have no SourceText).
    public init(line: String, column: Int) {
        let scalars = line.unicodeScalars
        var caret = scalars.startIndex, reached = 0
        while reached < column - 1, caret < scalars.endIndex { caret = scalars.index(after: caret); reached += 1 }
        self.init(line[...], caret: caret, column: column)
    }

    /// The scalars with C0 controls (but tab), DEL, C1 controls and non-characters shown as U+FFFD.
    static func sanitized(_ scalars: Substring.UnicodeScalarView) -> String {
        // Printable ASCII (most lines) is kept as it is.
        if Substring(scalars).utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) { return String(Substring(scalars)) }
        var out = String.UnicodeScalarView()
        for s in scalars {
            switch s.value {
            case 0x09: out.append(s)
            case 0x00...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: out.append("\u{FFFD}")
            default: out.append(s.value & 0xFFFE == 0xFFFE ? "\u{FFFD}" : s)
            }
        }
        return String(out)
    }
}

/// A source text's lines, computed once, behind a lock (diagnostics may be made on any thread).
private final class Storage: Sendable {
    let text: String
    private let cache = Locked<Split?>(nil)
    /// The lines (1-based) where a `#` follows a space or tab and is followed by neither (see
    /// `SourceText.mayHoldGluedComment`); found with one pass over the bytes.
    let gluedCommentLines: Set<Int>

    init(_ text: String) {
        self.text = text
        var text = text
        gluedCommentLines = text.withUTF8 { bytes in
            var lines = Set<Int>()
            var line = 1, counted = 0
            var i = 0
            guard let base = bytes.baseAddress else { return lines }
            while i < bytes.count, let found = memchr(base + i, Int32(UInt8(ascii: "#")), bytes.count - i) {
                let hash = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                i = hash + 1
                guard hash > 0, bytes[hash - 1] == 0x20 || bytes[hash - 1] == 0x09, hash + 1 < bytes.count else { continue }
                switch bytes[hash + 1] {
                case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "#"): continue
                default: break
                }
                for b in bytes[counted..<hash] where b == 0x0A { line += 1 }
                counted = hash
                lines.insert(line)
            }
            return lines
        }
    }

    var split: Split {
        cache.withLock { cached in
            if let cached { return cached }
            let made = Split(text)
            cached = made
            return made
        }
    }
}

/// The lines of a text and, for each long line, marks to find a column in bounded steps.
private struct Split: Sendable {
    let lines: [Substring]
    /// For each long line (by index): the index of every `markStride`-th Unicode scalar, so a
    /// column is found in a bounded number of steps, not by walking a 200 KB one-line file.
    let marks: [Int: [String.Index]]

    /// Splits the text on the line breaks `Character.isNewline` knows (LF, CRLF, CR, VT, FF,
    /// NEL, LS, PS), scanning UTF-8 bytes: splitting by Character was a measurable share of
    /// reading every participant file and template.
    init(_ text: String) {
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
        var marks: [Int: [String.Index]] = [:]
        for (n, line) in lines.enumerated() where line.utf8.count > SourceText.longLine {
            var found: [String.Index] = []
            var count = 0
            var i = line.unicodeScalars.startIndex
            while i < line.unicodeScalars.endIndex {
                if count % SourceText.markStride == 0 { found.append(i) }
                count += 1
                i = line.unicodeScalars.index(after: i)
            }
            marks[n] = found
        }
        self.marks = marks
    }
}
