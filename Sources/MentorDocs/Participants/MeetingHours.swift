// The renderer adds up meeting hours (Documents/ComputedValues.swift: the check-in's monthly
// totals, each checkup's hours so far). Every hour count is finite, but their sum can still
// overflow to infinity, so a partnership whose meetings add up past the largest number is refused
// here, at the meeting that tips it. Partial sums of counts of at least 0 never exceed the total.

enum MeetingHours {
    /// A located error when the sum of every meeting's hours is not a finite number.
    static func overflow(in partnership: Value, file: String, source: SourceText) -> Diagnostic? {
        var total = 0.0
        for (index, meeting) in (partnership["meetings"]?.items ?? []).enumerated() {
            guard let hours = meeting["hours"], let n = hours.number else { continue }
            total += n
            guard !total.isFinite else { continue }
            let at = hours.location ?? SourceLocation(file: file, line: 0, column: 0)
            let path = "meetings[\(index)].hours"
            return Diagnostic(at: at, path + ": the hours of all meetings add up to more than the largest "
                              + "number that can be counted; check this meeting's hours",
                              path: path, sourceLine: source.excerpt(at.line, column: at.column))
        }
        return nil
    }
}

/// A running sum of hour counts that reads as the counts were written: rounded to the most decimal
/// places any of them has, so 1.1 + 2.2 is 3.3 (binary arithmetic alone makes it 3.3000000000000003).
struct HourSum {
    private var total = 0.0
    /// The most decimal places of a count added; nil once one is written with an exponent.
    private var places: Int? = 0

    /// Adds `hours`.
    mutating func add(_ hours: Double) {
        total += hours
        guard let known = places else { return }
        let written = String(hours) // the shortest text that reads back as `hours`
        if written.contains("e") { places = nil; return }
        if let dot = written.firstIndex(of: ".") { places = max(known, written.distance(from: dot, to: written.endIndex) - 1) }
    }

    /// The sum, rounded to the counts' decimal places (as it is when that cannot be done).
    var value: Double {
        guard let places, places > 0, places <= 15, total.isFinite else { return total }
        let scale = pow10(places)
        let rounded = (total * scale).rounded() / scale
        return rounded.isFinite ? rounded : total
    }

    private func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}
