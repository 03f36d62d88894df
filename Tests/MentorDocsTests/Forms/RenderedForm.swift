// A rendered HTML5 form read back for the form-field tests: a small HTML parser, the body's text
// with tags stripped (entities decoded, whitespace normalized), and the writing spaces in it, so
// that a test can find a label and ask what follows it.
import Foundation

/// One element of a parsed HTML document.
final class HTMLNode {
    enum Child {
        case element(HTMLNode)
        case text(String)
    }

    let name: String
    let attributes: [String: String]
    var children: [Child] = []
    weak var parent: HTMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    func hasClass(_ name: String) -> Bool { classes.contains(name) }

    var elements: [HTMLNode] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Every element below this one, in document order.
    var descendants: [HTMLNode] { elements.flatMap { [$0] + $0.descendants } }

    /// The text of the subtree, whitespace normalized.
    var text: String {
        var out = ""
        func walk(_ node: HTMLNode) {
            for child in node.children {
                switch child {
                case .text(let t): out += t
                case .element(let e):
                    if e.name == "br" || HTMLNode.blockNames.contains(e.name) { out += " " }
                    walk(e)
                    if HTMLNode.blockNames.contains(e.name) { out += " " }
                }
            }
        }
        walk(self)
        return normalized(out)
    }

    /// The text directly inside this element (not inside its child elements), normalized.
    var ownText: String {
        normalized(children.map { if case .text(let t) = $0 { return t } else { return " " } }.joined())
    }

    func ancestor(where test: (HTMLNode) -> Bool) -> HTMLNode? {
        var current = parent
        while let node = current {
            if test(node) { return node }
            current = node.parent
        }
        return nil
    }

    func isInside(_ test: (HTMLNode) -> Bool) -> Bool { test(self) || ancestor(where: test) != nil }

    /// Elements that start a new line of text: their boundaries separate words.
    static let blockNames: Set<String> = [
        "html", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "blockquote", "pre",
        "hr", "address",
    ]
}

/// Collapses every run of whitespace (no-break spaces included) into one space, trimmed.
func normalized(_ text: String) -> String {
    var out = ""
    var pending = false
    for c in text {
        if c.isWhitespace {
            pending = !out.isEmpty
        } else {
            if pending { out.append(" ") }
            pending = false
            out.append(c)
        }
    }
    return out
}

/// A minimal parser for the HTML5 that mentordocs writes (libxml2's HTML serializer): start and
/// end tags with quoted attributes, void elements, raw-text `style`, entities.
enum HTMLParser {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input", "col", "area", "base", "param", "wbr"]

    static func parse(_ html: String) -> HTMLNode {
        let root = HTMLNode(name: "#document", attributes: [:])
        var stack = [root]
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = String.UnicodeScalarView()

        func flushText() {
            if !text.isEmpty {
                let decoded = decodeEntities(String(text))
                stack.last!.children.append(.text(decoded))
                text = String.UnicodeScalarView()
            }
        }
        func hasPrefix(_ p: String, at k: Int) -> Bool {
            let ps = Array(p.unicodeScalars)
            guard k + ps.count <= s.count else { return false }
            for j in 0..<ps.count where String(s[k + j]).lowercased() != String(ps[j]) { return false }
            return true
        }

        while i < s.count {
            if s[i] == "<" {
                if hasPrefix("<!--", at: i) {
                    flushText()
                    var j = i + 4
                    while j < s.count, !hasPrefix("-->", at: j) { j += 1 }
                    i = j + 3
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                    flushText()
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "/" {
                    flushText()
                    var j = i + 2
                    var name = ""
                    while j < s.count, s[j] != ">" { name.unicodeScalars.append(s[j]); j += 1 }
                    name = name.trimmingCharacters(in: .whitespaces).lowercased()
                    if let k = stack.lastIndex(where: { $0.name == name }), k > 0 { stack.removeSubrange(k...) }
                    i = j + 1
                    continue
                }
                flushText()
                var j = i + 1
                var name = ""
                while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != ">", s[j] != "/" {
                    name.unicodeScalars.append(s[j]); j += 1
                }
                name = name.lowercased()
                var attributes: [String: String] = [:]
                while j < s.count, s[j] != ">" {
                    if CharacterSet.whitespacesAndNewlines.contains(s[j]) || s[j] == "/" { j += 1; continue }
                    var key = ""
                    while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != "=", s[j] != ">" {
                        key.unicodeScalars.append(s[j]); j += 1
                    }
                    var value = ""
                    if j < s.count, s[j] == "=" {
                        j += 1
                        if j < s.count, s[j] == "\"" || s[j] == "'" {
                            let quote = s[j]
                            j += 1
                            while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                            j += 1
                        } else {
                            while j < s.count, !CharacterSet.whitespacesAndNewlines.contains(s[j]), s[j] != ">" {
                                value.unicodeScalars.append(s[j]); j += 1
                            }
                        }
                    }
                    attributes[key.lowercased()] = decodeEntities(value)
                }
                let selfClosing = j > 0 && s[j - 1] == "/"
                i = j + 1
                let node = HTMLNode(name: name, attributes: attributes)
                node.parent = stack.last
                stack.last!.children.append(.element(node))
                if name == "style" || name == "script" {
                    var k = i
                    while k < s.count, !hasPrefix("</\(name)", at: k) { k += 1 }
                    node.children.append(.text(String(String.UnicodeScalarView(s[i..<k]))))
                    i = k
                    continue
                }
                if !voidElements.contains(name), !selfClosing { stack.append(node) }
                continue
            }
            text.append(s[i])
            i += 1
        }
        flushText()
        return root
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "middot": "\u{B7}",
    ]

    /// Decodes `&name;`, `&#N;` and `&#xN;`; anything else stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 {
                let name = String(after[..<semi])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = namedEntities[name]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

/// The body of a rendered form as one normalized text plus, in document order, its text runs,
/// its writing spaces and the table-cell boundaries between them.
struct RenderedForm {
    /// A writing space: a place on the printed form to write by hand.
    enum Space: Equatable {
        case fill          // class fill: an inline writing line
        case box           // class box / box-s / box-l: a writing box
        case line          // a blank entry of a `lines` list
        case emptyCell     // an empty td of a grid table
        case check(ticked: Bool) // class check: a tick box
    }

    enum Event {
        /// A text node: its range in `text`; whether it can hold a label (not inside a writing
        /// space, where values go) and whether it is small print (class note).
        case text(start: Int, end: Int, node: HTMLNode, labelCandidate: Bool, inNote: Bool)
        case space(Space, node: HTMLNode)
        case cellStart(HTMLNode)
        case cellEnd(HTMLNode)
        case rowStart(HTMLNode)
        case listStart(HTMLNode)
    }

    let html: String
    let root: HTMLNode
    let body: HTMLNode
    /// The body's text: tags stripped, entities decoded, whitespace normalized.
    let chars: [Character]
    let events: [Event]

    var text: String { String(chars) }

    init(bytes: [UInt8]) {
        self.init(html: String(decoding: bytes, as: UTF8.self))
    }

    init(html: String) {
        self.html = html
        root = HTMLParser.parse(html)
        body = root.descendants.first { $0.name == "body" } ?? root
        var chars: [Character] = []
        var events: [Event] = []
        var pending = false

        func isValueHolder(_ node: HTMLNode) -> Bool {
            node.hasClass("fill") || node.hasClass("box") || node.hasClass("box-s") || node.hasClass("box-l")
                || node.hasClass("check") || (node.name == "li" && node.parent?.hasClass("lines") == true)
        }

        func walk(_ node: HTMLNode) {
            for child in node.children {
                switch child {
                case .text(let t):
                    var start: Int?
                    for c in t {
                        if c.isWhitespace {
                            pending = !chars.isEmpty
                        } else {
                            if pending { chars.append(" ") }
                            pending = false
                            if start == nil { start = chars.count }
                            chars.append(c)
                        }
                    }
                    if let start {
                        // Values fill writing spaces, or sit directly in a grid table's cell.
                        let parentIsGridCell = node.name == "td" && RenderedForm.isGridCell(node)
                        let candidate = !node.isInside(isValueHolder) && !parentIsGridCell
                        events.append(.text(start: start, end: chars.count, node: node,
                                            labelCandidate: candidate, inNote: node.isInside { $0.hasClass("note") }))
                    }
                case .element(let e):
                    let block = HTMLNode.blockNames.contains(e.name) || e.name == "br"
                    if block { pending = !chars.isEmpty }
                    if e.name == "tr" { events.append(.rowStart(e)) }
                    if e.name == "td" || e.name == "th" { events.append(.cellStart(e)) }
                    if e.name == "ul" || e.name == "ol" { events.append(.listStart(e)) }
                    if let space = RenderedForm.space(of: e) { events.append(.space(space, node: e)) }
                    walk(e)
                    if e.name == "td" || e.name == "th" { events.append(.cellEnd(e)) }
                    if block { pending = !chars.isEmpty }
                }
            }
        }
        walk(body)
        self.chars = chars
        self.events = events
    }

    static func isGridCell(_ node: HTMLNode) -> Bool {
        node.ancestor { $0.name == "table" }?.hasClass("grid") == true
    }

    /// The writing space an element is, if it is one.
    static func space(of e: HTMLNode) -> Space? {
        if e.hasClass("check") { return .check(ticked: e.text.contains("\u{2611}")) }
        if e.hasClass("fill") { return .fill }
        if e.hasClass("box") || e.hasClass("box-s") || e.hasClass("box-l") { return .box }
        if e.name == "li", e.parent?.hasClass("lines") == true, isBlankEntry(e.text) { return .line }
        if e.name == "td", isGridCell(e), isBlankCell(e.text) { return .emptyCell }
        return nil
    }

    /// A list entry that holds nothing but its own number or letter ("a." on the goals worksheet).
    static func isBlankEntry(_ text: String) -> Bool {
        text.isEmpty || text.range(of: #"^[0-9a-z]{1,2}\.?$"#, options: .regularExpression) != nil
    }

    /// A grid cell that holds nothing, or nothing but its row's number ("1", "Goal 1."): the cell
    /// itself is the writing space.
    static func isBlankCell(_ text: String) -> Bool {
        text.isEmpty || text.range(of: #"^([A-Za-z]+ )?[0-9]{1,2}[.:]?$"#, options: .regularExpression) != nil
    }

    /// Whether `node`'s subtree holds a writing space (or `node` is one).
    static func holdsSpace(_ node: HTMLNode) -> Bool {
        space(of: node) != nil || node.descendants.contains { space(of: $0) != nil }
    }

    // MARK: finding labels

    /// A label found in the text: where it starts and ends, and the index of the text event it starts in.
    struct Match {
        var start: Int
        var end: Int
        var event: Int
        var node: HTMLNode
    }

    /// The first label candidate at or after `from` whose text starts with `label` (normalized),
    /// ending at a word boundary; `where` narrows the element it starts in.
    func find(_ label: String, from: Int = 0, where accept: (HTMLNode) -> Bool = { _ in true }) -> Match? {
        let wanted = Array(normalized(label))
        guard !wanted.isEmpty else { return nil }
        for (index, event) in events.enumerated() {
            guard case let .text(start, _, node, candidate, _) = event, candidate, start >= from else { continue }
            let end = start + wanted.count
            guard end <= chars.count, Array(chars[start..<end]) == wanted else { continue }
            if end < chars.count, let last = wanted.last, last.isLetter || last.isNumber,
               chars[end].isLetter || chars[end].isNumber { continue }
            guard accept(node) else { continue }
            return Match(start: start, end: end, event: index, node: node)
        }
        return nil
    }

    /// The text between two offsets.
    func text(from start: Int, to end: Int) -> String {
        let a = max(0, min(start, chars.count)), b = max(a, min(end, chars.count))
        return String(chars[a..<b])
    }

    /// Whether `values` all occur in `text`, in order; the first that does not, if any.
    static func missing(_ values: [String], in text: String) -> String? {
        var rest = Substring(text)
        for value in values {
            let v = normalized(value)
            guard let r = rest.range(of: v) else { return value }
            rest = rest[r.upperBound...]
        }
        return nil
    }

    // MARK: what follows a label

    /// A writing space found after a label, or why there is none.
    enum Found {
        case found(Space)
        case missing(String)
    }

    /// Whether a writing space follows the label before any other text: skipping small print, and
    /// leaving the label's own cell only when the label heads a table row. A label alone at the
    /// end of a grid cell counts too: the rest of the cell is its writing space.
    func spaceAfter(_ match: Match) -> Found {
        let isCell: (HTMLNode) -> Bool = { $0.name == "td" || $0.name == "th" }
        let labelCell = isCell(match.node) ? match.node : match.node.ancestor(where: isCell)
        var crossedCell = false
        for event in events[match.event...] {
            switch event {
            case let .text(start, end, _, _, inNote):
                if end <= match.end { continue }
                let rest = normalized(text(from: max(start, match.end), to: end))
                if !rest.isEmpty && !inNote {
                    return .missing("text \"\(rest.prefix(40))\" follows it before any writing space")
                }
            case let .space(space, _):
                return .found(space)
            case .cellStart(let cell):
                guard let labelCell, labelCell.name == "th", !crossedCell, cell !== labelCell else {
                    return .missing("the next table cell starts before any writing space")
                }
                crossedCell = true
            case .cellEnd(let cell):
                if let labelCell, cell === labelCell, cell.name == "td", RenderedForm.isGridCell(cell) {
                    return .found(.emptyCell)
                }
            case .rowStart:
                return .missing("the next table row starts before any writing space")
            case .listStart:
                continue
            }
        }
        return .missing("nothing follows it")
    }

    /// The tick box just before the label (only blanks between), if any.
    func checkBefore(_ match: Match) -> (node: HTMLNode, ticked: Bool)? {
        var index = match.event - 1
        while index >= 0 {
            switch events[index] {
            case let .text(start, end, node, _, _):
                if node.isInside({ $0.hasClass("check") }) { break }
                if !normalized(text(from: start, to: end)).isEmpty { return nil }
            case let .space(.check(ticked), node):
                return (node, ticked)
            case .space, .rowStart, .listStart:
                return nil
            case .cellStart, .cellEnd:
                break
            }
            index -= 1
        }
        return nil
    }

    // MARK: tables

    /// A table column: the header cell a label sits in, the table and the column's index.
    struct Column {
        var header: HTMLNode
        var table: HTMLNode
        var index: Int

        /// The body rows of the table.
        var rows: [HTMLNode] {
            table.elements.filter { $0.name == "tbody" }.flatMap { $0.elements.filter { $0.name == "tr" } }
                + table.elements.filter { $0.name == "tr" }
        }

        /// The column's cell in each body row (nil where a row is too short).
        var cells: [HTMLNode?] {
            rows.map { row in
                let cells = row.elements.filter { $0.name == "td" || $0.name == "th" }
                return cells.indices.contains(index) ? cells[index] : nil
            }
        }
    }

    /// The column whose header cell (in a thead) holds `match`.
    func column(at match: Match) -> Column? {
        guard let th = match.node.name == "th" ? match.node : match.node.ancestor(where: { $0.name == "th" }),
              th.ancestor(where: { $0.name == "thead" }) != nil,
              let tr = th.parent, tr.name == "tr",
              let table = th.ancestor(where: { $0.name == "table" }),
              let index = tr.elements.filter({ $0.name == "td" || $0.name == "th" }).firstIndex(where: { $0 === th })
        else { return nil }
        return Column(header: th, table: table, index: index)
    }

    /// Whether a header cell's own text (its label, without the small print inside it) is `label`.
    static func headerIs(_ label: String) -> (HTMLNode) -> Bool {
        { node in
            guard let th = node.name == "th" ? node : node.ancestor(where: { $0.name == "th" }),
                  th.ancestor(where: { $0.name == "thead" }) != nil else { return false }
            return th.ownText == normalized(label)
        }
    }

    /// Every table, in document order, with a header cell whose own text is `label`.
    func columns(headed label: String) -> [Column] {
        body.descendants.filter { $0.name == "th" && $0.ownText == normalized(label) && $0.ancestor(where: { $0.name == "thead" }) != nil }
            .compactMap { th in
                guard let tr = th.parent, let table = th.ancestor(where: { $0.name == "table" }),
                      let index = tr.elements.filter({ $0.name == "td" || $0.name == "th" }).firstIndex(where: { $0 === th })
                else { return nil }
                return Column(header: th, table: table, index: index)
            }
    }

    /// The first list (ul or ol) after the label.
    func list(after match: Match) -> HTMLNode? {
        for event in events[match.event...] {
            if case .listStart(let list) = event { return list }
        }
        return nil
    }
}
