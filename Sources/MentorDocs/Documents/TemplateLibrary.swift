// The folder of templates: finds a program's form (else the shared one), resolves includes the
// same way, and keeps every parsed file and compiled template for reuse across threads.
import Foundation

/// The templates folder: `<program>/<document>.xhtml`, falling back to `shared/`; with a
/// fallback folder (the built-in set), each file missing from `directory` is taken from there.
public final class TemplateLibrary: @unchecked Sendable {
    /// The folder holding `shared/` and one folder per program.
    public let directory: String
    /// The folders searched for each file, in order: `directory`, then the fallback.
    public let directories: [String]
    private let lock = NSLock()
    private var parsed: [String: ParsedFile] = [:]
    private var compiled: [String: Result<Template, DiagnosticList>] = [:]
    private var sources: [String: [String]] = [:]
    private var contents: [String: Data] = [:]
    private var roots: [String: String] = [:]

    /// A library reading templates from `directory`, and each file it lacks from `fallback`.
    public init(directory: String, fallback: String? = nil) {
        self.directory = directory
        self.directories = [directory] + (fallback.map { [$0] } ?? []).filter { $0 != directory }
    }

    /// The library the command line uses: the built-in templates, overridden file by file by
    /// `--templates DIR`, else by `MENTORDOCS_TEMPLATES` (from `environment`, else the process's own).
    public static func standard(explicit: String?, environment: [String: String]? = nil,
                                builtIn: String? = BuiltInResources.templates) throws(UsageError) -> TemplateLibrary {
        // One variable read, not the whole environment copied into a dictionary.
        let variable = environment.map { $0["MENTORDOCS_TEMPLATES"] } ?? getenv("MENTORDOCS_TEMPLATES").map { String(cString: $0) }
        let override = explicit ?? variable.flatMap { $0.isEmpty ? nil : $0 }
        if let override {
            var info = stat()
            let exists = stat(override, &info) == 0
            guard exists, (info.st_mode & S_IFMT) == S_IFDIR else {
                let source = explicit != nil ? "--templates" : "MENTORDOCS_TEMPLATES"
                let what = exists ? "is \(RegularFile.kindName(info.st_mode) ?? "a file"), not a templates folder" : "no such templates folder"
                throw UsageError.invalid("\(override): \(what) (given by \(source))")
            }
        }
        guard let base = builtIn ?? override else {
            throw UsageError.invalid("the built-in templates are missing beside the mentordocs binary; reinstall it, or pass --templates DIR")
        }
        return TemplateLibrary(directory: override ?? base, fallback: base)
    }

    /// The file a program uses for a template name, or nil when no folder has it: the program's
    /// own file from any folder wins over a shared one, so overriding one file changes only it.
    public func file(program: Program, name: String) -> String? {
        for folder in [program.rawValue, "shared"] {
            for directory in directories {
                let path = "\(directory)/\(folder)/\(name).xhtml"
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Whether the program has its own form for the document (rather than the shared one).
    public func hasOwnForm(program: Program, document: DocumentKind) -> Bool {
        directories.contains { FileManager.default.fileExists(atPath: "\($0)/\(program.rawValue)/\(document.rawValue).xhtml") }
    }

    /// Compiles those of `documents`' templates not compiled yet, several at once: a short run
    /// (one partnership's documents) waits for the slowest one, not for their sum. Once they are
    /// compiled this is a lookup.
    func prepare(program: Program, documents: [DocumentKind]) {
        lock.lock()
        let missing = documents.filter { compiled["\(program.rawValue)/\($0.rawValue)"] == nil }
        lock.unlock()
        guard missing.count > 1 else { return }
        DispatchQueue.concurrentPerform(iterations: missing.count) { i in
            _ = try? template(program: program, document: missing[i])
        }
    }

    /// The compiled template for a program's document, loaded once.
    public func template(program: Program, document: DocumentKind) throws(DiagnosticList) -> Template {
        let key = "\(program.rawValue)/\(document.rawValue)"
        lock.lock()
        let cached = compiled[key]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<Template, DiagnosticList>
        if let path = file(program: program, name: document.rawValue) {
            do throws(DiagnosticList) {
                let (root, text) = try parse(path)
                let includes = ProgramIncludes(library: self, program: program)
                result = .success(try Template.compile(root, source: text, resolver: includes))
                lock.lock()
                sources[key] = [path] + includes.used.paths
                lock.unlock()
            } catch {
                result = .failure(error)
            }
        } else {
            result = .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: directory, line: 0, column: 0),
                "no template for \(document.rawValue): neither \(program.rawValue)/\(document.rawValue).xhtml nor shared/\(document.rawValue).xhtml exists")]))
        }
        lock.lock()
        compiled[key] = result
        lock.unlock()
        return try result.get()
    }

    /// The files a loaded template was made of: the form and every file it includes.
    public func sourceFiles(program: Program, document: DocumentKind) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        return sources["\(program.rawValue)/\(document.rawValue)"]
    }

    /// The bytes of a template file as they were read for its parse (nil when it was not read):
    /// what the form fingerprint hashes, so it names the files that made the documents even
    /// when one is edited while a run goes on.
    func contents(ofRead path: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return contents[path]
    }

    /// A template file parsed once: its tree and its text. Templates compiled at once that
    /// include the same file wait for one parse of it.
    func parse(_ path: String) throws(DiagnosticList) -> (XMLTree.Element, SourceText) {
        lock.lock()
        let file: ParsedFile
        if let known = parsed[path] { file = known } else { file = ParsedFile(); parsed[path] = file }
        lock.unlock()
        return try file.result { read(path) }.get()
    }

    /// Reads and parses a template file.
    private func read(_ path: String) -> Result<(XMLTree.Element, SourceText), DiagnosticList> {
        let result: Result<(XMLTree.Element, SourceText), DiagnosticList>
        let read = escapesItsFolder(path)
            ? .failure(RegularFile.Failure(reason: "is a symbolic link to a file outside the templates folder; templates read nothing from outside it"))
            : RegularFile.read(path, limit: TemplateLibrary.fileLimit)
        switch read {
        case .failure(let failure):
            result = .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot read template: \(failure.reason)")]))
        case .success(let data) where data.count > TemplateLibrary.fileLimit:
            result = .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "template is larger than 4 MiB; a form's template is a few kilobytes")]))
        case .success(let data):
            lock.lock()
            contents[path] = data
            lock.unlock()
            if let text = String(data: data, encoding: .utf8) {
                do {
                    let root = try TemplateParser.parse(text, file: path, allowedNamespaces: [Template.namespace])
                    result = .success((root, SourceText(text)))
                } catch {
                    result = .failure(error)
                }
            } else {
                result = .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "template is not UTF-8 text")]))
            }
        }
        return result
    }
}

extension TemplateLibrary {
    /// The largest template file read: far above any form, far below what would exhaust memory.
    static let fileLimit = 4 << 20

    /// Whether `path`, symbolic links resolved, lies outside the templates folder it was found in.
    func escapesItsFolder(_ path: String) -> Bool {
        guard let folder = directories.first(where: { path.hasPrefix($0 + "/") }) else { return true }
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return !real.hasPrefix(resolvedRoot(folder) + "/")
    }

    /// `folder` with its symbolic links resolved, worked out once for all the files read from it.
    private func resolvedRoot(_ folder: String) -> String {
        lock.lock()
        let known = roots[folder]
        lock.unlock()
        if let known { return known }
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        lock.lock()
        roots[folder] = root
        lock.unlock()
        return root
    }
}

/// Resolves `md:include="file#block"` for one program: its folder first, then `shared/`.
struct ProgramIncludes: IncludeResolver {
    let library: TemplateLibrary
    let program: Program
    /// The files included so far (for the form fingerprint).
    let used = UsedFiles()

    func block(file: String, block: String) throws -> (XMLTree.Element, SourceText) {
        // A name, never a path: nothing outside the templates folder is read (the compiler says so first).
        guard TemplateSafety.isIncludeName(file) else { throw IncludeError.notAName(file) }
        guard let path = library.file(program: program, name: file) else {
            throw IncludeError.missingFile(file, program: program)
        }
        let (root, text) = try library.parse(path)
        used.add(path)
        var names: [String] = []
        if let found = Self.find(block, in: root, names: &names) { return (found, text) }
        throw IncludeError.missingBlock(block, file: path, suggestion: Suggestions.nearest(to: block, in: names))
    }

    static func find(_ name: String, in element: XMLTree.Element, names: inout [String]) -> XMLTree.Element? {
        if let value = element.directive("block") {
            if value == name { return element }
            names.append(value)
        }
        for case .element(let child) in element.children {
            if let found = find(name, in: child, names: &names) { return found }
        }
        return nil
    }
}

/// Paths an include resolver has read; one compile at a time.
final class UsedFiles: @unchecked Sendable {
    private(set) var paths: [String] = []
    func add(_ path: String) { if !paths.contains(path) { paths.append(path) } }
}

/// An include that names something that does not exist.
enum IncludeError: Error, CustomStringConvertible {
    case missingFile(String, program: Program)
    case missingBlock(String, file: String, suggestion: String?)
    case notAName(String)

    var description: String {
        switch self {
        case let .missingFile(file, program):
            return "no template '\(file)' in \(program.rawValue)/ or shared/"
        case let .missingBlock(block, file, suggestion):
            return "no md:block '\(block)' in \(file)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case let .notAName(file):
            return "'\(file)' is not the name of a template in the templates folder"
        }
    }
}

extension TemplateLibrary {
    /// Loads every program's every document and renders each blank, collecting every problem
    /// once (a shared template's mistake is reported once, not once per program).
    public func checkAll() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        var out: [Diagnostic] = []
        let renderer: Renderer
        do { renderer = try Renderer(library: self) } catch {
            return [Diagnostic(at: SourceLocation(file: directory, line: 0, column: 0), (error as? LocatedError)?.message ?? "\(error)")]
        }
        for program in Program.allCases {
            for document in DocumentKind.allCases {
                do {
                    _ = try renderer.render(nil, program: program, document: document, options: RenderOptions())
                } catch {
                    for d in error.diagnostics where seen.insert(d).inserted { out.append(d) }
                }
            }
        }
        return out
    }
}
