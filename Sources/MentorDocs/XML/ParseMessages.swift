// libxml2's well-formedness messages, said in a template author's terms: what is wrong at the
// place shown and what to write instead. A message this table does not know is kept as it is.
import Foundation

enum ParseMessages {
    /// Where libxml2 puts a mistake it reports past its start (after the `&`, after the
    /// `</tag>`): what the mistake starts with, and whether the place given may be it.
    typealias Anchor = (text: String, atColumn: Bool)

    /// `message` (libxml2's, one line) for a person editing a template, and the anchor to move
    /// the place shown back to, if any.
    static func read(_ message: String) -> (text: String, anchor: Anchor?) {
        let m = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if m.hasPrefix("xmlParseEntityRef: no name") {
            return ("a bare '&': write &amp; for an ampersand", ("&", true))
        }
        if m.hasPrefix("EntityRef: expecting ';'") {
            return ("a reference that starts with '&' must end with ';' (write &amp; for an ampersand)", ("&", true))
        }
        if let name = between(m, "Entity '", "' not defined") {
            return ("&\(name); is not defined in a template: write the character itself or its number "
                + "(&#160; for a non-breaking space); only &amp; &lt; &gt; &quot; &apos; have names", ("&", true))
        }
        if m.hasPrefix("StartTag: invalid element name") {
            return ("a '<' that starts no element: write &lt; for a less-than sign", ("<", true))
        }
        if m.hasPrefix("Unescaped '<' not allowed in attributes values") {
            return ("a '<' inside an attribute value: write &lt;", ("<", true))
        }
        if let rest = after(m, "Opening and ending tag mismatch: "), let (open, line, close) = mismatch(rest) {
            return ("</\(close)> closes <\(open)>, opened at line \(line): close each element before the one that holds it", ("</", false))
        }
        if m.hasPrefix("Extra content at the end of the document") {
            return ("text or an element after the root element has closed: the whole template is inside one <html> element", nil)
        }
        if let rest = after(m, "Premature end of data in tag "), let (open, line) = tagAndLine(rest) {
            return ("the file ends inside <\(open)>, opened at line \(line): close it", nil)
        }
        if m.hasPrefix("AttValue: \" or ' expected") {
            return ("an attribute's value must be in quotes: name=\"value\"", nil)
        }
        if let name = after(m, "Specification mandates value for attribute ") {
            // HTML's yes-or-no attributes are written with their own name as the value in XHTML.
            return (booleanAttributes.contains(name) ? "attribute \(name) needs a value in quotes (\(name)=\"\(name)\")"
                : "attribute \(name) needs a value in quotes (\(name)=\"...\")", nil)
        }
        if m.hasPrefix("attributes construct error") {
            return ("the element's attributes cannot be read from here on (see the error before)", nil)
        }
        if let rest = after(m, "Couldn't find end of Start Tag "), let (open, line) = tagAndLine(rest) {
            return ("the start tag <\(open)> of line \(line) does not end with '>'", nil)
        }
        if let name = between(m, "Attribute ", " redefined") {
            return ("attribute \(name) is given twice on one element", nil)
        }
        return (m, nil)
    }

    /// The column of the last `anchor` before `column` (at it too when `atColumn`; 1-based, in
    /// Unicode scalars) of `line`, else `column` unchanged.
    static func column(_ column: Int, backTo anchor: Anchor, in line: String) -> Int {
        let scalars = Array(line.unicodeScalars), needle = Array(anchor.text.unicodeScalars)
        var i = min(anchor.atColumn ? column : column - 1, scalars.count) - 1
        while i >= 0 {
            if i + needle.count <= scalars.count, Array(scalars[i..<(i + needle.count)]) == needle { return i + 1 }
            i -= 1
        }
        return column
    }

    /// XHTML 1.0's yes-or-no attributes: `checked="checked"`.
    static let booleanAttributes: Set<String> = ["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple",
                                                 "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"]

    private static func after(_ text: String, _ prefix: String) -> String? {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }

    private static func between(_ text: String, _ prefix: String, _ suffix: String) -> String? {
        guard let rest = after(text, prefix), rest.hasSuffix(suffix) else { return nil }
        let name = String(rest.dropLast(suffix.count))
        return name.isEmpty ? nil : name
    }

    /// `p line 21 and div` as ("p", 21, "div").
    private static func mismatch(_ rest: String) -> (String, Int, String)? {
        let words = rest.split(separator: " ")
        guard words.count == 5, words[1] == "line", words[3] == "and", let line = Int(words[2]) else { return nil }
        return (String(words[0]), line, String(words[4]))
    }

    /// `div line 5` as ("div", 5).
    private static func tagAndLine(_ rest: String) -> (String, Int)? {
        let words = rest.split(separator: " ")
        guard words.count == 3, words[1] == "line", let line = Int(words[2]) else { return nil }
        return (String(words[0]), line)
    }
}
