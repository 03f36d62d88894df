// What a batch run shows while it works: diagnostics in input order, and progress on standard
// error: a redrawn bar with rate and ETA on a terminal, a plain line every few seconds otherwise.
import Foundation

/// Where a batch run prints diagnostics and progress (standard error for the command line).
public final class BatchConsole: @unchecked Sendable {
    private let sink: @Sendable (String) -> Void
    /// Whether a progress bar is on the screen; held while printing, so lines never interleave.
    private let barShown = Locked(false)
    /// Whether the console is a terminal, where a bar can be redrawn in place.
    public let isTerminal: Bool

    /// A console writing through `sink`.
    public init(isTerminal: Bool, sink: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.sink = sink
    }

    /// Standard error.
    public static func standardError() -> BatchConsole {
        BatchConsole(isTerminal: isatty(STDERR_FILENO) == 1) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Prints a message on its own line(s), clearing the progress bar first.
    public func print(_ text: String) {
        barShown.withLock { shown in
            if shown { sink("\r\u{1B}[K"); shown = false }
            sink(text + "\n")
        }
    }

    /// Draws the bar in place (terminal only).
    func drawBar(_ text: String) {
        barShown.withLock { shown in
            sink("\r\u{1B}[K" + text)
            shown = true
        }
    }

    /// Removes the bar.
    func clearBar() {
        barShown.withLock { shown in
            if shown { sink("\r\u{1B}[K"); shown = false }
        }
    }
}

/// How progress is shown.
public enum ProgressStyle: Sendable {
    /// A bar on a terminal, periodic lines otherwise.
    case automatic
    /// Nothing.
    case none
}

/// Counts the workers update, read by the progress display.
final class ProgressCounts: Sendable {
    private let counts = Locked((units: 0, documents: 0))

    func add(units: Int, documents: Int) {
        counts.withLock { counts in
            counts.units += units
            counts.documents += documents
        }
    }

    func read() -> (units: Int, documents: Int) { counts.current }
}

/// Redraws progress from its own thread until stopped.
final class ProgressDisplay: @unchecked Sendable {
    private let console: BatchConsole
    private let counts: ProgressCounts
    private let total: Int
    private let interval: Double
    private let start = Date()
    private let stopped = Locked(false)
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// A display of `total` inputs; lines every `lineInterval` seconds when not on a terminal.
    init(console: BatchConsole, counts: ProgressCounts, total: Int, lineInterval: Double) {
        self.console = console
        self.counts = counts
        self.total = total
        self.interval = console.isTerminal ? 0.2 : lineInterval
    }

    func begin() {
        let thread = Thread { [self] in
            // Wakes every `interval` to redraw, at once when stopped.
            while !stopped.wait(until: Date().addingTimeInterval(interval), for: { $0 }) {
                show()
            }
            finished.signal()
        }
        thread.name = "mentordocs progress"
        self.thread = thread
        thread.start()
    }

    func end() {
        guard thread != nil else { return }
        stopped.withLock { $0 = true }
        finished.wait()
        console.clearBar()
    }

    private func show() {
        let (units, documents) = counts.read()
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(documents) / elapsed : 0
        let fraction = total > 0 ? Double(units) / Double(total) : 1
        let eta = units > 0 ? elapsed / Double(units) * Double(total - units) : nil
        let percent = Int((fraction * 100).rounded(.down))
        let counts = "\(groupedDigits(units))/\(groupedDigits(total)) inputs"
        let speed = "\(groupedDigits(Int(rate.rounded()))) documents/s"
        let left = eta.map { "ETA " + ProgressDisplay.clock($0) } ?? "ETA --:--"
        if console.isTerminal {
            let width = 24
            let filled = min(width, Int(fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            console.drawBar("[\(bar)] \(percent)%  \(counts)  \(speed)  \(left)")
        } else {
            console.print("progress: \(counts) (\(percent)%), \(groupedDigits(documents)) documents, \(speed), \(left)")
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }
}
