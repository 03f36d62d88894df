// The one owner of libyaml's parser: it turns text into Swift events, so no C pointer leaves
// this file. libyaml keeps a pointer to its input between calls, so the bytes live as long as
// the parser; both are released in deinit.
internal import CYAML

/// One libyaml event, copied into Swift values. Lines and columns are 1-based and count
/// Unicode scalars, as libyaml does.
struct YAMLEvent {
    enum Kind: UInt8 {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar, alias, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }
    enum Style: UInt8 { case plain, singleQuoted, doubleQuoted, literal, folded }

    var kind: Kind
    var line: Int
    var column: Int
    /// A scalar's text, or the anchor an alias names.
    var text: String = ""
    /// The anchor a scalar, sequence or mapping defines.
    var anchor: String?
    /// An explicit tag, resolved (`tag:yaml.org,2002:str` for `!!str`); nil when none was written.
    var tag: String?
    var style: Style = .plain

    /// A plain scalar without a tag: the only kind whose type YAML resolves from its text.
    var isPlainUntagged: Bool { kind == .scalar && style == .plain && tag == nil }
}

/// libyaml's report of why the text is not YAML, in its own words and positions (1-based).
struct YAMLSyntaxError: Error {
    enum Stage { case reader, scanner, parser, memory }
    var stage: Stage
    var problem: String
    var line: Int
    var column: Int
    /// The byte offset of a reader error.
    var offset: Int
    var context: String?
    var contextLine: Int
    var contextColumn: Int
}

/// Reads the events of one text, in order.
final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var failed = false
    /// A JSON file's rewritten surrogate pairs, whose columns are given back as in the file.
    private let pairs: SurrogatePairs?

    init(_ text: String, pairs: SurrogatePairs? = nil) {
        self.pairs = pairs
        var text = text
        let count = text.utf8.count
        bytes = .allocate(capacity: max(1, count))
        text.withUTF8 { _ = bytes.initialize(from: $0) }
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, count)
    }

    deinit {
        yaml_parser_delete(&parser)
        bytes.deallocate()
    }

    /// The next event; after the stream's end it keeps returning `streamEnd`.
    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        guard !failed, yaml_parser_parse(&parser, &event) == 1 else {
            failed = true
            throw syntaxError()
        }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        let column = pairs?.fileColumn(line: line, column: Int(event.start_mark.column) + 1) ?? Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, line: line, column: column)
        case YAML_STREAM_END_EVENT: return YAMLEvent(kind: .streamEnd, line: line, column: column)
        case YAML_DOCUMENT_START_EVENT: return YAMLEvent(kind: .documentStart, line: line, column: column)
        case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, line: line, column: column)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let style: YAMLEvent.Style
            switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            return YAMLEvent(kind: .scalar, line: line, column: column, text: text, anchor: string(s.anchor),
                             tag: string(s.tag), style: style)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias, line: line, column: column, text: string(event.data.alias.anchor) ?? "")
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return YAMLEvent(kind: .sequenceStart, line: line, column: column, anchor: string(s.anchor), tag: string(s.tag))
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return YAMLEvent(kind: .mappingStart, line: line, column: column, anchor: string(m.anchor), tag: string(m.tag))
        case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, line: line, column: column)
        default: return YAMLEvent(kind: .mappingEnd, line: line, column: column)
        }
    }

    private func syntaxError() -> YAMLSyntaxError {
        let stage: YAMLSyntaxError.Stage
        switch parser.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_MEMORY_ERROR: stage = .memory
        default: stage = .parser
        }
        func column(_ mark: yaml_mark_t) -> Int {
            pairs?.fileColumn(line: Int(mark.line) + 1, column: Int(mark.column) + 1) ?? Int(mark.column) + 1
        }
        return YAMLSyntaxError(stage: stage, problem: parser.problem.map { String(cString: $0) } ?? "unknown problem",
                               line: Int(parser.problem_mark.line) + 1, column: column(parser.problem_mark),
                               offset: Int(parser.problem_offset), context: parser.context.map { String(cString: $0) },
                               contextLine: Int(parser.context_mark.line) + 1,
                               contextColumn: column(parser.context_mark))
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
