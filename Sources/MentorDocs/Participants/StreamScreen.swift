// A pass over libyaml's events before Yams composes the stream: it refuses the inputs that
// Yams' composer cannot survive cheaply, and notes where each document starts.
//
// Yams' composer checks for duplicate keys by hashing every key node in full. Aliases are shared
// while composing, so an alias of a billion-laughs list used as a key costs nothing to compose but
// billions of steps to hash: 700 bytes took seconds, one more level minutes. Keys in a participant
// file are names, so a list or mapping key (or an alias of one) is refused here, before Yams sees
// it. Yams also keeps anchors from one document to the next, which YAML forbids; refusing those
// aliases keeps each document's alias expansion bounded by its own limit.
internal import CYaml

/// What the event pass found: problems that stop the whole file, and each document's start.
struct StreamScreen {
    var problems: [Diagnostic] = []
    /// 1-based line and column of each document's start, in stream order.
    var documentStarts: [(Int, Int)] = []

    /// Screens `text`. A YAML syntax error just ends the pass: Yams reports it with more context.
    static func run(_ text: String, file: String, source: SourceText, maxProblems: Int = 20) -> StreamScreen {
        var screen = StreamScreen()
        let reader = EventReader(text)
        var frames: [(isMapping: Bool, expectKey: Bool)] = []
        var anchors: [String: Bool] = [:]  // anchor name -> whether it names a list or mapping
        var earlierAnchors: Set<String> = []

        func problem(_ event: EventReader.Event, _ message: String) {
            screen.problems.append(Diagnostic(at: SourceLocation(file: file, line: event.line, column: event.column),
                                              message, sourceLine: source.excerpt(event.line, column: event.column)))
        }
        func completeNode() {
            if let last = frames.indices.last, frames[last].isMapping { frames[last].expectKey.toggle() }
        }

        while screen.problems.count < maxProblems, let event = reader.next() {
            let isKey = frames.last.map { $0.isMapping && $0.expectKey } ?? false
            switch event.kind {
            case .documentStart:
                earlierAnchors.formUnion(anchors.keys)
                anchors = [:]
                frames = []
                screen.documentStarts.append((event.line, event.column))
            case .scalar:
                if let anchor = event.anchor { anchors[anchor] = false }
                completeNode()
            case .alias:
                let name = event.anchor ?? ""
                if anchors[name] == nil, earlierAnchors.contains(name) {
                    problem(event, "alias '*\(name)' refers to an anchor in an earlier document; "
                            + "an anchor applies only within its own document")
                } else if isKey, anchors[name] == true {
                    problem(event, "a key must be text, found an alias of a list or mapping")
                }
                completeNode()
            case .sequenceStart, .mappingStart:
                if isKey {
                    problem(event, "a key must be text, found a " + (event.kind == .sequenceStart ? "list" : "mapping"))
                }
                if let anchor = event.anchor { anchors[anchor] = true }
                frames.append((event.kind == .mappingStart, true))
            case .collectionEnd:
                frames.removeLast()
                completeNode()
            }
        }
        return screen
    }
}

/// Owns a libyaml parser and the bytes it reads; both are released in `deinit`.
final class EventReader {
    struct Event {
        enum Kind { case documentStart, scalar, alias, sequenceStart, mappingStart, collectionEnd }
        var kind: Kind
        var anchor: String?
        var line: Int
        var column: Int
    }

    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var finished = false

    init(_ text: String) {
        // libyaml keeps a pointer to its input between calls, so the bytes live as long as the parser.
        let utf8 = Array(text.utf8)
        bytes = .allocate(capacity: max(1, utf8.count))
        _ = bytes.initialize(from: utf8)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, utf8.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next event that matters to the screen; nil at the end of the stream or at an error.
    func next() -> Event? {
        while !finished {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                finished = true
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                finished = true
            case YAML_DOCUMENT_START_EVENT:
                return Event(kind: .documentStart, line: line, column: column)
            case YAML_SCALAR_EVENT:
                return Event(kind: .scalar, anchor: string(event.data.scalar.anchor), line: line, column: column)
            case YAML_ALIAS_EVENT:
                return Event(kind: .alias, anchor: string(event.data.alias.anchor), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                return Event(kind: .sequenceStart, anchor: string(event.data.sequence_start.anchor),
                             line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                return Event(kind: .mappingStart, anchor: string(event.data.mapping_start.anchor),
                             line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                return Event(kind: .collectionEnd, line: line, column: column)
            default:
                continue
            }
        }
        return nil
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
