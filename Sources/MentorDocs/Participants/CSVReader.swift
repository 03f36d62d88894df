// A small RFC 4180 reader that knows where everything is: each record's row number and each
// cell's column, and for a malformed record the place and the reason. A malformed record costs
// only itself: reading goes on at the next line, so an unterminated quote cannot swallow the
// rest of the file into one cell.

/// One record of a CSV file.
struct CSVRecord {
    /// 1-based record number, as a spreadsheet numbers its rows (a quoted line break stays in its row).
    var number: Int
    /// The cells as written, quotes removed and doubled quotes undone.
    var cells: [String]
    /// Why the record is malformed, with the 1-based column of the field at fault.
    var problem: (column: Int, message: String)?
}

enum CSVReader {
    /// The delimiter a spreadsheet most likely used: the most frequent of `,` `;` and tab in the
    /// first line outside quotes (a comma when none appears).
    static func delimiter(of text: String) -> Unicode.Scalar {
        let candidates: [Unicode.Scalar] = [",", ";", "\t"]
        var counts = [0, 0, 0]
        var quoted = false
        for s in text.unicodeScalars {
            if s == "\"" { quoted.toggle(); continue }
            if !quoted && (s == "\n" || s == "\r") { break }
            if !quoted, let k = candidates.firstIndex(of: s) { counts[k] += 1 }
        }
        var best = 0
        for k in 1..<candidates.count where counts[k] > counts[best] { best = k }
        return candidates[best]
    }

    /// Every record of the text, in order; a byte-order mark at the start is skipped.
    static func records(_ text: String, delimiter: Unicode.Scalar) -> [CSVRecord] {
        let s = Array(text.unicodeScalars)
        var i = s.first == "\u{FEFF}" ? 1 : 0
        var records: [CSVRecord] = []
        func isBreak(_ j: Int) -> Bool { j < s.count && (s[j] == "\n" || s[j] == "\r") }
        func skipBreak(_ j: inout Int) {
            if j < s.count, s[j] == "\r" { j += 1; if j < s.count, s[j] == "\n" { j += 1 } } else if j < s.count { j += 1 }
        }
        func skipLine(_ j: inout Int) {
            while j < s.count, !isBreak(j) { j += 1 }
            skipBreak(&j)
        }
        while i < s.count {
            var record = CSVRecord(number: records.count + 1, cells: [])
            var cell = String.UnicodeScalarView()
            recordLoop: while true {
                let column = record.cells.count + 1
                if i < s.count, s[i] == "\"" {
                    let open = i
                    i += 1
                    var closed = false
                    while i < s.count {
                        if s[i] == "\"" {
                            if i + 1 < s.count, s[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        cell.append(s[i])
                        i += 1
                    }
                    // A quote that runs past its line into a malformed end (or the end of the
                    // file) was most likely never closed: the rest of the file is not its cell.
                    let spansLines = s[open..<i].contains { $0 == "\n" || $0 == "\r" }
                    let malformedEnd = closed && !(i >= s.count || s[i] == delimiter || isBreak(i))
                    guard closed, !(spansLines && malformedEnd) else {
                        record.problem = (column, "malformed CSV in row \(record.number): the quote that opens column "
                                          + "\(column) never closes; end the field with a quote, and write a quote "
                                          + "inside it twice (\"\")")
                        // Go on after the line the quote is on, so one bad field costs one row.
                        i = open
                        skipLine(&i)
                        break recordLoop
                    }
                    guard i >= s.count || s[i] == delimiter || isBreak(i) else {
                        record.problem = (column, "malformed CSV in row \(record.number): a quoted field must end "
                                          + "with a quote before the next comma or line end, and a quote inside it "
                                          + "is written twice (\"\")")
                        skipLine(&i)
                        break recordLoop
                    }
                } else {
                    while i < s.count, s[i] != delimiter, !isBreak(i) { cell.append(s[i]); i += 1 }
                }
                record.cells.append(String(cell))
                cell = String.UnicodeScalarView()
                if i < s.count, s[i] == delimiter { i += 1; continue }
                skipBreak(&i)
                break
            }
            records.append(record)
        }
        return records
    }
}
