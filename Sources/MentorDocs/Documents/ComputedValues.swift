// The values the renderer adds to a partnership's data before filling a template: display names,
// print CSS, derived term end, filtered goals, paired rows and the check-in hours.
import Foundation

/// A partnership's data plus everything computed from it that does not depend on the document:
/// made once per partnership, then given each document's print rule.
public struct PreparedValues: Sendable {
    let fields: [String: Value]
    /// The program whose forms are rendered.
    public let program: Program
    /// Format, paper and check-in month.
    public let options: RenderOptions
    /// The data fingerprint of the partnership's own values; nil for a blank form.
    public let dataFingerprint: String?

    /// The values for one document: these plus its `@page` rule (which names the form and, in
    /// its footer, the document's fingerprints).
    func forDocument(title: String, footer: String? = nil) -> Value {
        var fields = fields
        fields["print"] = printRule(title: title, footer: footer)
        return .record(fields)
    }

    /// The values shared by all of a partnership's documents, as one record (no copy).
    var shared: Value { .record(fields) }

    /// The document's `print` record: its paper and `@page` rule.
    func printRule(title: String, footer: String? = nil) -> Value {
        .record([
            "paper": .text(options.paper.cssSize),
            "page_css": .text(ComputedValues.pageCSS(program: program, title: title, pair: fields["pair"]?.text, paper: options.paper, footer: footer)),
        ])
    }
}

/// Builds the value tree a template renders from: the file's data plus computed values.
enum ComputedValues {
    /// The data for one document; `data` is nil for a blank form.
    public static func make(data: Value?, program: Program, title: String, options: RenderOptions) -> Value {
        prepare(data: data, program: program, options: options).forDocument(title: title)
    }

    /// Everything but the document's print rule, computed once for all of a partnership's documents.
    public static func prepare(data: Value?, program: Program, options: RenderOptions) -> PreparedValues {
        var fields = data?.fields ?? [:]
        fields["program"] = .record(["name": .text(program.displayName), "key": .text(program.rawValue)])

        // No value stands in for a signer's act: initials, signatures and the dates beside them
        // are never derived (a signature date is printed only from `signed` / `closing.signed`).
        let mentorName = fields["mentor"]?["name"]?.text, menteeName = fields["mentee"]?["name"]?.text
        if let mentorName, let menteeName { fields["pair"] = .text(Partnership.pairName(mentor: mentorName, mentee: menteeName)) }

        if var term = fields["term"]?.fields, term["end"] == nil, let months = term["months"]?.number,
           let end = Term.end(start: term["start"]?.date, months: Int(months)) {
            term["end"] = .date(end)
            fields["term"] = .record(term)
        }

        let goals = fields["goals"]?.items ?? []
        fields["goals_short"] = .list(goals.filter { $0["term"]?.text != "long" })
        fields["goals_long"] = .list(goals.filter { $0["term"]?.text == "long" })
        fields["plan_rows"] = pairRows(goals.map { $0["goal"] }, fields["achievements"]?.items.map { Optional($0) } ?? [],
                                       names: ("planned", "achieved"))
        let roles = fields["role_expectations"]
        fields["expectation_rows"] = pairRows(roles?["of_mentee"]?.items.map { Optional($0) } ?? [],
                                              roles?["of_mentor"]?.items.map { Optional($0) } ?? [],
                                              names: ("of_mentee", "of_mentor"))
        if let checkups = fields["checkups"]?.items, !checkups.isEmpty {
            let start = fields["term"]?["start"]?.date
            fields["checkups"] = .list(checkups.map { withTimeSoFar($0, meetings: fields["meetings"]?.items ?? [], start: start) })
        }
        if let checkin = checkIn(meetings: fields["meetings"]?.items ?? [], month: options.month) {
            fields["checkin"] = checkin
        }
        return PreparedValues(fields: fields, program: program, options: options, dataFingerprint: data.map(DataFingerprint.of))
    }

    static func pairRows(_ left: [Value?], _ right: [Value?], names: (String, String)) -> Value {
        let count = max(left.count, right.count)
        return .list((0..<count).map { i in
            var row: [String: Value] = [:]
            if i < left.count, let v = left[i] { row[names.0] = v }
            if i < right.count, let v = right[i] { row[names.1] = v }
            return .record(row)
        })
    }

    /// A checkup with the hours met up to its date and the time since the partnership began
    /// (the term's start, else the first meeting), which the checkup form asks for.
    static func withTimeSoFar(_ checkup: Value, meetings: [Value], start: CalendarDate?) -> Value {
        guard let date = checkup["date"]?.date else { return checkup }
        var fields = checkup.fields
        var hours = HourSum()
        var first = start
        for meeting in meetings {
            guard let day = meeting["date"]?.date, day <= date else { continue }
            hours.add(meeting["hours"]?.number ?? 0)
            if start == nil, first == nil || day < first! { first = day }
        }
        fields["hours_so_far"] = .number(hours.value)
        if let first, first <= date {
            var months = (date.year - first.year) * 12 + date.month - first.month
            if date.day < first.day { months -= 1 }
            if months >= 1 {
                fields["time_so_far"] = .text(months == 1 ? "1 month" : "\(months) months")
            } else {
                let days = date.day - first.day + (date.month != first.month ? CalendarDate.daysIn(month: first.month, year: first.year) : 0)
                let weeks = days / 7
                fields["time_so_far"] = .text(weeks >= 1 ? (weeks == 1 ? "1 week" : "\(weeks) weeks") : (days == 1 ? "1 day" : "\(days) days"))
            }
        }
        return .record(fields)
    }

    /// Hours by form of contact for the month asked for, else the latest month with meetings.
    /// (Written with plain loops: Swift 6.3's optimizer crashed on a closure-heavy version.)
    static func checkIn(meetings: [Value], month: YearMonth?) -> Value? {
        var latest: CalendarDate?
        for meeting in meetings {
            if let date = meeting["date"]?.date, latest == nil || date > latest! { latest = date }
        }
        guard let month = month ?? latest.map(YearMonth.init(of:)) else { return nil }
        let modes = MeetingMode.allCases
        var hours = [HourSum](repeating: HourSum(), count: modes.count)
        var total = HourSum()
        var count = 0
        for meeting in meetings {
            guard let date = meeting["date"]?.date, month.contains(date) else { continue }
            count += 1
            let mode = (meeting["mode"]?.text ?? "other").dashesAsUnderscores
            // A mode the log does not name counts as `other`.
            let slot = modes.firstIndex { $0.checkinKey == mode } ?? modes.firstIndex(of: .other)!
            hours[slot].add(meeting["hours"]?.number ?? 0)
            total.add(meeting["hours"]?.number ?? 0)
        }
        var record: [String: Value] = ["total": .number(total.value)]
        for (index, mode) in modes.enumerated() { record[mode.checkinKey] = .number(hours[index].value) }
        return .record(["month": .date(month.first), "hours": .record(record), "meetings": .number(Double(count))])
    }

    /// The `@page` rule: paper size, margins, and a running header and footer where supported.
    static func pageCSS(program: Program, title: String, pair: String?, paper: RenderOptions.Paper, footer: String? = nil) -> String {
        let left = cssString("\(program.displayName) · \(title)")
        let right = pair.map(cssString) ?? "\"\""
        if let footer {
            return """
            @page { size: \(paper.cssSize); margin: 18mm 16mm 18mm 16mm;
              @top-left { content: \(left); font-size: 8pt; color: #555555; }
              @top-right { content: \(right); font-size: 8pt; color: #555555; }
              @bottom-left { content: \(cssString(footer)); font-size: 6.5pt; color: #777777; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555555; } }
            """
        }
        return """
        @page { size: \(paper.cssSize); margin: 18mm 16mm 18mm 16mm;
          @top-left { content: \(left); font-size: 8pt; color: #555555; }
          @top-right { content: \(right); font-size: 8pt; color: #555555; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #555555; } }
        """
    }

    /// A CSS string literal holding `text` as text: quotes, backslashes, line ends and markup
    /// characters escaped, so no participant value can end the string or the style element.
    static func cssString(_ text: String) -> String {
        let needsEscape = text.utf8.contains { byte in
            switch byte {
            case 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0x0A, 0x0D, 0x0C: return true // " \ < > & and line ends
            default: return false
            }
        }
        if !needsEscape { return "\"" + text + "\"" } // nothing to escape: the text as it is
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "\n", "\r", "\u{0C}":
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

// MARK: - Shape

extension ComputedValues {
    /// The shape templates see: `file`'s keys plus the values `prepare` computes, so a template
    /// path to a computed value is checked like a path to a value of the file.
    static func templateShape(adding file: Shape) -> Shape {
        typealias Format = ParticipantFormat
        guard case .record(var fields) = file else { return file }
        let hours: Shape = .record(
            (["total"] + MeetingMode.allCases.map(\.checkinKey)).map { Field($0, .number(minimum: 0)) })
        fields += [
            Field("program", .record([Field("name", .text), Field("key", .text)]), computed: true),
            Field("pair", .text, computed: true),
            Field("print", .record([Field("page_css", .text), Field("paper", .text)]), computed: true),
            Field("goals_short", .list(Format.goal), computed: true),
            Field("goals_long", .list(Format.goal), computed: true),
            Field("plan_rows", .list(.record([Field("planned", .text), Field("achieved", .text)])),
                  computed: true),
            Field("expectation_rows", .list(.record([
                Field("of_mentee", .text), Field("of_mentor", .text)])), computed: true),
            Field("checkin", .record([
                Field("month", .date), Field("hours", hours), Field("meetings", .integer(0...Int.max)),
            ]), computed: true),
        ]
        // `program` in templates is the computed record; the file's `program` is a choice.
        fields.removeAll { $0.name == "program" && !$0.computed }
        // Each checkup also carries the time together and hours met up to its date.
        fields.removeAll { $0.name == "checkups" }
        fields.append(Field("checkups", .list(.record(Format.checkup + [
            Field("hours_so_far", .number(minimum: 0), computed: true),
            Field("time_so_far", .text, computed: true),
        ]))))
        return .record(fields)
    }
}
