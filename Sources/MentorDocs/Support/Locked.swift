// One lock abstraction for state that threads share: a value reachable only while its lock is
// held, so no caller can forget to unlock or touch the value outside the lock.
import Foundation

/// A value guarded by a mutex, with waiting for a condition on it.
final class Locked<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the lock held; wakes every waiter afterwards, since `body` may have changed the value.
    @discardableResult
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Waits until `ready` holds, then runs `body` with the lock still held.
    @discardableResult
    func withLock<Result>(waitingUntil ready: (Value) -> Bool, _ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while !ready(value) { condition.wait() }
        return try body(&value)
    }

    /// Waits until `ready` holds or `deadline` passes; true when it holds.
    func wait(until deadline: Date, for ready: (Value) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !ready(value) {
            if !condition.wait(until: deadline) { return ready(value) }
        }
        return true
    }

    /// A copy of the value.
    var current: Value { withLock { $0 } }
}
