// Stopping a batch cleanly on SIGINT or SIGTERM: the signal only sets a flag; workers finish the
// document they are writing, take no more, and the run writes the manifest of what was done.
import Foundation

// Set by the signal handler, read by workers. A plain word: the handler may do nothing more.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// Sets `receivedSignal` on the first signal; ends the process on the second.
private func catchSignal(_ number: Int32) {
    signal(number) { sig in
        if receivedSignal != 0 { _exit(128 + sig) }
        receivedSignal = sig
    }
}

/// Whether the run has been asked to stop, and by which signal.
public final class Interruption: @unchecked Sendable {
    private let requested = Locked<Int32>(0)

    /// A flag that nothing has set yet.
    public init() {}

    /// Routes SIGINT and SIGTERM to this process's interruption flag. A second signal ends the
    /// process at once (its temporary files are removed by the next run).
    public static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM] { catchSignal(sig) }
        // A process started from a thread that blocks signals (a libdispatch worker, say)
        // inherits the mask; unblock them here, before any worker thread copies the mask.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Asks the run to stop as if `signal` had arrived.
    public func request(_ signal: Int32) {
        requested.withLock { if $0 == 0 { $0 = signal } }
    }

    /// The signal that asked the run to stop, if any.
    public var signal: Int32? {
        let requested = requested.current
        if requested != 0 { return requested }
        let caught = receivedSignal
        return caught != 0 ? caught : nil
    }

    /// Whether the run should stop.
    public var isRequested: Bool { signal != nil }

    /// `SIGINT`, `SIGTERM`, or `signal N`.
    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
