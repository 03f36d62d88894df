// One run at a time per manifest: a batch (or a merge) holds `DIR/.mentordocs-lock-<manifest>`
// while it runs, so a second run that would write the same manifest into the same folder is
// refused at once instead of interleaving its documents and its manifest with the first's.
// Shards write different manifests, so the shards of one cohort still run side by side.
import Foundation

/// The lock on one manifest of an output folder.
enum RunLock {
    /// The lock file's name for a manifest (`manifest.json`, `manifest.K-of-N.json`).
    static func fileName(for manifest: String) -> String { ".mentordocs-lock-" + manifest }

    /// Takes the lock on `manifest` in `folder`, or says which process holds it.
    static func take(folder: String, manifest: String) throws(OutputFolderError) -> FileLock {
        switch FileLock.acquire(folder + "/" + fileName(for: manifest)) {
        case .success(let lock): return lock
        case .failure(.held(let holder)):
            let who = holder.map { "another mentordocs run (process \($0))" } ?? "another mentordocs run"
            throw OutputFolderError(path: folder, reason: "\(who) is writing \(PrintedName.escaped(manifest)) in this output folder; "
                                    + "wait for it to finish, or give this run another --out")
        case .failure(.system(let reason)):
            throw OutputFolderError(path: folder, reason: "cannot create a lock file in the output folder: \(reason)")
        }
    }

    /// Whether a live run holds the lock on `manifest` in `folder`.
    static func isHeld(folder: String, manifest: String) -> Bool {
        FileLock.isHeld(folder + "/" + fileName(for: manifest))
    }
}
