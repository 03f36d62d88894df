// The data fingerprint: SHA-256 of a partnership's values in a canonical text form, so that how a
// file is written (comments, quoting, indentation, key order, 1.50 or 1.5) never changes it and
// any change of a value does. The form is documented in docs/pdf.md; change it only with its tag.
import Crypto

/// The canonical form of participant values and its SHA-256.
enum DataFingerprint {
    /// The first line of the canonical form; a new form gets a new tag.
    static let tag = "mentordocs-data/1\n"

    /// Lowercase hex SHA-256 of `value`'s canonical form.
    public static func of(_ value: Value) -> String {
        var out = Array(tag.utf8)
        out.reserveCapacity(8192)
        canonical(value, into: &out)
        return DocumentPipeline.sha256(out)
    }

    /// Appends the canonical form: records as `{"key":value,...}` with keys in UTF-8 byte order,
    /// lists as `[a,b]`, text as a JSON string, numbers as whole numbers or Swift's shortest
    /// round-trip decimal, dates as `@YYYY-MM-DD`, booleans as `true` or `false`.
    static func canonical(_ value: Value, into out: inout [UInt8]) {
        switch value.kind {
        case .text(let s):
            string(s, into: &out)
        case .number(let n):
            out.append(contentsOf: number(n).utf8)
        case .date(let d):
            out.append(UInt8(ascii: "@"))
            out.append(contentsOf: d.iso.utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                canonical(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .record(let fields):
            out.append(UInt8(ascii: "{"))
            for (i, field) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(field.key, into: &out)
                out.append(UInt8(ascii: ":"))
                canonical(field.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `2`, `1.5`, `-0.25`: whole numbers without a decimal point.
    static func number(_ n: Double) -> String {
        if n == 0 { return "0" }
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\u00XX`, the rest as UTF-8.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most values need no escape: their bytes are copied in one go.
        var s = s
        let plain = s.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        let hex: StaticString = "0123456789abcdef"
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 15)])
                }
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
