// A coordinator's spreadsheet (CSV): one row per partnership, one column per key path of the
// participant format (`mentor.name`, `term.start`, `goals.0.actions.1.done`). Headers are checked
// against the format before any row is read; each row's cells are then read straight into a
// partnership's values, each checked as the same value in a YAML file is, and each problem is
// reported at `roster.csv:ROW:COLUMN` under the column's header.
import Foundation

/// A roster read from a CSV file: its checked columns and its non-empty rows.
struct Roster: Sendable {
    /// One column whose header is a valid key path.
    public struct Column: Sendable {
        /// The header as written (trimmed), such as `goals.0.actions.1.done`.
        public var header: String
        /// 1-based column number in the file.
        public var number: Int
        /// The shape of the value the column holds.
        var shape: Shape
        /// Where the value sits in a partnership; printed as the header.
        var path: ValuePath
    }

    /// One data row.
    public struct Row: Sendable {
        /// 1-based row number in the file, the header being row 1 (as a spreadsheet numbers it).
        public var number: Int
        /// The row's cells, trimmed, by 0-based column index of the file.
        public var cells: [String]
        /// Why the row is not a well-formed CSV record, located; the row is then not used.
        var problem: Diagnostic?
    }

    /// The roster's path as given.
    public let file: String
    /// The columns in file order (columns with an empty header and no data are left out).
    public let columns: [Column]
    /// Rows with at least one non-empty cell, in file order.
    public let rows: [Row]

    /// Largest roster read, in bytes.
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Reads and checks a roster: its bytes and every header. A problem here concerns the whole
    /// roster, so none of its rows is used; a malformed row or a row with cells past the header
    /// costs only that row (see `load`).
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
        // A named pipe or a device would block the read below: refused before it is opened.
        var info = stat()
        if stat(path, &info) == 0, let kind = RegularFile.kindName(info.st_mode) {
            return fail(0, 0, "cannot read roster: it is \(kind), not a regular file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            return fail(0, 0, "roster is too large: \(groupedDigits(size)) bytes; the limit is \(groupedDigits(maxFileBytes)) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return fail(0, 0, "cannot read roster") }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            return fail(0, 0, "roster is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'")
        }
        let records = CSVReader.records(text, delimiter: CSVReader.delimiter(of: text))
        guard let headerRecord = records.first else { return fail(1, 1, "roster has no header row of key paths") }
        if let problem = headerRecord.problem { return fail(1, problem.column, problem.message) }
        let headers = headerRecord.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard headers.contains(where: { !$0.isEmpty }) else { return fail(1, 1, "roster has no header row of key paths") }
        let rows = records.dropFirst().map { record in
            Row(number: record.number, cells: record.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                problem: record.problem.map { Diagnostic(at: SourceLocation(file: path, line: record.number,
                                                                            column: $0.column), $0.message) })
        }.filter { $0.problem != nil || $0.cells.contains { !$0.isEmpty } }

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
        if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
        return .success(Roster(file: path, columns: columns, rows: rows, width: headers.count))
    }

    /// The number of columns the header row has.
    private let width: Int

    private init(file: String, columns: [Column], rows: [Row], width: Int) {
        self.file = file
        self.columns = columns
        self.rows = rows
        self.width = width
    }

    /// The 1-based number of the column holding `id`, if there is one.
    public var idColumn: Int? { columns.first { $0.header == "id" }?.number }

    /// Reads one row into a partnership: each non-empty cell becomes the value at its column's
    /// key path, checked against the column's shape as the same value in a YAML file is (a cell
    /// is written as typed, so `12` is a number and `No` text where text is expected).
    public func load(_ row: Row, with loader: ParticipantLoader) -> LoadOutcome {
        if let problem = row.problem { return .failure(DiagnosticList([problem])) }
        if let extra = row.cells.indices.first(where: { $0 >= width && !row.cells[$0].isEmpty }) {
            return .failure(DiagnosticList([Diagnostic(
                at: SourceLocation(file: file, line: row.number, column: extra + 1),
                "row \(row.number) has a value in column \(extra + 1), but the header has only \(width) columns")]))
        }
        var scalars = ScalarReader(file: file, source: nil, limits: loader.limits)
        var tree = CellTree()
        for column in columns {
            let index = column.number - 1
            guard row.cells.indices.contains(index), !row.cells[index].isEmpty else { continue }
            // A cell holds what was typed: plain, so YAML types it where the shape wants a number
            // or true/false, and never null (an empty cell is the absent value).
            let cell = YAMLEvent(kind: .scalar, line: row.number, column: column.number, text: row.cells[index])
            guard let value = scalars.value(cell, column.shape, column.path) else { continue }
            tree.insert(value, at: column.path.components[...])
        }
        let rowLocation = SourceLocation(file: file, line: row.number, column: 1)
        let data = tree.value(at: rowLocation)
        var diagnostics = scalars.diagnostics
        if let overflow = MeetingHours.overflow(in: data, file: file, source: SourceText("")) {
            diagnostics.append(overflow)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .failure(DiagnosticList(diagnostics)) }
        var partnership = Partnership(data: data, file: file, index: row.number - 1, location: rowLocation, warnings: diagnostics)
        // No line is quoted under a row's warnings: its column is a cell's number, not a character's.
        partnership.source = SourceText("")
        return .success(partnership)
    }

    // MARK: Headers

    /// A header checked against the participant format.
    static func column(_ header: String, number: Int) -> Result<Column, HeaderProblem> {
        let parts = header.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let shape: Shape
        var path: ValuePath
        switch ParticipantFormat.file.walk(parts) {
        case .success(let reached):
            (path, shape) = reached
        case .failure(let problem):
            func prefix(_ i: Int) -> String { parts[..<i].joined(separator: ".") }
            switch problem {
            case .noKey(let i, let names):
                return .failure(HeaderProblem(message: "unknown key path '\(header)'" + (i == 0 ? "" : ": '\(prefix(i))' has no key '\(parts[i])'"),
                                              suggestion: suggestion(for: header, parts: parts, at: i, names: names)))
            case .notAnIndex(let i):
                return .failure(HeaderProblem(message: "'\(prefix(i))' is a list: the next part of the key path is the entry number, counted from 0",
                                              suggestion: ([prefix(i), "0"] + parts[i...]).joined(separator: ".")))
            case .singleValue(let i, let reached):
                return .failure(HeaderProblem(message: "'\(prefix(i))' holds \(reached.expectation), so it has no '\(parts[i])'", suggestion: prefix(i)))
            }
        }
        let limit = ParticipantLoader.Limits().maxListLength
        for case .index(let n) in path.components where n >= limit {
            return .failure(HeaderProblem(message: "entry number \(n) in '\(header)' is past the limit of \(groupedDigits(limit)) entries", suggestion: nil))
        }
        path.dottedIndices = true
        switch shape {
        case .record(let fields):
            let examples = fields.prefix(3).map { header + "." + $0.name }.joined(separator: ", ")
            return .failure(HeaderProblem(message: "'\(header)' is a group of keys; give one column per key, such as \(examples)",
                                          suggestion: nil))
        case .list:
            return .failure(HeaderProblem(message: "'\(header)' is a list; give one column per entry, numbered from 0",
                                          suggestion: header + ".0"))
        default:
            return .success(Column(header: header, number: number, shape: shape, path: path))
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

}

/// A row's values arranged at their key paths, then turned into the partnership's value tree.
/// List entries keep their order by number; an entry no cell fills is left out, as a null
/// entry of a YAML list is.
private struct CellTree {
    private var leaf: Value?
    private var fields: [String: CellTree] = [:]
    private var entries: [Int: CellTree] = [:]
    /// Where the first value below this node was written.
    private var location: SourceLocation?

    mutating func insert(_ value: Value, at components: ArraySlice<ValuePath.Component>) {
        if location == nil { location = value.location }
        guard let first = components.first else {
            leaf = value
            return
        }
        switch first {
        case .key(let name): fields[name, default: CellTree()].insert(value, at: components.dropFirst())
        case .index(let n): entries[n, default: CellTree()].insert(value, at: components.dropFirst())
        }
    }

    /// The value this node stands for; the root is a record even when the row has no values.
    func value(at fallback: SourceLocation) -> Value {
        if let leaf { return leaf }
        let at = location ?? fallback
        if !entries.isEmpty {
            return Value(.list(entries.keys.sorted().map { entries[$0]!.value(at: at) }), at: at)
        }
        return Value(.record(fields.mapValues { $0.value(at: at) }), at: at)
    }
}

extension ParticipantLoader {
    /// Every data row of the roster at `path` as a partnership or its problems, as `batch
    /// --roster` reads them; a roster that cannot be used at all (unreadable, a bad header) is
    /// one failure.
    public func load(roster path: String) -> [LoadOutcome] {
        switch Roster.read(path) {
        case .failure(let problems): return [.failure(problems)]
        case .success(let roster): return roster.rows.map { roster.load($0, with: self) }
        }
    }
}
