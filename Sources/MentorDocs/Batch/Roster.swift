// A coordinator's spreadsheet (CSV): one row per partnership, one column per key path of the
// participant format (`mentor.name`, `term.start`, `goals.0.actions.1.done`). Headers are checked
// against the format before any row is read; each row is then checked exactly as a YAML file is,
// by the participant loader, and its problems are reported at `roster.csv:ROW:COLUMN`.
import Foundation
import SwiftCSV

/// A roster read from a CSV file: its checked columns and its non-empty rows.
public struct Roster: Sendable {
    /// One column whose header is a valid key path.
    public struct Column: Sendable {
        /// The header as written (trimmed), such as `goals.0.actions.1.done`.
        public var header: String
        /// 1-based column number in the file.
        public var number: Int
        /// The shape of the value the column holds.
        var shape: Shape
        var keys: [KeyComponent]
    }

    enum KeyComponent: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// One data row.
    public struct Row: Sendable {
        /// 1-based row number in the file, the header being row 1 (as a spreadsheet numbers it).
        public var number: Int
        /// The row's cells, trimmed, by 0-based column index of the file.
        public var cells: [String]
    }

    /// The roster's path as given.
    public let file: String
    /// The columns in file order (columns with an empty header and no data are left out).
    public let columns: [Column]
    /// Rows with at least one non-empty cell, in file order.
    public let rows: [Row]
    private let tree: Tree

    /// Largest roster read, in bytes.
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Reads and checks a roster: its bytes, its CSV syntax and every header. Any problem here
    /// concerns the whole roster, so none of its rows is used.
    public static func read(_ path: String) -> Result<Roster, DiagnosticList> {
        func fail(_ line: Int, _ column: Int, _ message: String, path keyPath: String? = nil,
                  suggestion: String? = nil) -> Result<Roster, DiagnosticList> {
            .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: line, column: column), message,
                                                path: keyPath, suggestion: suggestion)]))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return fail(0, 0, "cannot read roster: no such file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            return fail(0, 0, "roster is too large: \(groupedDigits(size)) bytes; the limit is \(groupedDigits(maxFileBytes)) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return fail(0, 0, "cannot read roster") }
        guard let text = String(data: data, encoding: .utf8) else {
            return fail(0, 0, "roster is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'")
        }
        let delimiter = CSVDelimiter.guessed(string: text)
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: delimiter, loadColumns: false)
        } catch {
            let row = failingRow(text, delimiter: delimiter)
            return fail(row, 0, "malformed CSV in row \(row): a quoted field must end with a quote before the next comma or line end, and a quote inside it is written twice (\"\")")
        }
        let headers = csv.header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard headers.contains(where: { !$0.isEmpty }) else { return fail(1, 1, "roster has no header row of key paths") }
        let rows = csv.rows.enumerated().map { offset, cells in
            Row(number: offset + 2, cells: cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }.filter { $0.cells.contains { !$0.isEmpty } }

        var columns: [Column] = []
        var problems: [Diagnostic] = []
        var firstColumn: [String: Int] = [:]
        for (i, header) in headers.enumerated() {
            let number = i + 1
            if header.isEmpty {
                if let row = rows.first(where: { $0.cells.indices.contains(i) && !$0.cells[i].isEmpty }) {
                    problems.append(Diagnostic(at: SourceLocation(file: path, line: row.number, column: number),
                                               "column \(number) has data but no header; name it with a key path such as 'mentor.name'"))
                }
                continue
            }
            switch column(header, number: number) {
            case .success(let column):
                if let first = firstColumn[header] {
                    problems.append(Diagnostic(at: SourceLocation(file: path, line: 1, column: number),
                                               "column header '\(header)' repeats column \(first)", path: header))
                } else {
                    firstColumn[header] = number
                    columns.append(column)
                }
            case .failure(let problem):
                problems.append(Diagnostic(at: SourceLocation(file: path, line: 1, column: number), problem.message,
                                           path: header, suggestion: problem.suggestion))
            }
        }
        let width = headers.count
        for row in rows {
            if let extra = row.cells.indices.first(where: { $0 >= width && !row.cells[$0].isEmpty }) {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: row.number, column: extra + 1),
                                           "row \(row.number) has a value in column \(extra + 1), but the header has only \(width) columns"))
            }
        }
        // Headers are distinct paths that each end at a single value, so none contains another.
        var tree = Tree()
        for (index, column) in columns.enumerated() { tree.insert(column.keys[...], column: index) }
        if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
        return .success(Roster(file: path, columns: columns, rows: rows, tree: tree))
    }

    /// The 1-based number of the column holding `id`, if there is one.
    public var idColumn: Int? { columns.first { $0.header == "id" }?.number }

    /// Checks one row exactly as a participant file is checked: the row is written out as a YAML
    /// document (text values quoted, so a name such as `No` or `1e3` stays text) and read by the
    /// participant loader; every diagnostic is then moved back to the row and column it concerns.
    public func load(_ row: Row, with loader: ParticipantLoader) -> LoadOutcome {
        var lines: [String] = []
        var lineColumns: [Int] = []
        emitRecord(tree, indent: "", row: row, lines: &lines, columns: &lineColumns)
        let yaml = lines.joined(separator: "\n") + "\n"
        let rowLocation = SourceLocation(file: file, line: row.number, column: 1)
        let outcomes = loader.load(data: Data(yaml.utf8), file: file)
        guard outcomes.count == 1 else {
            return .failure(DiagnosticList([Diagnostic(at: rowLocation, "row \(row.number) could not be read as one partnership")]))
        }
        switch outcomes[0] {
        case .success(let partnership):
            return .success(Partnership(data: partnership.data, file: file, index: row.number - 1, location: rowLocation,
                                        warnings: partnership.warnings.map { relocate($0, row: row, lineColumns: lineColumns) }))
        case .failure(let list):
            return .failure(DiagnosticList(list.diagnostics.map { relocate($0, row: row, lineColumns: lineColumns) }))
        }
    }

    // MARK: Headers

    /// A header checked against the participant format.
    static func column(_ header: String, number: Int) -> Result<Column, HeaderProblem> {
        let parts = header.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var shape = ParticipantFormat.file
        var keys: [KeyComponent] = []
        for (i, part) in parts.enumerated() {
            let prefix = parts[..<i].joined(separator: ".")
            switch shape {
            case .record(let fields):
                guard let field = fields.first(where: { $0.name == part && !$0.computed }) else {
                    return .failure(HeaderProblem(message: "unknown key path '\(header)'" + (prefix.isEmpty ? "" : ": '\(prefix)' has no key '\(part)'"),
                                                  suggestion: suggestion(for: header, parts: parts, at: i, names: fields.map(\.name))))
                }
                keys.append(.key(part))
                shape = field.shape
            case .list(let item):
                guard let n = Int(part), n >= 0, String(n) == part else {
                    return .failure(HeaderProblem(message: "'\(prefix)' is a list: the next part of the key path is the entry number, counted from 0",
                                                  suggestion: ([prefix, "0"] + parts[i...]).joined(separator: ".")))
                }
                guard n < ParticipantLoader.Limits().maxListLength else {
                    return .failure(HeaderProblem(message: "entry number \(n) in '\(header)' is past the limit of \(groupedDigits(ParticipantLoader.Limits().maxListLength)) entries", suggestion: nil))
                }
                keys.append(.index(n))
                shape = item
            default:
                return .failure(HeaderProblem(message: "'\(prefix)' holds \(shape.expectation), so it has no '\(part)'", suggestion: prefix))
            }
        }
        switch shape {
        case .record(let fields):
            let examples = fields.prefix(3).map { header + "." + $0.name }.joined(separator: ", ")
            return .failure(HeaderProblem(message: "'\(header)' is a group of keys; give one column per key, such as \(examples)",
                                          suggestion: nil))
        case .list:
            return .failure(HeaderProblem(message: "'\(header)' is a list; give one column per entry, numbered from 0",
                                          suggestion: header + ".0"))
        default:
            return .success(Column(header: header, number: number, shape: shape, keys: keys))
        }
    }

    struct HeaderProblem: Error {
        var message: String
        var suggestion: String?
    }

    /// The header with its misspelt part replaced by the nearest key; failing that, a
    /// spreadsheet-style title (`Mentor Name`) read as a key path.
    private static func suggestion(for header: String, parts: [String], at i: Int, names: [String]) -> String? {
        if let nearest = Suggestions.nearest(to: parts[i], in: names) {
            var fixed = parts
            fixed[i] = nearest
            return fixed.joined(separator: ".")
        }
        let guess = header.lowercased().split(separator: " ").joined(separator: ".")
        if guess != header, case .success = column(guess, number: 0) { return guess }
        return nil
    }

    // MARK: Rows as YAML

    /// The columns arranged as the partnership's tree of keys and list entries.
    struct Tree: Sendable {
        var column: Int?
        var fields: [(String, Tree)] = []
        var entries: [Int: Tree] = [:]

        /// Adds a column at its key path.
        mutating func insert(_ keys: ArraySlice<KeyComponent>, column index: Int) {
            guard let first = keys.first else {
                column = index
                return
            }
            switch first {
            case .key(let name):
                if let i = fields.firstIndex(where: { $0.0 == name }) {
                    fields[i].1.insert(keys.dropFirst(), column: index)
                } else {
                    var child = Tree()
                    child.insert(keys.dropFirst(), column: index)
                    fields.append((name, child))
                }
            case .index(let n):
                var child = entries[n] ?? Tree()
                child.insert(keys.dropFirst(), column: index)
                entries[n] = child
            }
        }

        var anyColumn: Int? {
            column ?? fields.lazy.compactMap(\.1.anyColumn).first ?? entries.values.lazy.compactMap(\.anyColumn).first
        }
    }

    /// Appends `key: value` lines for the non-empty cells below `tree`; false when all are empty.
    @discardableResult
    private func emitRecord(_ tree: Tree, indent: String, row: Row, lines: inout [String], columns lineColumns: inout [Int]) -> Bool {
        var any = false
        for (key, child) in tree.fields {
            if let column = child.column {
                guard let scalar = scalar(column, row) else { continue }
                lines.append("\(indent)\(key): \(scalar)")
                lineColumns.append(columns[column].number)
                any = true
                continue
            }
            let mark = lines.count
            lines.append("\(indent)\(key):")
            lineColumns.append(columns[child.anyColumn ?? 0].number)
            let written = child.entries.isEmpty
                ? emitRecord(child, indent: indent + "  ", row: row, lines: &lines, columns: &lineColumns)
                : emitList(child, indent: indent + "  ", row: row, lines: &lines, columns: &lineColumns)
            if written {
                any = true
            } else {
                lines.removeSubrange(mark...)
                lineColumns.removeSubrange(mark...)
            }
        }
        return any
    }

    /// Appends `- entry` lines up to the last non-empty entry; empty entries before it are `~`
    /// (absent), so every entry keeps the number its header gives it in error messages.
    private func emitList(_ tree: Tree, indent: String, row: Row, lines: inout [String], columns lineColumns: inout [Int]) -> Bool {
        var pending: [Int] = []
        var any = false
        for n in 0...(tree.entries.keys.max() ?? 0) {
            guard let entry = tree.entries[n] else { pending.append(n); continue }
            let mark = lines.count
            var written = false
            if let column = entry.column {
                if let scalar = scalar(column, row) {
                    lines.append("\(indent)- \(scalar)")
                    lineColumns.append(columns[column].number)
                    written = true
                }
            } else if emitRecord(entry, indent: indent + "  ", row: row, lines: &lines, columns: &lineColumns) {
                lines[mark] = indent + "- " + lines[mark].dropFirst(indent.count + 2)
                written = true
            }
            guard written else { pending.append(n); continue }
            // Fill the gap before this entry with absent entries, in front of it.
            let fill = pending.map { _ in "\(indent)- ~" }
            lines.insert(contentsOf: fill, at: mark)
            lineColumns.insert(contentsOf: Array(repeating: lineColumns[mark], count: fill.count), at: mark)
            pending = []
            any = true
        }
        return any
    }

    /// The cell as a YAML scalar, or nil when it is empty. Numbers stay plain so YAML types them;
    /// everything else is double-quoted, which keeps it text exactly as written.
    private func scalar(_ column: Int, _ row: Row) -> String? {
        let index = columns[column].number - 1
        guard row.cells.indices.contains(index) else { return nil }
        let cell = row.cells[index]
        if cell.isEmpty { return nil }
        switch columns[column].shape {
        case .integer, .number, .bool:
            if Roster.isPlainNumberLike(cell) { return cell }
        default: break
        }
        return JSONText.string(cell) // a JSON string is a valid YAML double-quoted scalar
    }

    static func isPlainNumberLike(_ cell: String) -> Bool {
        var sawAlnum = false
        for (i, u) in cell.utf8.enumerated() {
            switch u {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawAlnum = true
            case UInt8(ascii: "."), UInt8(ascii: "_"): break
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if i > 0 { return false }
            default: return false
            }
        }
        return sawAlnum
    }

    /// A diagnostic about the generated YAML, moved to the row and column of the cell it concerns,
    /// naming the column's header as its key path.
    private func relocate(_ diagnostic: Diagnostic, row: Row, lineColumns: [Int]) -> Diagnostic {
        var d = diagnostic
        let line = diagnostic.location.line
        let column = lineColumns.indices.contains(line - 1) ? lineColumns[line - 1] : 0
        d.location = SourceLocation(file: file, line: row.number, column: column)
        d.sourceLine = nil
        d.message = d.message.replacingOccurrences(of: " (in quotes, so text)", with: "")
        if let header = columns.first(where: { $0.number == column })?.header {
            if let path = diagnostic.path {
                let prefix = messageQuote(path, limit: 200) + ": "
                if d.message.hasPrefix(prefix) { d.message = header + ": " + d.message.dropFirst(prefix.count) }
            }
            d.path = header
        }
        return d
    }

    /// The 1-based row at which SwiftCSV first fails (it reports no position): the smallest row
    /// limit whose parse fails, found by bisection. Only used on the error path.
    private static func failingRow(_ text: String, delimiter: CSVDelimiter) -> Int {
        func parses(_ limit: Int) -> Bool {
            (try? CSV<Enumerated>(string: text, delimiter: delimiter, loadColumns: false, rowLimit: limit)) != nil
        }
        if !parses(0) { return 1 }
        var low = 0, high = 1
        while parses(high) {
            low = high
            high *= 2
            if high > 1 << 24 { return 0 }
        }
        while high - low > 1 {
            let mid = (low + high) / 2
            if parses(mid) { low = mid } else { high = mid }
        }
        return high + 1
    }
}
