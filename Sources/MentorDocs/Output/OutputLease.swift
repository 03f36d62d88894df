// Which temporaries are live. Every process writing below an output folder holds a lease there:
// the locked file `DIR/.mentordocs-run-<owner>`, and every temporary it writes below DIR carries
// `<owner>` in its name. A run sweeping leftovers removes a temporary only when no live process
// holds its owner's lease, so two runs (or a `render` beside a `batch`) never delete each
// other's files, and a killed run's lease, which the kernel has unlocked, says what to sweep.
import Foundation

/// This process's claim on the temporaries it writes below one output folder.
final class OutputLease: @unchecked Sendable {
    /// Lease files' name prefix, at the top of an output folder.
    static let lockPrefix = ".mentordocs-run-"

    /// The owner id temporaries below the folder carry.
    let owner: String
    private let key: String

    private struct Held {
        var owner: String
        var lock: FileLock
        var count: Int
    }

    /// The leases this process holds, by absolute folder path: one lock file per folder, shared
    /// by every lease on it (a second `flock` on it from this process would wait for the first).
    private static let held = Locked<[String: Held]>([:])

    /// Takes (or shares) this process's lease on `folder`, which must exist.
    init(folder: String) throws(OutputFolderError) {
        let key = OutputLease.absolute(folder)
        self.key = key
        let result: Result<String, OutputFolderError> = OutputLease.held.withLock { held in
            if var entry = held[key] {
                entry.count += 1
                held[key] = entry
                return .success(entry.owner)
            }
            for _ in 0..<10 {
                let owner = OutputLease.newOwner()
                switch FileLock.acquire(key + "/" + OutputLease.lockPrefix + owner) {
                case .success(let lock):
                    held[key] = Held(owner: owner, lock: lock, count: 1)
                    return .success(owner)
                case .failure(.held): continue // another process chose the same id: choose again
                case .failure(.system(let reason)):
                    return .failure(OutputFolderError(path: folder, reason: "cannot create a lock file in the output folder: \(reason)"))
                }
            }
            return .failure(OutputFolderError(path: folder, reason: "cannot create a lock file in the output folder"))
        }
        owner = try result.get()
    }

    private let ended = Locked(false)

    deinit { end() }

    /// Gives up this lease now rather than when the last reference goes (a worker thread's
    /// closure can outlive the run by a moment, and the process exit would then leave the lock
    /// file behind). Nothing may be written under it afterwards.
    func end() {
        guard ended.withLock({ done in defer { done = true }; return !done }) else { return }
        let key = key
        OutputLease.held.withLock { held in
            guard var entry = held[key] else { return }
            entry.count -= 1
            if entry.count == 0 {
                entry.lock.release()
                held[key] = nil
            } else {
                held[key] = entry
            }
        }
    }

    /// The owner id of a lease this process holds on `folder` or a folder above it.
    static func owner(covering folder: String) -> String? {
        let path = absolute(folder)
        return held.withLock { held in
            for (root, entry) in held where path == root || path.hasPrefix(root == "/" ? "/" : root + "/") { return entry.owner }
            return nil
        }
    }

    /// A fresh owner id: 16 hex digits (no `-`, so a temporary's name splits unambiguously).
    static func newOwner() -> String {
        let hex = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `path` made absolute and clean (no `.`, `..` or doubled `/`). Asked for every document
    /// written, so a path that is already clean is taken as it is.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let parts = full.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return full }
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }
}
