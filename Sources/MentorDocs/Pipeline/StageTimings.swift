// Optional time spent per stage of the pipeline (`--timings`): each worker adds up its own clock
// readings, merged once at the end, so the cost when off is one branch per stage.
import Foundation

/// A stage of turning one partnership into its documents.
public enum PipelineStage: Int, CaseIterable, Sendable {
    case read, render, validate, serialize, hash, write

    /// The name printed in the timings table.
    public var label: String {
        switch self {
        case .read: return "read YAML (parse, check)"
        case .render: return "render (fill template)"
        case .validate: return "validate (DTD)"
        case .serialize: return "serialize"
        case .hash: return "sha256"
        case .write: return "write (atomic)"
        }
    }
}

/// CPU nanoseconds spent per stage, summed over every worker.
public struct StageTimings: Sendable {
    public var nanoseconds: [UInt64] = Array(repeating: 0, count: PipelineStage.allCases.count)

    /// Creates empty timings.
    public init() {}

    /// Time spent in one stage.
    public subscript(stage: PipelineStage) -> UInt64 {
        get { nanoseconds[stage.rawValue] }
        set { nanoseconds[stage.rawValue] = newValue }
    }

    mutating func add(_ other: StageTimings) {
        for i in nanoseconds.indices { nanoseconds[i] += other.nanoseconds[i] }
    }

    /// A monotonic wall-clock reading in nanoseconds.
    static func now() -> UInt64 { read(CLOCK_MONOTONIC) }

    /// The calling thread's CPU time in nanoseconds: stages are charged what they cost, not
    /// the time the thread waited for a core on a busy machine.
    static func threadCPU() -> UInt64 { read(CLOCK_THREAD_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

/// A worker's clock: does nothing unless timings were asked for.
struct StageClock: PipelineObserver {
    let enabled: Bool
    var timings = StageTimings()
    private var last: UInt64 = 0

    init(enabled: Bool) { self.enabled = enabled }

    /// Starts timing the next stage.
    @inline(__always)
    mutating func start() {
        if enabled { last = StageTimings.threadCPU() }
    }

    /// Charges the time since the last reading to `stage`, and starts the next one.
    @inline(__always)
    mutating func lap(_ stage: PipelineStage) {
        guard enabled else { return }
        let t = StageTimings.threadCPU()
        timings[stage] += t &- last
        last = t
    }
}

/// User plus system CPU seconds the process has used so far, every thread included.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The process's peak resident memory so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
    #endif
}
