// Reads participant files (YAML) into validated partnerships, one per document of the stream.
import Foundation
import Yams

/// The result of reading one document of a participant file: a partnership, or everything wrong with it.
public typealias LoadOutcome = Result<Partnership, DiagnosticList>

/// Reads YAML participant files into typed, validated partnerships with located diagnostics.
public struct ParticipantLoader: Sendable {
    /// Bounds that keep hostile or broken input from using unbounded time or memory.
    public struct Limits: Sendable, Hashable {
        /// Largest file read, in bytes.
        public var maxFileBytes: Int
        /// Most values (keys, scalars, lists, mappings) in one document, aliases counted as expanded.
        public var maxNodes: Int
        /// Most values in the whole file, all documents together, aliases counted as expanded.
        public var maxFileNodes: Int
        /// Deepest nesting of lists and mappings, the document's own mapping being level 1 (at most 1,000).
        public var maxDepth: Int
        /// Most entries in one list.
        public var maxListLength: Int
        /// Longest text value, in characters.
        public var maxValueLength: Int

        /// Creates limits; the defaults are far above any real participant file.
        public init(maxFileBytes: Int = 4 * 1024 * 1024, maxNodes: Int = 100_000,
                    maxFileNodes: Int = 1_000_000, maxDepth: Int = 32,
                    maxListLength: Int = 10_000, maxValueLength: Int = 100_000) {
            self.maxFileBytes = maxFileBytes
            self.maxNodes = maxNodes
            self.maxFileNodes = maxFileNodes
            self.maxDepth = maxDepth
            self.maxListLength = maxListLength
            self.maxValueLength = maxValueLength
        }
    }

    /// The bounds applied to every file.
    public var limits: Limits
    /// Whether an unknown key is an error rather than a warning.
    public var strict: Bool

    /// Creates a loader.
    public init(limits: Limits = .init(), strict: Bool = false) {
        self.limits = limits
        self.strict = strict
    }

    /// Reads the file at `path`: one outcome per YAML document, or a single failure for the file.
    public func load(contentsOf path: String) -> [LoadOutcome] {
        switch readFile(path) {
        case .success(let data): return load(data: data, file: path)
        case .failure(let problem): return [.failure(problem)]
        }
    }

    /// Reads participant data already in memory; `file` names it in diagnostics.
    public func load(data: Data, file: String) -> [LoadOutcome] {
        guard data.count <= limits.maxFileBytes else { return [.failure(fileProblem(file, tooLarge(data.count)))] }
        let text: String
        switch SourceDecoder.decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let problems): return [.failure(problems)]
        }
        let source = SourceText(text)
        // Screen the event stream before Yams composes it: Yams hashes every mapping key in full,
        // so an alias-laden key could take minutes even though composing shares aliased nodes.
        let screen = StreamScreen.run(text, file: file, source: source)
        if !screen.problems.isEmpty { return [.failure(DiagnosticList(screen.problems))] }

        var outcomes: [LoadOutcome] = []
        var budget = limits.maxFileNodes
        do {
            // Pass the encoding: the default reads an environment variable and prints to stdout.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            var index = 0
            while let root = try parser.nextRoot() {
                defer { index += 1 }
                if root.isNull { continue }
                let start = screen.documentStarts.indices.contains(index)
                    ? screen.documentStarts[index] : root.mark.map { ($0.line, $0.column) } ?? (1, 1)
                let location = SourceLocation(file: file, line: start.0, column: start.1)
                outcomes.append(validate(root, index: index, at: location, source: source, budget: &budget))
            }
        } catch {
            return [.failure(DiagnosticList([YAMLErrorConverter.diagnostic(for: error, file: file,
                                                                           source: source, limits: limits)]))]
        }
        if outcomes.isEmpty {
            return [.failure(DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "no partnership in file: it is empty or holds only comments")]))]
        }
        return outcomes
    }

    /// Checks one composed document against the limits and the format.
    private func validate(_ root: Node, index: Int, at location: SourceLocation, source: SourceText,
                          budget: inout Int) -> LoadOutcome {
        var measure = TreeMeasure(limits: limits, file: location.file, source: source)
        if let problem = measure.check(root) { return .failure(DiagnosticList([problem])) }
        guard measure.count <= budget else {
            let problem = Diagnostic(at: location,
                                     "too many values in the file: more than \(groupedDigits(limits.maxFileNodes)) "
                                     + "in all documents together, aliases counted as expanded",
                                     sourceLine: source.excerpt(location.line, column: location.column))
            return .failure(DiagnosticList([problem]))
        }
        budget -= measure.count

        var validator = TreeValidator(file: location.file, source: source, limits: limits, strict: strict)
        let value = validator.document(root)
        let diagnostics = validator.diagnostics
        guard let value, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(DiagnosticList(diagnostics))
        }
        return .success(Partnership(data: value, file: location.file, index: index, location: location,
                                    warnings: diagnostics))
    }

    /// Reads at most one byte past the limit, so a huge file or a device never fills memory.
    private func readFile(_ path: String) -> Result<Data, DiagnosticList> {
        // Opened without blocking and checked to be a regular file first: a named pipe or a
        // device among the inputs is refused, never waited on.
        var size = 0
        switch RegularFile.read(path, limit: limits.maxFileBytes, size: &size) {
        case .success(let data):
            if data.count > limits.maxFileBytes { return .failure(fileProblem(path, tooLarge(max(size, data.count)))) }
            return .success(data)
        case .failure(let failure):
            return .failure(fileProblem(path, "cannot read file: \(failure.reason)"))
        }
    }

    private func tooLarge(_ size: Int) -> String {
        "file is too large: \(groupedDigits(size)) bytes; the limit is \(groupedDigits(limits.maxFileBytes)) bytes"
    }

    /// A problem with the file as a whole, so without line and column.
    private func fileProblem(_ file: String, _ message: String) -> DiagnosticList {
        DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: 0, column: 0), message)])
    }
}



/// `4,194,304`: digits grouped by thousands, the same in every locale.
func groupedDigits(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return n < 0 ? "-" + out : out
}
