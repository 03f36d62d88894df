// libxml2's well-formedness messages, said in a template author's terms: what is wrong at the
// place shown and what to write instead. A message this table does not know is kept as it is.
import Foundation

enum ParseMessages {
    /// `message` (libxml2's, one line) for a person editing a template.
    static func plain(_ message: String) -> String {
        let m = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if m.hasPrefix("xmlParseEntityRef: no name") {
            return "a bare '&': write &amp; for an ampersand"
        }
        if m.hasPrefix("EntityRef: expecting ';'") {
            return "a reference that starts with '&' must end with ';' (write &amp; for an ampersand)"
        }
        if let name = between(m, "Entity '", "' not defined") {
            return "&\(name); is not defined in a template: write the character itself or its number "
                + "(&#160; for a non-breaking space); only &amp; &lt; &gt; &quot; &apos; have names"
        }
        if m.hasPrefix("StartTag: invalid element name") {
            return "a '<' that starts no element: write &lt; for a less-than sign"
        }
        if m.hasPrefix("Unescaped '<' not allowed in attributes values") {
            return "a '<' inside an attribute value: write &lt;"
        }
        if let rest = after(m, "Opening and ending tag mismatch: "), let (open, line, close) = mismatch(rest) {
            return "</\(close)> closes <\(open)>, opened at line \(line): close each element before the one that holds it"
        }
        if m.hasPrefix("Extra content at the end of the document") {
            return "text or an element after the root element has closed: the whole template is inside one <html> element"
        }
        if let rest = after(m, "Premature end of data in tag "), let (open, line) = tagAndLine(rest) {
            return "the file ends inside <\(open)>, opened at line \(line): close it"
        }
        if m.hasPrefix("AttValue: \" or ' expected") {
            return "an attribute's value must be in quotes: name=\"value\""
        }
        if let name = after(m, "Specification mandates value for attribute ") {
            return "attribute \(name) needs a value in quotes (\(name)=\"\(name)\")"
        }
        if m.hasPrefix("attributes construct error") {
            return "the element's attributes cannot be read from here on (see the error before)"
        }
        if let rest = after(m, "Couldn't find end of Start Tag "), let (open, line) = tagAndLine(rest) {
            return "the start tag <\(open)> of line \(line) does not end with '>'"
        }
        if let name = between(m, "Attribute ", " redefined") {
            return "attribute \(name) is given twice on one element"
        }
        return m
    }

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
