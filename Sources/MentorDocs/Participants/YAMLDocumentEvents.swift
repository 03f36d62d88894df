// One document of a YAML stream as libyaml's events, held flat in an array: no node tree. The
// pass that collects them resolves every alias to the event it names, notes where each list and
// mapping ends and how many values each anchored node stands for once expanded, and refuses what
// no partnership can hold (an alias to an anchor of an earlier document, a list or mapping as a
// key) before anything is validated.

/// The events of one document, ready to be read into values by `EventValidator`.
struct YAMLDocumentEvents {
    /// The root node's events, in stream order.
    var events: [YAMLEvent] = []
    /// For each alias event, the index of the node it names; for each list or mapping start, the
    /// index of its end event; -1 otherwise.
    var links: [Int] = []
    /// The values an anchored node stands for once aliases are expanded, by the node's index.
    var expandedSizes: [Int: Int] = [:]
    /// The text (UTF-8 bytes of its scalars) an anchored node stands for once aliases are
    /// expanded, by the node's index.
    var expandedText: [Int: Int] = [:]
    /// Where the document starts (its `---`, or its first value).
    var line = 1, column = 1

    /// Whether the document is empty or only `~`: it is skipped, as YAML's null.
    var isNull: Bool { events.count == 1 && ScalarReader.isNull(events[0]) }
}

/// Pulls one document at a time out of a reader, remembering anchors across documents only to
/// say why an alias to an earlier one is refused.
struct YAMLDocumentCollector {
    enum Next {
        case document(YAMLDocumentEvents)
        case end
        /// A problem that stops the whole file, located.
        case problem(line: Int, column: Int, message: String)
    }

    private let reader: YAMLEventReader
    /// The deepest nesting read (the document's own mapping is level 1). libyaml's scanner costs
    /// time in proportion to the depth for every token, so a file nested past it stops at once.
    private let maxDepth: Int
    private var started = false
    private var earlierAnchors: Set<String> = []

    init(_ reader: YAMLEventReader, maxDepth: Int) {
        self.reader = reader
        self.maxDepth = maxDepth
    }

    /// Sizes saturate here, far above any limit, so no count can overflow.
    private static let saturation = Int.max / 4

    private struct Frame {
        var start: Int
        var isMapping: Bool
        var expectKey = true
        var size = 1
        var text = 0
        /// The key whose value is being read (a mapping), or the entry number (a list).
        var key = ""
        var entries = 0
    }

    /// The next document, the end of the stream, or why the file cannot be read.
    mutating func next() throws(YAMLSyntaxError) -> Next {
        if !started {
            started = true
            _ = try reader.next() // stream start
        }
        let start = try reader.next()
        guard start.kind == .documentStart else { return .end }
        var doc = YAMLDocumentEvents()
        doc.line = start.line
        doc.column = start.column
        var anchors: [String: Int] = [:]
        var frames: [Frame] = []

        func add(_ size: Int, text: Int) {
            guard !frames.isEmpty else { return }
            frames[frames.count - 1].size = min(Self.saturation, frames[frames.count - 1].size + size)
            frames[frames.count - 1].text = min(Self.saturation, frames[frames.count - 1].text + text)
        }
        func completeNode(key: String = "") {
            guard let last = frames.indices.last else { return }
            if frames[last].isMapping {
                if frames[last].expectKey { frames[last].key = key }
                frames[last].expectKey.toggle()
            } else {
                frames[last].entries += 1
            }
        }
        /// The key path of the node about to be read, for a message about it.
        func path() -> ValuePath {
            var path = ValuePath()
            for frame in frames { path = frame.isMapping ? path.appending(frame.key) : path.appending(frame.entries) }
            return path
        }

        while true {
            let event = try reader.next()
            let index = doc.events.count
            let isKey = frames.last.map { $0.isMapping && $0.expectKey } ?? false
            var link = -1
            switch event.kind {
            case .documentEnd:
                earlierAnchors.formUnion(anchors.keys)
                return .document(doc)
            case .scalar:
                let text = event.text.utf8.count
                if let anchor = event.anchor {
                    anchors[anchor] = index
                    doc.expandedSizes[index] = 1
                    doc.expandedText[index] = text
                }
                add(1, text: text)
                completeNode(key: event.text)
            case .alias:
                guard let target = anchors[event.text] else {
                    let message = earlierAnchors.contains(event.text)
                        ? "alias '*\(event.text)' refers to an anchor in an earlier document; an anchor applies only within its own document"
                        : "alias '*\(event.text)' refers to no anchor defined before it"
                    return .problem(line: event.line, column: event.column, message: message)
                }
                if doc.events[target].kind != .scalar, doc.links[target] == -1 {
                    return .problem(line: event.line, column: event.column,
                                    message: "alias '*\(event.text)' is inside the list or mapping it names, so it would never end")
                }
                if isKey, doc.events[target].kind != .scalar {
                    return .problem(line: event.line, column: event.column,
                                    message: "a key must be text, found an alias of a list or mapping")
                }
                link = target
                add(doc.expandedSizes[target] ?? 1, text: doc.expandedText[target] ?? 0)
                completeNode(key: doc.events[target].text)
            case .sequenceStart, .mappingStart:
                if isKey {
                    return .problem(line: event.line, column: event.column,
                                    message: "a key must be text, found a " + (event.kind == .sequenceStart ? "list" : "mapping"))
                }
                if frames.count + 1 > maxDepth {
                    return .problem(line: event.line, column: event.column,
                                    message: path().prefix + "nested more than \(maxDepth) levels deep")
                }
                if let anchor = event.anchor { anchors[anchor] = index }
                frames.append(Frame(start: index, isMapping: event.kind == .mappingStart))
            case .sequenceEnd, .mappingEnd:
                let frame = frames.removeLast()
                doc.links[frame.start] = index
                if doc.events[frame.start].anchor != nil {
                    doc.expandedSizes[frame.start] = frame.size
                    doc.expandedText[frame.start] = frame.text
                }
                add(frame.size, text: frame.text)
                completeNode()
            case .streamStart, .streamEnd, .documentStart:
                continue // libyaml's grammar never puts these inside a document
            }
            doc.events.append(event)
            doc.links.append(link)
        }
    }
}
