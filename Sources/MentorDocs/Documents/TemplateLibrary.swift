// The folder of templates: finds a program's form (else the shared one), resolves includes the
// same way, and keeps every parsed file and compiled template for reuse across threads.
import Foundation

/// The templates folder: `<program>/<document>.xhtml`, falling back to `shared/`.
public final class TemplateLibrary: @unchecked Sendable {
    /// The folder holding `shared/` and one folder per program.
    public let directory: String
    private let lock = NSLock()
    private var parsed: [String: Result<(XMLTree.Element, SourceText), DiagnosticList>] = [:]
    private var compiled: [String: Result<Template, DiagnosticList>] = [:]
    private var sources: [String: [String]] = [:]

    /// A library reading templates from `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Finds the templates folder: `--templates`, then `MENTORDOCS_TEMPLATES`, then `./Templates`,
    /// then `Templates` beside the running binary (or in `../share/mentordocs/`).
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var candidates: [String] = []
        if let explicit { return explicit }
        if let env = environment["MENTORDOCS_TEMPLATES"], !env.isEmpty { return env }
        candidates.append(FileManager.default.currentDirectoryPath + "/Templates")
        let binary = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binary.appendingPathComponent("Templates").path)
        candidates.append(binary.appendingPathComponent("../share/mentordocs/Templates").standardizedFileURL.path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/shared") }
    }

    /// The file a program uses for a template name, or nil when neither folder has it.
    public func file(program: Program, name: String) -> String? {
        for folder in [program.rawValue, "shared"] {
            let path = "\(directory)/\(folder)/\(name).xhtml"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Whether the program has its own form for the document (rather than the shared one).
    public func hasOwnForm(program: Program, document: DocumentKind) -> Bool {
        FileManager.default.fileExists(atPath: "\(directory)/\(program.rawValue)/\(document.rawValue).xhtml")
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

    /// A template file parsed once: its tree and its text.
    func parse(_ path: String) throws(DiagnosticList) -> (XMLTree.Element, SourceText) {
        lock.lock()
        let cached = parsed[path]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<(XMLTree.Element, SourceText), DiagnosticList>
        if let data = FileManager.default.contents(atPath: path) {
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
        } else {
            result = .failure(DiagnosticList([Diagnostic(at: SourceLocation(file: path, line: 0, column: 0), "cannot read template")]))
        }
        lock.lock()
        parsed[path] = result
        lock.unlock()
        return try result.get()
    }
}

/// Resolves `md:include="file#block"` for one program: its folder first, then `shared/`.
struct ProgramIncludes: IncludeResolver {
    let library: TemplateLibrary
    let program: Program
    /// The files included so far (for the form fingerprint).
    let used = UsedFiles()

    func block(file: String, block: String) throws -> (XMLTree.Element, SourceText) {
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

    var description: String {
        switch self {
        case let .missingFile(file, program):
            return "no template '\(file)' in \(program.rawValue)/ or shared/"
        case let .missingBlock(block, file, suggestion):
            return "no md:block '\(block)' in \(file)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
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
            return [Diagnostic(at: SourceLocation(file: directory, line: 0, column: 0), "\(error)")]
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
