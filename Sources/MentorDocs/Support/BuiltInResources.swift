// Finds the files that ship with mentordocs (the built-in templates and the XHTML 1.0 Strict DTD)
// from the running binary's own path, so an installed or copied binary works from any folder.
import Foundation
import MentorDocsTemplates

/// Where the built-in templates and the DTD are, beside the binary or in `../share/mentordocs/`.
public enum BuiltInResources {
    /// The installed layout under PREFIX: `bin/mentordocs` and `share/mentordocs/{Templates,DTD}`.
    static let installedFolder = "share/mentordocs"

    /// The built-in templates folder (holding `shared/` and one folder per program), if present.
    public static let templates: String? = locate(bundle: "mentordocs_MentorDocsTemplates", inside: "", installed: "Templates",
                                                  marker: "shared/agreement.xhtml", module: appleBundle(BuiltInTemplates.bundle))

    /// The folder holding `xhtml1-strict.dtd` and its three entity sets, if present.
    public static let dtd: String? = locate(bundle: "mentordocs_MentorDocs", inside: "DTD", installed: "DTD",
                                            marker: "xhtml1-strict.dtd", module: appleBundle(Bundle.module))

    /// The folder the running executable is in, symbolic links resolved. On Linux from
    /// `/proc/self/exe`: `Bundle.main` lists the executable's whole folder first, which costs a
    /// cold start more than rendering a document does.
    static var executableFolder: URL? {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 4097)
        let count = buffer.withUnsafeMutableBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, 4096) }
        }
        if count > 0 {
            return URL(fileURLWithPath: String(decoding: buffer[..<count], as: UTF8.self)).deletingLastPathComponent()
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// SwiftPM's bundle beside the binary (`.build/release`), then the installed folder, then
    /// (on Apple systems, where test bundles live elsewhere) SwiftPM's own accessor. Each URL is
    /// made only when the ones before it are missing: building them all cost a cold start 1%.
    static func locate(bundle: String, inside: String, installed: String, marker: String, module: () -> URL?) -> String? {
        var candidates: [() -> URL] = []
        if let folder = executableFolder {
            for suffix in [".resources", ".bundle", ".bundle/Contents/Resources"] {
                candidates.append { folder.appendingPathComponent(bundle + suffix).appendingPathComponent(inside) }
            }
            candidates.append { folder.appendingPathComponent("../\(installedFolder)/\(installed)") }
        }
        if let url = module() { candidates.append { url.appendingPathComponent(inside) } }
        return candidates.lazy.map { $0().standardizedFileURL.path }
            .first { FileManager.default.fileExists(atPath: $0 + "/" + marker) }
    }

    /// SwiftPM's generated accessor, used only on Apple systems: on Linux it stops the process
    /// when the bundle is missing instead of returning nil.
    static func appleBundle(_ bundle: @autoclosure @escaping () -> Bundle) -> () -> URL? {
        #if canImport(Darwin)
        return { bundle().resourceURL }
        #else
        return { nil }
        #endif
    }
}
