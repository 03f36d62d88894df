// One validated partnership (one mentor, one mentee) and typed views of the values documents use most.
import Foundation

/// A partnership read from one document of a participant file.
public struct Partnership: Sendable {
    /// The validated record; every value remembers where it was written.
    public var data: Value
    /// The file it came from, as given to the loader.
    public var file: String
    /// 0-based position of its document in the file's YAML stream.
    public var index: Int
    /// Where its document starts.
    public var location: SourceLocation
    /// Problems that did not stop it loading, such as unknown keys.
    public var warnings: [Diagnostic]
    /// The text of its file, when the loader read one, to quote under later warnings.
    var source: SourceText?

    /// Creates a partnership.
    public init(data: Value, file: String, index: Int, location: SourceLocation, warnings: [Diagnostic] = []) {
        self.data = data
        self.file = file
        self.index = index
        self.location = location
        self.warnings = warnings
    }

    /// The program whose forms it uses.
    public var program: Program? { data["program"]?.text.flatMap(Program.init(rawValue:)) }

    /// The `id` the file gives, if any.
    public var id: String? { nonBlank(data["id"]?.text) }

    /// The mentor's name.
    public var mentorName: String? { nonBlank(data.lookup(["mentor", "name"])?.text) }

    /// The mentee's name.
    public var menteeName: String? { nonBlank(data.lookup(["mentee", "name"])?.text) }

    /// "Mentor and Mentee", each name isolated from the other when it could reorder the line.
    static func pairName(mentor: String, mentee: String) -> String {
        "\(BidiIsolation.isolated(mentor)) and \(BidiIsolation.isolated(mentee))"
    }

    /// Start, length and end of the partnership.
    public var term: Term {
        // Plain bindings: Swift 6.3's optimizer crashed on an Optional.map chain here.
        guard let term = data["term"] else { return Term(start: nil, months: nil, end: nil) }
        var months: Int?
        if let n = term["months"]?.number { months = Int(n) }
        return Term(start: term["start"]?.date, months: months, end: term["end"]?.date)
    }

    /// The meeting log, in file order.
    public var meetings: [Meeting] {
        (data["meetings"]?.items ?? []).map { entry in
            Meeting(date: entry["date"]?.date, hours: entry["hours"]?.number,
                    mode: entry["mode"]?.text.flatMap(MeetingMode.init(rawValue:)), location: entry.location)
        }
    }

    /// A name for output files: the `id`, else a slug of "mentor-mentee" (`dana-whitfield-kate-morrison`),
    /// else a slug of the file's name and the partnership's 1-based number in it (its document in
    /// a YAML stream, its row in a roster: `pair-1`, `roster-4`), `partnership-N` when the file's
    /// name has no letter or digit. Files that name no one still get folders of their own.
    public func slugID() -> String {
        if let id { return id }
        let slug = namesSlug
        if !slug.isEmpty { return slug }
        // Cut so that the number survives the folder name's 100-byte limit.
        var stem = Partnership.slug(((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        while stem.utf8.count > 80 { stem.removeLast() }
        while stem.hasSuffix("-") { stem.removeLast() }
        return "\(stem.isEmpty ? "partnership" : stem)-\(index + 1)"
    }

    /// What `slugID()` was made from, for a message about it.
    var idSource: IDSource { id != nil ? .given : namesSlug.isEmpty ? .fileName : .names }

    private var namesSlug: String { Partnership.slug([mentorName, menteeName].compactMap { $0 }.joined(separator: " ")) }

    /// Where a partnership's id comes from.
    enum IDSource: Sendable { case given, names, fileName }

    /// Lowercase words joined by hyphens; Latin letters lose their accents (`Zoë Łukasz` →
    /// `zoe-lukasz`), letters of other scripts stay as they are.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for character in text.precomposedStringWithCanonicalMapping {
            // Apostrophes join a name's parts: O'Brien is obrien, not o-brien.
            if character == "'" || character == "\u{2019}" { continue }
            guard character.isLetter || character.isNumber else {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out += fold(character)
        }
        return out
    }

    /// The ASCII spelling of a Latin letter where there is one; other letters lowercased.
    private static func fold(_ character: Character) -> String {
        let lower = String(character).lowercased()
        if let special = latinFolds[lower] { return special }
        let decomposed = lower.decomposedStringWithCanonicalMapping.unicodeScalars
        // A Latin base letter plus combining marks (é = e + ◌́) keeps only the base letter.
        if let base = decomposed.first, base.isASCII,
           decomposed.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
            return String(base)
        }
        return lower
    }

    /// Latin letters that do not decompose into a base letter and a mark.
    private static let latinFolds: [String: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th",
        "ı": "i", "ħ": "h", "ŀ": "l", "ŋ": "n", "ĸ": "k",
    ]
}

/// Start, length and end of a partnership.
public struct Term: Sendable, Hashable {
    /// First day.
    public var start: CalendarDate?
    /// Length in months.
    public var months: Int?
    /// Last day as written, else `start` plus `months`.
    public var end: CalendarDate?

    /// Creates a term; a missing `end` is derived from `start` and `months`.
    public init(start: CalendarDate?, months: Int?, end: CalendarDate?) {
        self.start = start
        self.months = months
        self.end = end ?? Term.end(start: start, months: months)
    }

    /// The last day a term without a written `end` has: `start` plus `months`, else nil.
    static func end(start: CalendarDate?, months: Int?) -> CalendarDate? {
        guard let start, let months else { return nil }
        return start.adding(months: months)
    }
}

/// How a meeting was held: the `mode` choices of the format, in the order its errors list them.
public enum MeetingMode: String, CaseIterable, Sendable, Hashable {
    case inPerson = "in-person", email, video, phone, other

    /// The key of its hours in the computed `checkin.hours` record (`in_person`).
    public var checkinKey: String { MeetingMode.checkinKeys[self]! }
    private static let checkinKeys = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.rawValue.dashesAsUnderscores) })
}

/// One entry of the meeting log.
public struct Meeting: Sendable {
    /// The day it was held.
    public var date: CalendarDate?
    /// Its length in hours.
    public var hours: Double?
    /// How it was held.
    public var mode: MeetingMode?
    /// Where the entry is written.
    public var location: SourceLocation?

    /// Creates a meeting.
    public init(date: CalendarDate?, hours: Double?, mode: MeetingMode?, location: SourceLocation?) {
        self.date = date
        self.hours = hours
        self.mode = mode
        self.location = location
    }
}

private func nonBlank(_ text: String?) -> String? {
    guard let text, !text.isBlank else { return nil }
    return text
}
