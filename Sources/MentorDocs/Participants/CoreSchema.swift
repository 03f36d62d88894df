// Numbers as YAML 1.2's core schema reads them (docs/participant-format.md, "Numbers"): no base 60,
// no YAML 1.1 octal or binary, no `_` separators. Parsing is by hand so that no input, however
// long or odd, can trap on overflow: a numeral too large for its type is just out of range.

/// A plain scalar read as a YAML 1.2 core-schema number.
enum CoreSchema {
    /// What a plain scalar is as a number.
    enum Number: Equatable {
        /// An integer numeral (`12`, `012`, `-3`, `0o14`, `0xC`), nil when it does not fit `Int`.
        case integer(Int?)
        /// A floating-point numeral (`1.5`, `2e3`, `.inf`), possibly infinite or NaN.
        case float(Double)
    }

    /// The number the text writes, or nil when it is not a core-schema numeral (then it is text).
    static func number(_ text: String) -> Number? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        if let special = specialFloat(bytes) { return .float(special) }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        // 0o and 0x take no sign in the core schema.
        if i == 0, bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return radix(bytes[2...], 8).map { .integer($0) } }
            if bytes[1] == UInt8(ascii: "x") { return radix(bytes[2...], 16).map { .integer($0) } }
        }
        let body = bytes[i...]
        guard !body.isEmpty else { return nil }
        if body.allSatisfy(isDigit) {
            return .integer(decimal(body, negative: negative))
        }
        guard isFloat(body), let value = Double(text) else { return nil }
        return .float(value)
    }

    /// `.inf`, `-.Inf`, `.nan` and their case forms.
    private static func specialFloat(_ b: [UInt8]) -> Double? {
        let text = String(decoding: b, as: UTF8.self)
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return nil
        }
    }

    /// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, the sign already taken off.
    private static func isFloat(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        let intStart = i
        while i < b.endIndex, isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        var fracDigits = 0
        if i < b.endIndex, b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            fracDigits = i - fracStart
            if intDigits == 0 && fracDigits == 0 { return false }
        } else if intDigits == 0 {
            return false
        }
        if i < b.endIndex, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let expStart = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            if i == expStart { return false }
        }
        return i == b.endIndex
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// The decimal digits' value, nil when it does not fit `Int` (checked at every step).
    private static func decimal(_ digits: ArraySlice<UInt8>, negative: Bool) -> Int? {
        var value = 0
        for d in digits {
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(Int(d - UInt8(ascii: "0")))
                                      : shifted.addingReportingOverflow(Int(d - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = next
        }
        return value
    }

    /// Octal or hexadecimal digits: `.some(nil)` when too large, nil when not digits of the radix.
    private static func radix(_ digits: ArraySlice<UInt8>, _ base: Int) -> Int?? {
        guard !digits.isEmpty else { return nil }
        var value: Int? = 0
        for b in digits {
            guard let d = Int(String(UnicodeScalar(b)), radix: base) else { return nil }
            if let v = value {
                let (shifted, o1) = v.multipliedReportingOverflow(by: base)
                let (next, o2) = shifted.addingReportingOverflow(d)
                value = o1 || o2 ? nil : next
            }
        }
        return .some(value)
    }
}
