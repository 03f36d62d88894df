// Resolving a plain scalar's YAML type cheaply. Yams resolves tags lazily with up to seven ICU
// regular expressions per call and caches nothing (a Node is a value), which made tag
// resolution the largest single cost of reading a participant file. Files are parsed with
// `Resolver.basic` (no rules) and resolved here instead.
import Yams

extension Node {
    /// The node's resolved tag name, as Yams' default resolver would give it.
    var resolvedTagName: Tag.Name {
        guard let scalar else { return Resolver.default.resolveTag(of: self) }
        // Without rules, only an explicit tag survives resolution (quoted scalars carry `!!str`).
        let explicit = Resolver.basic.resolveTag(of: self)
        guard scalar.style == .plain || scalar.style == .any, explicit == .str else { return explicit }
        if let quick = Self.quickTag(scalar.string) { return quick }
        // A scalar resolves with its own tag's resolver (here .basic): ask a default-resolving copy.
        return Resolver.default.resolveTag(of: Node.scalar(.init(scalar.string, Tag(.implicit), .plain)))
    }

    /// Whether the node is YAML's null (`~`, `null`, or nothing at all).
    var isNull: Bool {
        guard let scalar else { return false }
        if scalar.style == .plain || scalar.style == .any, Resolver.basic.resolveTag(of: self) == .str {
            return Self.nullWords.contains(scalar.string) // an implicit plain scalar: no regex needed
        }
        return resolvedTagName == .null
    }

    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let boolWords: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                         "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    /// The tag decided from the first character alone, or nil when the regular expressions must
    /// decide. Every YAML 1.1 implicit type other than text starts with a digit, `+ - . ~ < =`
    /// or one of the letters of `yes no true false on off null`.
    static func quickTag(_ text: String) -> Tag.Name? {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return quickNumeric(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "<"),
             UInt8(ascii: "="):
            return nil
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Yams' rules: these letters start a type only as one of a few whole words.
            if boolWords.contains(text) { return .bool }
            return nullWords.contains(text) ? .null : .str
        default:
            return .str
        }
    }

    /// The common numerals and days written with plain digits: `12`, `1.5`, `2026-01-15`.
    /// Anything else starting with a digit (`012`, `1_000`, `1:20`, `1e3`) goes to the rules.
    static func quickNumeric(_ text: String) -> Tag.Name? {
        let bytes = Array(text.utf8)
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || isDigit($0.element) }) {
            return .timestamp
        }
        guard bytes.first != UInt8(ascii: "0") || bytes.count == 1 || bytes[1] == UInt8(ascii: ".") else { return nil }
        let dots = bytes.filter { $0 == UInt8(ascii: ".") }.count
        guard dots <= 1, bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }) else { return nil }
        return dots == 0 ? .int : .float
    }
}
