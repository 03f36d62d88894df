// Reads participant files (YAML) into validated partnerships, one per document of the stream:
// libyaml's events, collected one document at a time, read straight into located values.
import Foundation

/// The result of reading one document of a participant file: a partnership, or everything wrong with it.
public typealias LoadOutcome = Result<Partnership, DiagnosticList>

/// Reads YAML participant files into typed, validated partnerships with located diagnostics.
public struct ParticipantLoader: Sendable {
    /// Bounds that keep hostile or broken input from using unbounded time or memory.
    public struct Limits: Sendable, Hashable {
        /// Largest file read, in bytes.
        public var maxFileBytes: Int
        /// Most values (keys, scalars, lists, mappings) aliases add to one document, each alias
        /// counted as a copy of what it names; what the file itself holds is bounded by its size.
        public var maxNodes: Int
        /// Most values aliases add to the whole file, all documents together.
        public var maxFileNodes: Int
        /// Most text (UTF-8 bytes) aliases add to one document: a few values can stand for long
        /// texts, so values alone do not bound what aliases make.
        public var maxAliasText: Int
        /// Most text (UTF-8 bytes) aliases add to the whole file, all documents together.
        public var maxFileAliasText: Int
        /// Deepest nesting of lists and mappings, the document's own mapping being level 1 (at most 1,000).
        public var maxDepth: Int
        /// Most entries in one list.
        public var maxListLength: Int
        /// Longest text value, in characters.
        public var maxValueLength: Int
        /// Most problems listed for one partnership; the rest are counted in one last line.
        public var maxListedProblems: Int

        /// Creates limits; the defaults are far above any real participant file.
        public init(maxFileBytes: Int = 4 * 1024 * 1024, maxNodes: Int = 100_000,
                    maxFileNodes: Int = 1_000_000, maxAliasText: Int = 4 * 1024 * 1024,
                    maxFileAliasText: Int = 16 * 1024 * 1024, maxDepth: Int = 32,
                    maxListLength: Int = 10_000, maxValueLength: Int = 100_000, maxListedProblems: Int = 100) {
            self.maxFileBytes = maxFileBytes
            self.maxNodes = maxNodes
            self.maxFileNodes = maxFileNodes
            self.maxAliasText = maxAliasText
            self.maxFileAliasText = maxFileAliasText
            self.maxDepth = maxDepth
            self.maxListLength = maxListLength
            self.maxValueLength = maxValueLength
            self.maxListedProblems = maxListedProblems
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
        case .success where ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased()):
            // A roster named where a participant file is read: its first line would be reported
            // as a partnership that is not a mapping.
            return [.failure(fileProblem(path, "is a roster (a spreadsheet saved as CSV), not a participant file: "
                + "check it with 'mentordocs check --roster \(path)', render it with 'mentordocs batch --roster \(path)'"))]
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
        func problem(_ line: Int, _ column: Int, _ message: String) -> [LoadOutcome] {
            [.failure(DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: line, column: column), message,
                                                 sourceLine: source.excerpt(line, column: column))]))]
        }

        let pairs = SurrogatePairs.rewrite(text)
        var collector = YAMLDocumentCollector(YAMLEventReader(pairs?.text ?? text, pairs: pairs),
                                              maxDepth: min(max(limits.maxDepth, 1), 1_000))
        var outcomes: [LoadOutcome] = []
        var aliasBudget = AliasBudget(values: limits.maxFileNodes, text: limits.maxFileAliasText)
        var index = 0
        do {
            reading: while true {
                switch try collector.next() {
                case .end:
                    break reading
                case .problem(let line, let column, let message):
                    return problem(line, column, message)
                case .document(let document):
                    defer { index += 1 }
                    if document.events.isEmpty || document.isNull { continue }
                    var validator = EventValidator(document, file: file, source: source, limits: limits,
                                                   strict: strict, fileAliasBudget: aliasBudget)
                    let value = validator.read()
                    if let fileProblem = validator.fileProblem { return [.failure(DiagnosticList([fileProblem]))] }
                    aliasBudget = validator.fileAliasBudget
                    let location = SourceLocation(file: file, line: document.line, column: document.column)
                    outcomes.append(outcome(value, validator, index: index, at: location, source: source))
                }
            }
        } catch {
            return [.failure(DiagnosticList([YAMLErrorConverter.diagnostic(for: error, file: file, text: text,
                                                                           source: source)]))]
        }
        if outcomes.isEmpty {
            return [.failure(DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                                        "no partnership in file: it is empty or holds only comments")]))]
        }
        return outcomes
    }

    /// One document's outcome: its partnership, or its problems (a passed limit alone).
    private func outcome(_ value: Value?, _ validator: EventValidator, index: Int, at location: SourceLocation,
                         source: SourceText) -> LoadOutcome {
        if let limit = validator.limitProblem { return .failure(DiagnosticList([limit])) }
        var diagnostics = validator.diagnostics
        if let value, let overflow = MeetingHours.overflow(in: value, file: location.file, source: source) {
            diagnostics.append(overflow)
        }
        diagnostics = DiagnosticList.listed(diagnostics, limit: limits.maxListedProblems)
        guard let value, !diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(DiagnosticList(diagnostics))
        }
        var partnership = Partnership(data: value, file: location.file, index: index, location: location, warnings: diagnostics)
        partnership.source = source
        return .success(partnership)
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
        case .failure(let failure) where failure.isFolder:
            // Not walked here: a folder named where a file is expected may be any folder at all.
            let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            return .failure(fileProblem(path, "is a folder: name its files (\(folder)/*.yaml), or give the folder to "
                + "'mentordocs batch \(folder)', which renders every participant file in it and below it"))
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
