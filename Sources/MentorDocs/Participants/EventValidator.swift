// Reads one document's events straight into located `Value`s, checked against a `Shape` as they
// come: every problem of the document is collected, not just the first. An alias is read by
// replaying the events it names, so it is checked against the shape of the place it is used.
//
// Limits: what the file holds is bounded by the file size; what aliases add is counted at each
// alias (its expanded values and text, known from the collecting pass) before it is replayed, so
// a "billion laughs" file, or one whose few aliases name long texts, stops at its first alias
// past a limit, and replaying is bounded too.

/// What aliases may still add: values, and text in UTF-8 bytes.
struct AliasBudget {
    var values: Int
    var text: Int
}

/// Validates one document's events against `ParticipantFormat.file`.
struct EventValidator {
    let document: YAMLDocumentEvents
    let file: String
    let source: SourceText
    let limits: ParticipantLoader.Limits
    let strict: Bool
    /// What aliases may still add in the whole file, all documents together.
    var fileAliasBudget: AliasBudget
    /// Every problem found, in source order once `read` returns.
    var diagnostics: [Diagnostic] { scalars.diagnostics }
    private var scalars: ScalarReader
    /// A limit passed: the document's only problem.
    private(set) var limitProblem: Diagnostic? { didSet { stopped = true } }
    /// A duplicate key: the whole file's only problem, as for a syntax error.
    private(set) var fileProblem: Diagnostic? { didSet { stopped = true } }

    private var aliasBudget: AliasBudget
    private var cursor = 0
    /// The key path of the node being read: pushed and popped as the walk goes down and up, and
    /// made a `ValuePath` (sharing its storage) only where one is needed.
    private var stack: [ValuePath.Component] = []
    private var path: ValuePath { ValuePath(components: stack) }
    /// More than zero while replaying an alias's events (their aliases were already counted).
    private var replaying = 0

    init(_ document: YAMLDocumentEvents, file: String, source: SourceText, limits: ParticipantLoader.Limits,
         strict: Bool, fileAliasBudget: AliasBudget) {
        self.document = document
        self.file = file
        self.source = source
        self.limits = limits
        self.strict = strict
        self.fileAliasBudget = fileAliasBudget
        aliasBudget = AliasBudget(values: limits.maxNodes, text: limits.maxAliasText)
        scalars = ScalarReader(file: file, source: source, limits: limits)
    }

    /// The deepest nesting walked; libyaml accepts any, and the walk recurses once per level.
    private var maxDepth: Int { min(max(limits.maxDepth, 1), 1_000) }
    /// Whether a limit or a duplicate key has ended the walk (asked before every node).
    private var stopped = false

    /// The document as a record value, or nil when it is not a mapping at all.
    mutating func read() -> Value? {
        // Merged (`<<`) entries are read after the mapping's own keys; report in file order.
        defer { scalars.sortDiagnostics() }
        let root = document.events[0]
        guard root.kind == .mappingStart else {
            report(root, path, "expected a partnership (a mapping of keys), found \(scalars.describe(root))")
            _ = value(nil, level: 0)
            return nil
        }
        return value(ParticipantFormat.file, level: 0) ?? Value(.record([:]), at: location(root))
    }

    // MARK: Nodes

    /// The node at the cursor as a value of `shape`, the cursor moved past it. Nil when it is
    /// null (absent) or wrong (reported); a nil shape walks the node for the limits only.
    private mutating func value(_ shape: Shape?, level: Int) -> Value? {
        guard !stopped else { return nil }
        let event = document.events[cursor]
        switch event.kind {
        case .alias:
            let target = document.links[cursor]
            if replaying == 0 {
                let added = document.expandedSizes[target] ?? 1, text = document.expandedText[target] ?? 0
                aliasBudget.values -= added
                fileAliasBudget.values -= added
                aliasBudget.text -= text
                fileAliasBudget.text -= text
                if let passed = aliasLimitPassed() { return stop(event, path, passed) }
            }
            let resume = cursor + 1, outermost = replaying == 0, reported = scalars.diagnostics.count
            cursor = target
            replaying += 1
            defer { replaying -= 1; cursor = resume }
            let read = value(shape, level: level)
            if outermost { noteReached(since: reported, through: "the alias *\(event.text) at line \(event.line), column \(event.column)") }
            return read
        case .scalar:
            cursor += 1
            return scalar(event, shape)
        case .sequenceStart, .mappingStart:
            if level + 1 > maxDepth { return stop(event, path, "nested more than \(maxDepth) levels deep") }
            cursor += 1
            return event.kind == .sequenceStart ? sequence(event, shape, level: level + 1)
                                                : mapping(event, shape, level: level + 1)
        default:
            cursor += 1
            return nil
        }
    }

    /// What an alias just counted went past, if anything: values before text, the partnership's
    /// limit before the file's.
    private func aliasLimitPassed() -> String? {
        let limits: [(left: Int, limit: Int, problem: String, what: String)] = [
            (aliasBudget.values, self.limits.maxNodes, "too many values", "values to one partnership"),
            (fileAliasBudget.values, self.limits.maxFileNodes, "too many values in the file", "values in all documents together"),
            (aliasBudget.text, self.limits.maxAliasText, "too much text", "bytes of text to one partnership"),
            (fileAliasBudget.text, self.limits.maxFileAliasText, "too much text in the file", "bytes of text in all documents together"),
        ]
        return limits.first { $0.left < 0 }.map { "\($0.problem): aliases add more than \(groupedDigits($0.limit)) \($0.what)" }
    }

    private mutating func sequence(_ start: YAMLEvent, _ shape: Shape?, level: Int) -> Value? {
        var item: Shape?
        switch shape {
        case .list(let s)?: item = s
        case nil: item = nil
        case let other?:
            _ = mismatch(start, other)
        }
        let checked = item != nil
        let mark = diagnostics.count
        var items: [Value] = []
        var count = 0
        while document.events[cursor].kind != .sequenceEnd {
            if stopped { return nil }
            stack.append(.index(count))
            let v = value(item, level: level)
            stack.removeLast()
            if let v { items.append(v) }
            count += 1
            if count > limits.maxListLength { item = nil } // past the limit: only walked
        }
        cursor += 1
        guard checked else { return nil }
        if count > limits.maxListLength {
            scalars.diagnostics.removeSubrange(mark...)
            report(start, path, "list has \(groupedDigits(count)) entries; the limit is " + groupedDigits(limits.maxListLength))
            return nil
        }
        return Value(.list(items), at: location(start))
    }

    private mutating func mapping(_ start: YAMLEvent, _ shape: Shape?, level: Int) -> Value? {
        var fields: [Field]?
        switch shape {
        case .record(let f)?: fields = f
        case nil: fields = nil
        case let other?:
            _ = mismatch(start, other)
        }
        // At most one entry per two events up to the mapping's end: room for all of them at once.
        let room = max(0, min((document.links[cursor - 1] - cursor) / 2, 64))
        var record: [String: Value] = [:]
        if let fields { record.reserveCapacity(min(room, fields.count)) }
        var seen: [String: Int] = [:] // each key's event
        seen.reserveCapacity(room)
        var merges: [(source: Int, key: YAMLEvent)] = []
        var next = 0 // where the search for the next key's field starts (keys mostly come in the format's order)
        var emptyBefore: Field? // the field of the entry just read, when it was left empty
        while document.events[cursor].kind != .mappingEnd {
            if stopped { return nil }
            let keyIndex = resolve(cursor)
            let key = document.events[keyIndex]
            cursor += 1
            if isMergeKey(key) {
                merges += mergeSources().map { ($0, key) }
                _ = value(nil, level: level)
                continue
            }
            if let firstIndex = seen.updateValue(keyIndex, forKey: key.text), replaying == 0 {
                let first = document.events[firstIndex]
                fileProblem = Diagnostic(at: location(key), "duplicate key '\(key.text)': it is already set at "
                                         + "line \(first.line), column \(first.column)",
                                         sourceLine: source.excerpt(key.line, column: key.column))
                return nil
            }
            let empty = ScalarReader.isNull(document.events[resolve(cursor)])
            entry(key, fields, level: level, into: &record, from: &next, after: emptyBefore)
            emptyBefore = empty ? fields?.first { $0.name == key.text } : nil
        }
        cursor += 1
        guard let fields else { return nil }
        if !merges.isEmpty {
            var keys = Set(seen.keys)
            for (source, key) in merges {
                let outermost = replaying == 0, reported = scalars.diagnostics.count
                merge(source, fields, level: level, depth: 0, keys: &keys, into: &record)
                if outermost { noteReached(since: reported, through: "the merge key '<<' at line \(key.line), column \(key.column)") }
            }
        }
        return Value(.record(record), at: location(start))
    }

    /// Reads one `key: value` entry into `record`: an unknown key is reported and its value only
    /// walked. `emptyBefore` is the field of the entry before it when that was left empty.
    private mutating func entry(_ key: YAMLEvent, _ fields: [Field]?, level: Int,
                                into record: inout [String: Value], from next: inout Int, after emptyBefore: Field? = nil) {
        stack.append(.key(key.text))
        defer { stack.removeLast() }
        guard let fields, let found = EventValidator.field(named: key.text, in: fields, from: next) else {
            if let fields {
                if let emptyBefore, case .record(let inner) = emptyBefore.shape, inner.contains(where: { $0.name == key.text }) {
                    // `mentor:` left empty, then `name: Dana` not indented under it.
                    report(key, path, "unknown key; it belongs under '\(emptyBefore.name)' just above, which is empty: "
                           + "indent it below '\(emptyBefore.name):'", severity: strict ? .error : .warning)
                } else {
                    let suggestion = Suggestions.nearest(to: key.text, in: fields.map(\.name))
                    report(key, path, "unknown key" + (suggestion == nil ? EventValidator.nesting(key.text, fields) : ""),
                           severity: strict ? .error : .warning, suggestion: suggestion)
                }
            }
            _ = value(nil, level: level)
            return
        }
        next = found + 1
        if let v = value(fields[found].shape, level: level) { record[key.text] = v }
    }

    /// For a key written as a dotted path whose first part is a mapping here (`mentor.name`),
    /// how to write it nested; else empty.
    static func nesting(_ key: String, _ fields: [Field]) -> String {
        guard let dot = key.firstIndex(of: "."), case .record? = fields.first(where: { $0.name == key[..<dot] })?.shape else { return "" }
        let outer = key[..<dot], inner = key[key.index(after: dot)...]
        guard !inner.isEmpty else { return "" }
        return "; keys are nested, not joined with dots: write '\(outer):', then '\(inner):' indented on the line below"
    }

    /// The index of the field named `name`, searched from `start` round to it again.
    private static func field(named name: String, in fields: [Field], from start: Int) -> Int? {
        let count = fields.count
        guard count > 0 else { return nil }
        var i = start < count ? start : 0
        for _ in 0..<count {
            if fields[i].name == name { return i }
            i = i + 1 == count ? 0 : i + 1
        }
        return nil
    }

    /// The key at the cursor, an alias replaced by the scalar it names (the collecting pass
    /// refused aliases of lists and mappings as keys).
    private func keyEvent() -> YAMLEvent {
        let event = document.events[cursor]
        return event.kind == .alias ? document.events[document.links[cursor]] : event
    }

    private func isMergeKey(_ key: YAMLEvent) -> Bool {
        (key.isPlainUntagged && key.text == "<<") || key.tag == "tag:yaml.org,2002:merge"
    }

    /// The mappings a `<<` at the cursor merges, by event index; reported when it is anything else.
    private mutating func mergeSources() -> [Int] {
        let resolved = resolve(cursor)
        let event = document.events[resolved]
        switch event.kind {
        case .mappingStart:
            return [resolved]
        case .sequenceStart:
            var sources: [Int] = []
            var i = resolved + 1
            while document.events[i].kind != .sequenceEnd {
                let entry = resolve(i)
                guard document.events[entry].kind == .mappingStart else { break }
                sources.append(entry)
                i = document.events[i].kind == .alias ? i + 1 : document.links[i] + 1
            }
            if document.events[i].kind == .sequenceEnd { return sources }
        default:
            break
        }
        report(event, path, "'<<' merges a mapping or a list of mappings, found \(scalars.describe(event))")
        return []
    }

    /// Adds a merged mapping's entries whose keys are not set yet: own keys win, then earlier
    /// merged mappings over later ones, then what they merge in turn.
    private mutating func merge(_ source: Int, _ fields: [Field], level: Int, depth: Int,
                                keys: inout Set<String>, into record: inout [String: Value]) {
        guard depth < maxDepth, !stopped else { return }
        let resume = cursor
        cursor = source + 1
        replaying += 1
        defer { replaying -= 1; cursor = resume }
        var nested: [Int] = []
        var next = 0
        while document.events[cursor].kind != .mappingEnd {
            if stopped { return }
            let key = keyEvent()
            cursor += 1
            // Limits were checked when the merged mapping was first read, so skipping is enough.
            if isMergeKey(key) {
                nested += mergeSources()
                skipNode()
            } else if keys.contains(key.text) {
                skipNode()
            } else {
                keys.insert(key.text)
                entry(key, fields, level: level, into: &record, from: &next)
            }
        }
        for inner in nested { merge(inner, fields, level: level, depth: depth + 1, keys: &keys, into: &record) }
    }

    /// Moves the cursor past the node at it without reading it.
    private mutating func skipNode() {
        switch document.events[cursor].kind {
        case .sequenceStart, .mappingStart: cursor = document.links[cursor] + 1
        default: cursor += 1
        }
    }

    /// The index of the node an event stands for: an alias's target, or the event itself.
    private func resolve(_ index: Int) -> Int {
        document.events[index].kind == .alias ? document.links[index] : index
    }

    private mutating func scalar(_ event: YAMLEvent, _ shape: Shape?) -> Value? {
        guard let shape, !ScalarReader.isNull(event) else { return nil }
        if replaying == 0, let tag = event.tag, !Self.coreTags.contains(tag) {
            let shown = tag.hasPrefix(Self.yamlTagPrefix) ? "!!" + tag.dropFirst(Self.yamlTagPrefix.count) : tag
            report(event, path, "the YAML tag '\(messageQuote(shown, limit: 60))' means nothing in a participant file and is ignored: "
                   + "the value is read as written after it", severity: .warning)
        }
        return scalars.value(event, shape, path)
    }

    private static let yamlTagPrefix = "tag:yaml.org,2002:"
    /// YAML's own tags for scalars, which say how to read the text; any other (`!!python/...`,
    /// `!custom`) names something a participant file has no use for.
    private static let coreTags: Set<String> = Set(["str", "int", "float", "bool", "null", "timestamp"].map { yamlTagPrefix + $0 })

    private mutating func mismatch(_ event: YAMLEvent, _ shape: Shape) -> Value? {
        scalars.mismatch(event, shape, path)
    }

    private mutating func report(_ event: YAMLEvent, _ path: ValuePath, _ message: String,
                                 severity: Diagnostic.Severity = .error, suggestion: String? = nil) {
        scalars.report(event, path, message, severity: severity, suggestion: suggestion)
    }

    /// Tells each problem reported since the first `start` that it was read through `via` (an
    /// alias or a merge): it is located where its text is written, which several places may
    /// name, and this says which place the reading came from.
    private mutating func noteReached(since start: Int, through via: String) {
        for i in start..<scalars.diagnostics.count { scalars.diagnostics[i].reachedThrough = via }
    }

    /// Records a passed limit (the document's only problem from now on) and gives nil.
    private mutating func stop(_ event: YAMLEvent, _ path: ValuePath, _ message: String) -> Value? {
        let at = location(event)
        limitProblem = Diagnostic(at: at, path.prefix + message, path: path.isEmpty ? nil : path.description,
                                  sourceLine: source.excerpt(at.line, column: at.column))
        return nil
    }

    private func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(file: file, line: event.line, column: event.column)
    }
}
