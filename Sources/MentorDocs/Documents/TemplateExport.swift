// `templates export DIR`: the built-in templates copied into a folder to edit, all of them or
// none: a file that cannot be written (a full disk, a file-size limit) takes back the ones this
// export wrote, so a half-copied template never stands where `--templates DIR` would read it.
import Foundation

/// Copies the built-in templates into a folder.
public enum TemplateExport {
    /// Writes every built-in template under `folder` (created as needed) and returns how many;
    /// writes nothing when any of them already exists there, or when one cannot be written.
    public static func export(to folder: String, from source: String) throws(DiagnosticList) -> Int {
        let files = (FileManager.default.enumerator(atPath: source)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".xhtml") }.sorted()
        let existing = files.filter { path in var info = stat(); return lstat(folder + "/" + path, &info) == 0 }
        if !existing.isEmpty {
            throw DiagnosticList(existing.map { Diagnostic(at: SourceLocation(file: folder + "/" + $0, line: 0, column: 0),
                                                           "already exists; nothing was exported") })
        }
        var madeFolders: [String] = [], written: [String] = []
        func undo() {
            for path in written { unlink(path) }
            for made in madeFolders.reversed() { rmdir(made) }
        }
        for file in files {
            let target = folder + "/" + file
            do throws(DiagnosticList) {
                try makeFolders(PathText.folder(of: target), made: &madeFolders)
                guard let bytes = FileManager.default.contents(atPath: source + "/" + file) else {
                    throw DiagnosticList([Diagnostic(at: SourceLocation(file: source + "/" + file, line: 0, column: 0),
                                                     "cannot read the built-in template; reinstall mentordocs")])
                }
                do { _ = try AtomicWriter.write(Array(bytes), to: target) } catch {
                    throw DiagnosticList([Diagnostic(at: error.location, error.message + "; nothing was exported")])
                }
                written.append(target)
            } catch {
                undo()
                throw error
            }
        }
        return files.count
    }

    /// Creates `path` and the folders above it that are missing, recording each one made.
    private static func makeFolders(_ path: String, made: inout [String]) throws(DiagnosticList) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0),
                                                 "is not a folder; nothing was exported")])
            }
            return
        }
        let parent = PathText.folder(of: path)
        if !parent.isEmpty, parent != path { try makeFolders(parent, made: &made) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0),
                                             "cannot create the folder: \(String(cString: strerror(errno))); nothing was exported")])
        }
        made.append(path)
    }
}
