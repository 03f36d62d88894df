// What a template may not contain, and what it may not set from a value, so that no participant
// value ever becomes script, style or a URL scheme (docs/templates.md, "What templates may not do").

/// The markup and directive rules that keep values text; each list is stated here once.
enum TemplateSafety {
    /// Elements refused anywhere in a template: they run code or embed active content.
    static let refusedElements: Set<String> = ["script", "object"]

    /// Elements that make a browser load something (a style sheet, an image, a frame, a base for
    /// links): a printed form is one self-contained file, so a template loads nothing.
    static let loadingElements: Set<String> = ["link", "img", "iframe", "frame", "embed", "base", "input", "applet"]

    /// What in CSS fetches a file; refused in a template's style sheet and `style` attributes.
    /// Backslashes are refused with them, since a CSS escape could spell either.
    static func cssLoads(_ css: String) -> String? {
        // CSS keywords fold ASCII case only; searched as bytes (the house style sheet is long).
        let folded = css.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for marker in ["url(", "@import", "image-set(", "image(", "src("] where ByteSearch.contains(folded, marker) {
            return marker
        }
        if folded.contains(UInt8(ascii: "\\")) { return "\\" }
        return nil
    }

    /// Elements whose content HTML5 writes and reads unescaped ("raw text"): a value inside one
    /// could end it (`</style><script>`). `title` and `textarea` are escaped (RCDATA), so allowed.
    static let rawTextElements: Set<String> = ["style", "script"]

    /// The values the program itself writes as CSS, escaping every participant value inside them:
    /// the only values `md:text` may put into a `<style>`.
    static let cssValues: Set<String> = ["print.page_css"]

    /// Attributes that hold a URL, in XHTML 1.0 and in HTML5.
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "cite", "data", "longdesc", "usemap", "codebase", "classid", "profile",
        "background", "archive", "formaction", "poster", "srcset", "ping", "manifest", "icon",
        "lowsrc", "dynsrc", "xlink:href", "xml:base",
    ]

    /// Attributes `md:attr` never sets: CSS, a `<meta>` refresh target, namespace declarations.
    static let unsettableAttributes: Set<String> = ["style", "content", "http-equiv", "xmlns"]

    /// Schemes a template may fix in front of a value in a URL attribute.
    static let prefixSchemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// Schemes that run code or carry a document: refused in URL attributes written in a template.
    static let activeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// `onclick`, `onload`...: every event-handler attribute starts with `on`.
    static func isEventHandler(_ name: String) -> Bool {
        name.lowercased().hasPrefix("on")
    }

    /// The scheme of a URL as a browser reads it (spaces and controls around it and tabs and line
    /// ends inside it ignored, case folded), or nil when it has none.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scheme.isEmpty && scalar.value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let letter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let digit = scalar >= "0" && scalar <= "9"
            guard letter || (!scheme.isEmpty && (digit || "+-.".unicodeScalars.contains(scalar))) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// `value` with every UTF-8 byte except `A-Z a-z 0-9 - . _ ~ @ +` written `%XX`: after a fixed
    /// prefix it can add neither a scheme nor a path, query or fragment separator.
    static func percentEncoded(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "+"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// Whether an include names a template file by itself: letters, digits, `-` and `_` only, so
    /// it can only be a file of the templates folder (no `/`, `\`, `.`, `..`, `:` or absolute path).
    static func isIncludeName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_"
        }
    }
}
