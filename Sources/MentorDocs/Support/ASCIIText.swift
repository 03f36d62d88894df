// ASCII fast paths for reading template directives character by character: in an ASCII text
// each byte is one Character (CR LF aside, which none of these tells apart from its two bytes),
// so bytes give the standard library's answers without grapheme breaking or Unicode lookups.

extension StringProtocol {
    /// Whether every byte of the text is ASCII.
    var isASCIIText: Bool { utf8.allSatisfy { $0 < 0x80 } }

    /// `split(separator:maxSplits:omittingEmptySubsequences:)`, byte by byte when the text is ASCII.
    func splitting(_ separator: Character, maxSplits: Int = Int.max,
                   omittingEmptySubsequences: Bool = true) -> [Substring] {
        let text = Substring(self)
        guard separator.utf8.count == 1, let byte = separator.utf8.first, byte < 0x80, text.isASCIIText else {
            return text.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return text.utf8.split(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }
}

extension UInt8 {
    /// An ASCII byte that `Character.isWhitespace` holds for (tab to carriage return, space).
    var isASCIIWhitespace: Bool { (0x09...0x0D).contains(self) || self == 0x20 }
    /// An ASCII letter or digit: what `isLetter || isNumber` holds for among ASCII characters.
    var isASCIILetterOrDigit: Bool { isASCIILetter || (0x30...0x39).contains(self) }
    /// An ASCII letter: what `isLetter` holds for among ASCII characters.
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}
