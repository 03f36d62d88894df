// The renderer adds up meeting hours (Documents/ComputedValues.swift: the check-in's monthly
// totals, each checkup's hours so far). Every hour count is finite, but their sum can still
// overflow to infinity, so a partnership whose meetings add up past the largest number is refused
// here, at the meeting that tips it. Partial sums of counts of at least 0 never exceed the total.

enum MeetingHours {
    /// A located error when the sum of every meeting's hours is not a finite number.
    static func overflow(in partnership: Value, file: String, source: SourceText) -> Diagnostic? {
        var total = 0.0
        for meeting in partnership["meetings"]?.items ?? [] {
            guard let hours = meeting["hours"], let n = hours.number else { continue }
            total += n
            guard !total.isFinite else { continue }
            let at = hours.location ?? SourceLocation(file: file, line: 0, column: 0)
            return Diagnostic(at: at, "meetings: the hours of all meetings add up to more than the largest "
                              + "number that can be counted; check this meeting's hours",
                              path: "meetings", sourceLine: source.excerpt(at.line, column: at.column))
        }
        return nil
    }
}
