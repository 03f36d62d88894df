// The vocabulary of the form-field table (FormFieldTable.swift) and the checks run over it: a
// form is a list of fields in document order, each a label in our template's wording, the kind of
// writing space it has on the blank form and the text the example file puts there.
import Foundation
import Testing
@testable import MentorDocs

// MARK: - Reading example values

/// Where a value is read: the loaded example partnership and, inside a repeated part, its entry.
struct Scope: Sendable {
    var partnership: Partnership
    /// The entry of the innermost repeated part.
    var item: Value?
    /// Its 1-based number.
    var number: Int

    /// The value at a dotted path: `mentor.name` from the partnership, `@.date` from the entry.
    func lookup(_ path: String) -> Value? {
        if path == "@" { return item }
        if path.hasPrefix("@.") { return item?.lookup(path.dropFirst(2).split(separator: ".").map(String.init)) }
        return partnership.data.lookup(path.split(separator: ".").map(String.init))
    }
}

/// The text the example puts in a field, formatted as our templates print it.
struct Get: Sendable {
    let read: @Sendable (Scope) -> [String]

    /// One value: text as written, numbers without trailing zeros, dates as `January 15, 2026`.
    static func value(_ path: String) -> Get {
        Get { scope in scope.lookup(path).flatMap(Get.show).map { [$0] } ?? [] }
    }

    /// Every entry of a list (of texts, or the `key` of each mapping, each entry of it when it is
    /// a list), in order; `filter` keeps only some mappings.
    static func each(_ path: String, _ key: String? = nil, where filter: (@Sendable (Value) -> Bool)? = nil) -> Get {
        Get { scope in
            (scope.lookup(path)?.items ?? []).filter { filter?($0) ?? true }.flatMap { entry -> [String] in
                guard let value = key.map({ entry[$0] }) ?? entry else { return [] }
                if case .list(let items) = value.kind { return items.compactMap(Get.show) }
                return Get.show(value).map { [$0] } ?? []
            }
        }
    }

    /// For each mapping of a list, its list at `key` joined with ", " (the `list` formatter).
    static func eachJoined(_ path: String, _ key: String) -> Get {
        Get { scope in
            (scope.lookup(path)?.items ?? []).compactMap { entry in
                let parts = (entry[key]?.items ?? []).compactMap(Get.show)
                return parts.isEmpty ? nil : parts.joined(separator: ", ")
            }
        }
    }

    /// The number of the repeated entry.
    static var number: Get { Get { ["\($0.number)"] } }

    /// Several values, in order.
    static func all(_ gets: Get...) -> Get { Get { scope in gets.flatMap { $0.read(scope) } } }

    /// Anything else worked out from the partnership.
    static func custom(_ read: @escaping @Sendable (Scope) -> [String]) -> Get { Get(read: read) }

    /// A value as the templates print it.
    static func show(_ value: Value) -> String? {
        switch value.kind {
        case .text(let s): return s.allSatisfy(\.isWhitespace) ? nil : s
        case .number(let n): return formatNumber(n)
        case .date(let d): return longDate(d)
        case .bool(let b): return b ? "yes" : "no"
        case .list, .record: return nil
        }
    }
}

let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]

/// `January 15, 2026`.
func longDate(_ d: CalendarDate) -> String { "\(monthNames[d.month - 1]) \(d.day), \(d.year)" }

/// `1.5`, `12`, `0.25`.
func formatNumber(_ n: Double) -> String {
    n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
}

/// A condition on the example, for tick boxes.
struct When: Sendable {
    let holds: @Sendable (Scope) -> Bool
    /// The value at `path` is present and not empty.
    static func present(_ path: String) -> When { When { $0.lookup(path).map { !$0.isEmpty } ?? false } }
    /// The value at `path` is the text `text`.
    static func equals(_ path: String, _ text: String) -> When { When { $0.lookup(path)?.text == text } }
    /// The value at `path` is the boolean `flag`.
    static func flag(_ path: String, _ flag: Bool) -> When {
        When { scope in
            if case .bool(let b)? = scope.lookup(path)?.kind { return b == flag }
            return false
        }
    }
}

// MARK: - The table's entries

/// One field of a handbook form, as our template labels it.
struct Field: Sendable {
    enum Kind: Sendable {
        /// A section heading, an item or a sentence: present on the form, nothing to write.
        case label
        /// A writing space follows the label: a line, a box, a `lines` list, a tick box, the rest
        /// of a grid cell, or (for a row heading) the row's next cell.
        case fill
        /// A table column's header: every body row has a writing space in this column.
        case column
        /// A row of a 1-5 scale: five tick boxes, the answer at `path` (1-5) marked chosen.
        case scale(String)
    }

    /// Our wording; `#` stands for the number of the repeated entry.
    var label: String
    var kind: Kind
    /// A tick box comes just before the label; on the filled form it is ticked when this holds.
    var tick: When?
    /// What the example file puts there, when the field is filled from data.
    var get: Get?
}

/// A part of a form: a field, or fields repeated for each entry of a list.
indirect enum Part: Sendable {
    case field(Field)
    /// One copy per entry of the list at `path` (`@.` paths read the enclosing entry), only those
    /// for which `filter` holds; `blank` copies when there are none (the template's `md:blank`).
    case repeated(path: String, filter: (@Sendable (Value) -> Bool)?, blank: Int, [Part])

    static func label(_ label: String, _ get: Get? = nil) -> Part { .field(Field(label: label, kind: .label, get: get)) }
    static func fill(_ label: String, _ get: Get? = nil) -> Part { .field(Field(label: label, kind: .fill, get: get)) }
    static func column(_ label: String, _ get: Get? = nil) -> Part { .field(Field(label: label, kind: .column, get: get)) }
    static func scale(_ label: String, _ path: String) -> Part { .field(Field(label: label, kind: .scale(path))) }
    /// A tick box before the label; `fill` when a writing space also follows it.
    static func tick(_ label: String, when: When, fill: Bool = false, _ get: Get? = nil) -> Part {
        .field(Field(label: label, kind: fill ? .fill : .label, tick: when, get: get))
    }
    static func each(_ path: String, where filter: (@Sendable (Value) -> Bool)? = nil, blank: Int, _ parts: [Part]) -> Part {
        .repeated(path: path, filter: filter, blank: blank, parts)
    }
}

/// A count the handbook (or the brief) fixes on the blank form.
enum RowCount: Sendable, CustomStringConvertible {
    /// Body rows of every table (in document order) with a header cell labelled `column`.
    case rows(column: String, [Int])
    /// Entries of the list in the `column` cell of each body row, in the first such table.
    case entries(column: String, [Int])
    /// Entries of the first list (ul or ol) after the label.
    case list(after: String, Int)
    /// Sheets (class sheet): sections that each start a printed page.
    case sheets(Int)

    var description: String {
        switch self {
        case let .rows(column, n): return "rows of the table(s) with column \"\(column)\": \(n)"
        case let .entries(column, n): return "list entries per row in column \"\(column)\": \(n)"
        case let .list(label, n): return "entries of the list after \"\(label)\": \(n)"
        case let .sheets(n): return "sheets: \(n)"
        }
    }
}

/// One program's own form: the fields of its handbook form, in our template's order and wording.
struct Form: Sendable, CustomTestStringConvertible {
    var program: Program
    var document: DocumentKind
    /// The handbook form it follows.
    var handbook: String
    var parts: [Part]
    var counts: [RowCount] = []

    var testDescription: String { "\(program.rawValue)/\(document.rawValue)" }

    /// How many fields the table lists for the blank form (repeated parts counted once per blank copy).
    var blankFieldCount: Int { resolve(nil).count }

    /// The fields in document order, repeats expanded for the example (or, with nil, the blank form).
    func resolve(_ partnership: Partnership?) -> [ResolvedField] {
        var out: [ResolvedField] = []
        func expand(_ parts: [Part], item: Value?, number: Int) {
            for part in parts {
                switch part {
                case .field(let field):
                    let scope = partnership.map { Scope(partnership: $0, item: item, number: number) }
                    var scaleAnswer: Int?
                    if case .scale(let path) = field.kind, let scope { scaleAnswer = scope.lookup(path)?.number.map { Int($0) } }
                    out.append(ResolvedField(
                        field: field,
                        label: field.label.replacingOccurrences(of: "#", with: "\(number)"),
                        values: scope.map { field.get?.read($0) ?? [] } ?? [],
                        ticked: field.tick.map { when in scope.map { when.holds($0) } ?? false },
                        scaleAnswer: scaleAnswer))
                case let .repeated(path, filter, blank, inner):
                    var entries: [Value] = []
                    if let partnership {
                        entries = Scope(partnership: partnership, item: item, number: number).lookup(path)?.items ?? []
                        if let filter { entries = entries.filter(filter) }
                    }
                    if entries.isEmpty {
                        for n in 1...max(blank, 1) where blank > 0 { expand(inner, item: nil, number: n) }
                    } else {
                        for (n, entry) in entries.enumerated() { expand(inner, item: entry, number: n + 1) }
                    }
                }
            }
        }
        expand(parts, item: nil, number: 1)
        return out
    }
}

/// A field of one rendering: its label with numbers filled in, and what should be there.
struct ResolvedField {
    var field: Field
    var label: String
    /// The example's values (empty on the blank form).
    var values: [String]
    /// Whether the tick box before the label should be ticked (nil: no tick box).
    var ticked: Bool?
    /// The scale answer that should be chosen (nil on the blank form).
    var scaleAnswer: Int?
}

// MARK: - The checks

/// What the three checks found wrong, one sentence per problem.
enum FormCheck {
    /// Finds every label in order, each after the one before. Column labels must be a header
    /// cell's own text; other labels start a text node outside any writing space.
    static func locate(_ fields: [ResolvedField], in doc: RenderedForm) -> ([RenderedForm.Match?], [String]) {
        var cursor = 0
        var previous = "the start of the form"
        var matches: [RenderedForm.Match?] = []
        var problems: [String] = []
        for field in fields {
            let accept: (HTMLNode) -> Bool
            if case .column = field.field.kind { accept = RenderedForm.headerIs(field.label) } else { accept = { _ in true } }
            if let match = doc.find(field.label, from: cursor, where: accept) {
                matches.append(match)
                cursor = match.end
                previous = field.label
            } else {
                matches.append(nil)
                problems.append("label \"\(field.label)\" not found after \"\(previous)\"")
            }
        }
        return (matches, problems)
    }

    /// The filled form: every label, and each value after its label (before the next field's
    /// label; in a column, in the column's cells), tick boxes and scale answers as the data says.
    static func filled(_ fields: [ResolvedField], in doc: RenderedForm) -> [String] {
        var (matches, problems) = locate(fields, in: doc)
        for (i, field) in fields.enumerated() {
            guard let match = matches[i] else { continue }
            if !field.values.isEmpty {
                if case .column = field.field.kind {
                    if let column = doc.column(at: match) {
                        let cells = column.cells.map { $0?.text ?? "" }.joined(separator: " | ")
                        if let missing = RenderedForm.missing(field.values, in: cells) {
                            problems.append("column \"\(field.label)\": \"\(missing)\" is not in its cells (in order)")
                        }
                    } else {
                        problems.append("\"\(field.label)\" is not a table column's header")
                    }
                } else {
                    let next = matches[(i + 1)...].lazy.compactMap { $0 }.first?.start ?? doc.chars.count
                    let region = doc.text(from: match.end, to: next)
                    if let missing = RenderedForm.missing(field.values, in: region) {
                        problems.append("\"\(field.label)\": \"\(missing)\" does not follow it (found after it: \"\(region.prefix(80))\")")
                    }
                }
            }
            if let ticked = field.ticked {
                if let check = doc.checkBefore(match) {
                    if check.ticked != ticked {
                        problems.append("\"\(field.label)\": its tick box is \(check.ticked ? "ticked" : "not ticked"), the example says \(ticked ? "ticked" : "not ticked")")
                    }
                } else {
                    problems.append("\"\(field.label)\": no tick box just before it")
                }
            }
            if case .scale = field.field.kind {
                let chosen = scaleCells(match).enumerated().filter { $0.element.hasClass("chosen") }.map { $0.offset + 1 }
                let expected = field.scaleAnswer.map { [$0] } ?? []
                if chosen != expected {
                    problems.append("\"\(field.label)\": answer \(chosen) chosen, the example says \(expected)")
                }
            }
        }
        return problems
    }

    /// The blank form: every label, and a writing space for every fillable field.
    static func blank(_ fields: [ResolvedField], in doc: RenderedForm) -> [String] {
        var (matches, problems) = locate(fields, in: doc)
        for (i, field) in fields.enumerated() {
            guard let match = matches[i] else { continue }
            switch field.field.kind {
            case .label:
                break
            case .fill:
                if case .missing(let why) = doc.spaceAfter(match) {
                    problems.append("\"\(field.label)\" has no writing space after it: \(why)")
                }
            case .column:
                guard let column = doc.column(at: match) else {
                    problems.append("\"\(field.label)\" is not a table column's header")
                    continue
                }
                let cells = column.cells
                if cells.isEmpty { problems.append("column \"\(field.label)\" has no rows to write in") }
                for (row, cell) in cells.enumerated() where !(cell.map(RenderedForm.holdsSpace) ?? false) {
                    problems.append("column \"\(field.label)\", row \(row + 1): no writing space in its cell")
                }
            case .scale:
                let cells = scaleCells(match)
                let boxes = cells.filter { $0.descendants.contains { $0.hasClass("check") } }
                if cells.count != 5 || boxes.count != 5 {
                    problems.append("scale \"\(field.label)\": \(boxes.count) tick boxes in \(cells.count) cells, expected 5 in 5")
                }
                if cells.contains(where: { $0.hasClass("chosen") }) {
                    problems.append("scale \"\(field.label)\": an answer is chosen on the blank form")
                }
            }
            if field.ticked != nil {
                if let check = doc.checkBefore(match) {
                    if check.ticked { problems.append("\"\(field.label)\": its tick box is ticked on the blank form") }
                } else {
                    problems.append("\"\(field.label)\": no tick box just before it")
                }
            }
        }
        return problems
    }

    /// The answer cells (td) of the scale row a label heads.
    static func scaleCells(_ match: RenderedForm.Match) -> [HTMLNode] {
        guard let row = match.node.isInside({ $0.name == "tr" }) ? (match.node.name == "tr" ? match.node : match.node.ancestor { $0.name == "tr" }) : nil
        else { return [] }
        return row.elements.filter { $0.name == "td" }
    }

    /// The counts the handbook fixes, on the blank form.
    static func counts(_ counts: [RowCount], in doc: RenderedForm) -> [String] {
        var problems: [String] = []
        for count in counts {
            switch count {
            case let .rows(column, expected):
                let found = doc.columns(headed: column).map { $0.rows.count }
                if found != expected { problems.append("rows of the table(s) with column \"\(column)\": \(found), expected \(expected)") }
            case let .entries(column, expected):
                guard let table = doc.columns(headed: column).first else {
                    problems.append("no table with column \"\(column)\"")
                    continue
                }
                let found = table.cells.map { cell in cell?.descendants.filter { $0.name == "li" }.count ?? 0 }
                if found != expected { problems.append("list entries per row in column \"\(column)\": \(found), expected \(expected)") }
            case let .list(label, expected):
                guard let match = doc.find(label), let list = doc.list(after: match) else {
                    problems.append("no list after \"\(label)\"")
                    continue
                }
                let found = list.elements.filter { $0.name == "li" }.count
                if found != expected { problems.append("entries of the list after \"\(label)\": \(found), expected \(expected)") }
            case let .sheets(expected):
                let found = doc.body.descendants.filter { $0.hasClass("sheet") }.count
                if found != expected { problems.append("sheets: \(found), expected \(expected)") }
            }
        }
        return problems
    }
}
