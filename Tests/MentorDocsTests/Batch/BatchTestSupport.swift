// Helpers for the batch tests: the built binary, cohorts made from the examples, manifests.
import Foundation
import Testing
@testable import MentorDocs

enum BatchFixtures {
    /// The `mentordocs` binary under test.
    static var binary: String { Repo.binary }

    /// Starts `batch INPUT --out OUT` (plus `arguments`) in the background and returns once it
    /// has written `documents` HTML files, or has ended, or a minute has passed.
    static func startBatch(_ input: String, out: String, documents: Int, arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["batch", input, "--out", out, "--no-progress"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if files(out).filter({ $0.hasSuffix(".html") }).count >= documents { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return process
    }

    /// The ASET example with another id (and, optionally, other names).
    static func aset(id: String) throws -> String {
        let text = try String(contentsOfFile: Repo.examples + "/aset.yaml", encoding: .utf8)
        return text.replacingOccurrences(of: "id: 2026-aset-007", with: "id: \(id)")
    }

    /// Writes `files` (relative path to text) below a new temporary folder.
    static func folder(_ files: [String: String]) throws -> String {
        let root = try temporaryFolder()
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        return root
    }

    /// `count` partnerships from the ASET example, one file each, in folders of 100.
    static func cohort(_ count: Int) throws -> String {
        let root = try temporaryFolder()
        let text = try String(contentsOfFile: Repo.examples + "/aset.yaml", encoding: .utf8)
        for n in 1...count {
            let folder = root + "/group-\(n / 100)"
            if n == 1 || n % 100 == 0 { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try text.replacingOccurrences(of: "id: 2026-aset-007", with: "id: pair-\(n)")
                .write(toFile: folder + "/pair-\(n).yaml", atomically: false, encoding: .utf8)
        }
        return root
    }

    static func manifest(_ folder: String, name: String = "manifest.json") throws -> Manifest {
        try Manifest.read(folder + "/" + name)
    }

    /// Every file below `folder`, relative paths, sorted.
    static func files(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    static func modificationDate(_ path: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }
}

/// Runs the batch binary.
func runBatch(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try runCLI(arguments, executable: BatchFixtures.binary)
}

extension String {
    /// The last non-empty line.
    var lastLine: String { split(separator: "\n").last.map(String.init) ?? "" }
}
