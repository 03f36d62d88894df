// The form fingerprint: SHA-256 of every template file that made a document (the form, the
// files it includes, the program's look), each named by its path inside the templates folder,
// as the library read them to compile it.
import Crypto
import Foundation

/// Form fingerprints of a template library, each computed once.
final class FormFingerprints: @unchecked Sendable {
    /// The first line of what is hashed; a new layout gets a new tag.
    static let tag = "mentordocs-form/1\n"
    private let library: TemplateLibrary
    private let lock = NSLock()
    private var cache: [String: String] = [:]

    /// Fingerprints of `library`'s forms.
    public init(library: TemplateLibrary) { self.library = library }

    /// Lowercase hex SHA-256 over the files of a program's document: for each, in path order,
    /// `path\nbyte count\n` and its bytes. Nil when the template does not load.
    public func of(program: Program, document: DocumentKind) -> String? {
        let key = "\(program.rawValue)/\(document.rawValue)"
        lock.lock()
        if let known = cache[key] { lock.unlock(); return known }
        lock.unlock()
        guard (try? library.template(program: program, document: document)) != nil,
              let files = library.sourceFiles(program: program, document: document) else { return nil }
        var hasher = SHA256()
        hasher.update(data: Array(Self.tag.utf8))
        let prefix = library.directory.hasSuffix("/") ? library.directory : library.directory + "/"
        for path in Set(files).sorted() {
            guard let bytes = library.contents(ofRead: path) else { return nil }
            let name = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            hasher.update(data: Array("\(name)\n\(bytes.count)\n".utf8))
            hasher.update(data: bytes)
        }
        let digest = DocumentPipeline.hex(hasher.finalize())
        lock.lock()
        cache[key] = digest
        lock.unlock()
        return digest
    }
}
