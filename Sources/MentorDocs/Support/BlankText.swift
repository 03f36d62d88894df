// Whether text is blank (empty or only white space), asked of every filled value: ASCII is
// checked byte by byte, and only text with other characters goes through Unicode's properties.
extension StringProtocol {
    /// True when the text is empty or every character is white space.
    var isBlank: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return allSatisfy(\.isWhitespace) }
            if byte != 0x20, !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }
}
