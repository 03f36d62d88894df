// The `--timings` table printed after a batch.
import Foundation

extension BatchReport {
    /// The `--timings` table: time per stage, per document, and peak memory.
    public var timingsTable: String {
        guard let timings else { return "" }
        let documents = max(1, documentsRendered)
        var lines = ["timings: \(summary.pairs) pairs, \(documentsRendered) documents rendered in "
                     + String(format: "%.2f", seconds) + " s on \(jobs) worker\(jobs == 1 ? "" : "s")"]
        lines.append("  " + "stage (thread CPU time)".padding(toLength: 28, withPad: " ", startingAt: 0) + "   cpu s   us/document")
        var total: UInt64 = 0
        for stage in PipelineStage.allCases {
            let ns = timings[stage]
            total += ns
            lines.append("  " + stage.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                         + String(format: "%8.2f %13.1f", Double(ns) / 1e9, Double(ns) / 1e3 / Double(documents)))
        }
        lines.append("  " + "all stages".padding(toLength: 28, withPad: " ", startingAt: 0)
                     + String(format: "%8.2f %13.1f", Double(total) / 1e9, Double(total) / 1e3 / Double(documents)))
        let cpu = processCPUSeconds()
        lines.append(String(format: "  process CPU %.2f s (%.1f us/document, all threads, start-up included)",
                            cpu, cpu * 1e6 / Double(documents)))
        lines.append(String(format: "  throughput: %.0f pairs/s, %.0f documents/s; peak memory %.1f MB (max RSS)",
                            Double(summary.pairs) / seconds, Double(documentsRendered) / seconds,
                            Double(peakResidentBytes()) / 1_048_576))
        return lines.joined(separator: "\n")
    }
}
