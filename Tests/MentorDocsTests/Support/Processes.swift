// Helpers every end-to-end and seeded test shares: the binary under test, running it, a fresh
// temporary folder, and one seeded generator.
import Foundation
import Testing
@testable import MentorDocs

extension Repo {
    /// The `mentordocs` binary built beside this test bundle (whatever the scratch path), else
    /// the default `.build/debug/mentordocs`.
    static let binary: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
            .appendingPathComponent("mentordocs").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("mentordocs").path
        if FileManager.default.isExecutableFile(atPath: bundle) { return bundle }
        return Repo.root + "/.build/debug/mentordocs"
    }()

}

/// Runs the `mentordocs` binary that `swift test` built, in `folder` (the repository by default),
/// with the test's environment less `MENTORDOCS_TEMPLATES`, plus `environment`.
func runCLI(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil,
            in folder: String = Repo.root) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = URL(fileURLWithPath: executable ?? Repo.binary)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "MENTORDOCS_TEMPLATES" }
        .merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// A new, empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "mentordocs-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A small deterministic generator (SplitMix64), so a failure replays from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(state: UInt64) { self.state = state }
    init(seed: UInt64) { self.state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number from 0 to n - 1.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
