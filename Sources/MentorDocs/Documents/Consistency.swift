// Checks across documents: where one partnership's data would make its documents disagree
// (docs/participant-format.md, "Checks across documents"). Each finding is a located warning.
import Foundation

/// Warnings for data that loads but would make a partnership's documents contradict each other.
enum Consistency {
    /// Every cross-document warning for `partnership`, in file order. `month` is the check-in
    /// month asked for (`YYYY-MM`), nil for the latest month with meetings; `source` quotes the
    /// offending line under each warning when given.
    public static func warnings(for partnership: Partnership, month: YearMonth? = nil,
                                source: SourceText? = nil) -> [Diagnostic] {
        var found = Findings(fallback: partnership.location, source: source)
        achievements(partnership.data, &found)
        goalTerms(partnership.data, &found)
        meetingGoals(partnership.data, &found)
        termDates(partnership, &found)
        checkIn(partnership, month: month, &found)
        let sorted = found.list.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
        return DiagnosticList.listed(sorted, limit: ParticipantLoader.Limits().maxListedProblems)
    }

    /// The text of a participant file that loaded, to quote under its warnings; nil if unreadable.
    static func source(of file: String) -> SourceText? {
        guard case .success(let data) = RegularFile.read(file, limit: ParticipantLoader.Limits().maxFileBytes) else { return nil }
        return SourceText(String(decoding: data, as: UTF8.self))
    }

    // MARK: - Goals

    /// Achievements pair with goals by position (the end-of-term sheet's planned / achieved
    /// rows): one past the last goal names no goal of the plan. A file with no goals has no plan
    /// to disagree with.
    static func achievements(_ data: Value, _ found: inout Findings) {
        let goals = data["goals"]?.items ?? [], achieved = data["achievements"]?.items ?? []
        guard !goals.isEmpty, achieved.count > goals.count else { return }
        for index in goals.count..<achieved.count {
            found.add(achieved[index], "achievements[\(index)]",
                      "achievement \(index + 1) names no goal of the plan: the plan has \(count(goals.count, "goal")), "
                      + "and achievements are paired with goals in order, so its planned cell would be empty")
        }
    }

    /// The action plan prints a goal's steps, timeframe, obstacles and evaluation only when it is
    /// long-term (`term: long`), and its actions and challenges only when it is not: what the
    /// other term's form has no place for would be written and never printed.
    static func goalTerms(_ data: Value, _ found: inout Findings) {
        let longOnly = ["steps", "timeframe", "obstacles", "evaluation"], shortOnly = ["actions", "challenges"]
        for (index, goal) in (data["goals"]?.items ?? []).enumerated() {
            let long = goal["term"]?.text == "long"
            let unprinted = (long ? shortOnly : longOnly).filter { key in
                guard let value = goal[key] else { return false }
                if case .list(let items) = value.kind { return items.contains { !$0.isEmpty } }
                return !value.isEmpty
            }
            guard let first = unprinted.first else { continue }
            let keys = unprinted.count == 1 ? unprinted[0] : unprinted.dropLast().joined(separator: ", ") + " and " + unprinted.last!
            if long {
                found.add(goal[first], "goals[\(index)].\(first)",
                          "goal \(index + 1) is long-term (term: long), and the action plan prints \(keys) only for a short-term goal; "
                          + "\(unprinted.count == 1 ? "it" : "they") would not be printed")
            } else {
                found.add(goal[first], "goals[\(index)].\(first)",
                          "goal \(index + 1) has \(keys), which the action plan prints only for a long-term goal, but its term is not 'long': "
                          + "it prints as a short-term goal without \(unprinted.count == 1 ? "it" : "them"); add 'term: long' to the goal")
            }
        }
    }

    /// A meeting's `goal` is the text of one of the plan's goals (compared ignoring case and spacing).
    static func meetingGoals(_ data: Value, _ found: inout Findings) {
        let texts = (data["goals"]?.items ?? []).compactMap { $0["goal"]?.text }.filter { !normalized($0).isEmpty }
        guard !texts.isEmpty else { return }
        let known = Set(texts.map(normalized))
        for (index, meeting) in (data["meetings"]?.items ?? []).enumerated() {
            guard let goal = meeting["goal"], let text = goal.text, case let plain = normalized(text), !plain.isEmpty,
                  !known.contains(plain) else { continue }
            found.add(goal, "meetings[\(index)].goal",
                      "meeting \(index + 1) is about a goal that is not in the plan's goals",
                      suggestion: Suggestions.nearest(to: plain, in: texts))
        }
    }

    /// Lowercased, with runs of white space made one space and none at the ends.
    static func normalized(_ text: String) -> String {
        // ASCII text (most goals) byte by byte; anything else by Unicode's rules.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:
                space = !out.isEmpty
            default:
                if space { out.append(0x20); space = false }
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Dates against the term

    /// Meetings, checkups and signature dates fall within the term, both ends included.
    static func termDates(_ partnership: Partnership, _ found: inout Findings) {
        let term = partnership.term
        guard let start = term.start else { return }
        let data = partnership.data
        let written = data.lookup(["term", "end"])?.date != nil
        let endText = term.end.map { written ? "\($0)" : "\($0), term.start plus \(term.months ?? 0) months" }
        func check(_ value: Value?, _ path: String, _ what: String) {
            guard let value, let date = value.date else { return }
            if date < start {
                found.add(value, path, "\(what) dated \(date), before the term starts (\(start))")
            } else if let end = term.end, date > end, let endText {
                found.add(value, path, "\(what) dated \(date), after the term ends (\(endText))")
            }
        }
        for (index, meeting) in (data["meetings"]?.items ?? []).enumerated() {
            check(meeting["date"], "meetings[\(index)].date", "meeting \(index + 1) is")
        }
        for (index, checkup) in (data["checkups"]?.items ?? []).enumerated() {
            check(checkup["date"], "checkups[\(index)].date", "checkup \(index + 1) is")
        }
        for signer in ["mentor", "mentee", "supervisor"] {
            check(data.lookup(["signed", signer]), "signed.\(signer)", "the \(signer)'s signature is")
        }
        for signer in ["mentor", "mentee"] {
            check(data.lookup(["closing", "signed", signer]), "closing.signed.\(signer)",
                  "the \(signer)'s end-of-term signature is")
        }
    }

    // MARK: - Check-in

    /// The keys only the monthly check-in prints.
    static let checkInKeys = ["status", "reported_by", "continuing"]

    /// A check-in reports a month with meetings. With a month asked for, a partnership that keeps
    /// check-in data (or uses ASET's check-in form) and met no time that month is warned; with
    /// none, check-in data and no dated meeting at all (the check-in would report no month).
    static func checkIn(_ partnership: Partnership, month: YearMonth?, _ found: inout Findings) {
        let data = partnership.data
        let keys = checkInKeys.compactMap { key in data[key].map { (key, $0) } }
            .sorted { ($0.1.location?.line ?? 0, $0.1.location?.column ?? 0) < ($1.1.location?.line ?? 0, $1.1.location?.column ?? 0) }
        let meetings = data["meetings"]?.items ?? []
        let dates = meetings.compactMap { $0["date"]?.date }
        // Where to point: the first check-in key, else the meeting log, else the document.
        let anchor: (String, Value?) = keys.first.map { ($0.0, Optional($0.1)) } ?? ("meetings", data["meetings"])
        if let month {
            guard !keys.isEmpty || partnership.program == .aset else { return }
            guard !dates.contains(where: month.contains) else { return }
            found.add(anchor.1, anchor.0,
                      "the check-in for \(CalendarDate.monthNames[month.month - 1]) \(month.year) reports no meeting: "
                      + "no meeting of the log is dated in \(month)")
        } else if let key = keys.first, dates.isEmpty {
            found.add(key.1, key.0,
                      "the check-in has no month to report: the meeting log has no dated meeting, so its hours would be empty")
        }
    }

    // MARK: - Support

    /// The warnings found so far, each located at its value (else the document's start).
    struct Findings {
        let fallback: SourceLocation
        let source: SourceText?
        var list: [Diagnostic] = []

        mutating func add(_ value: Value?, _ path: String, _ message: String, suggestion: String? = nil) {
            let at = value?.location ?? fallback
            list.append(Diagnostic(.warning, at: at, messageQuote(path, limit: 200) + ": " + message,
                                   path: path, suggestion: suggestion,
                                   sourceLine: source?.excerpt(at.line, column: at.column)))
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// The consistency warnings of partnership after partnership, each quoting its source line: from
/// the text the loader read, or (a partnership made in memory) by reading its file again, only
/// when one of its partnerships has a warning, and once for all of them.
public struct ConsistencyCheck {
    /// The check-in month asked for; nil for the latest month with meetings.
    public let month: YearMonth?
    private var file: String?
    private var source: SourceText?

    /// A check for the check-in month `month`.
    public init(month: YearMonth?) { self.month = month }

    /// Every cross-document warning for `partnership`, with its source line.
    public mutating func warnings(for partnership: Partnership) -> [Diagnostic] {
        if let source = partnership.source { return Consistency.warnings(for: partnership, month: month, source: source) }
        guard !Consistency.warnings(for: partnership, month: month).isEmpty else { return [] }
        if file != partnership.file {
            file = partnership.file
            source = Consistency.source(of: partnership.file)
        }
        return Consistency.warnings(for: partnership, month: month, source: source)
    }
}
