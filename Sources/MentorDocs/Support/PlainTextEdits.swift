// Two small edits of command-line and participant text, written on Unicode scalars: Foundation's
// versions go through NSString, whose first use costs a cold start more than the edit.

extension Substring {
    /// The text without leading and trailing tabs, space separators (Unicode Zs) and U+200B:
    /// what `trimmingCharacters(in: .whitespaces)` trims here, scalar for scalar.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isFoundationWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isFoundationWhitespace { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }
}

extension StringProtocol {
    /// The text with every '-' byte written as '_', to compare with keys such as `in_person`.
    var dashesAsUnderscores: String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// A member of `CharacterSet.whitespaces` as Foundation on Linux has it: tab, Zs and U+200B.
    var isFoundationWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}
