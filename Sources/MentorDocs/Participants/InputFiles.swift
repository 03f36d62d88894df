// Expands the inputs a user names (files and folders) into the participant files to read.
import Foundation

/// Participant files named on a command line.
public enum InputFiles {
    /// File extensions read from folders.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Files as given, and the `.yaml`/`.yml`/`.json` files below each folder, sorted by path
    /// so every run (and every machine) sees the same order. Hidden files and folders are skipped.
    public static func collect(_ inputs: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = [], missing: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                missing.append(input)
                continue
            }
            guard isDirectory.boolValue else { files.append(input); continue }
            var found: [String] = []
            let base = input.hasSuffix("/") ? String(input.dropLast()) : input
            if let walker = FileManager.default.enumerator(atPath: base) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    if extensions.contains((name as NSString).pathExtension.lowercased()) {
                        found.append(base + "/" + relative)
                    }
                }
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}
