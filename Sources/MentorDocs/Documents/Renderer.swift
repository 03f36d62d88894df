// One document, start to finish in memory: template + values -> tree -> validated -> bytes.

/// Renders documents from a template library; safe to share between threads.
public final class Renderer: Sendable {
    public let library: TemplateLibrary
    /// The form fingerprint of each of the library's forms.
    let forms: FormFingerprints

    /// A renderer over `library`, with the shared XHTML 1.0 Strict DTD (parsed on a thread of
    /// its own while the first input is read; the first validation waits for it).
    public init(library: TemplateLibrary) throws {
        self.library = library
        self.forms = FormFingerprints(library: library)
        try XHTMLDTD.startLoading()
    }

    /// A partnership's values, computed once for all its documents; `data` nil is a blank form.
    public func prepare(_ data: Value?, program: Program, options: RenderOptions) -> PreparedValues {
        ComputedValues.prepare(data: data, program: program, options: options)
    }

    /// The bytes of one document, validated; `data` nil renders the blank form.
    public func render(_ data: Value?, program: Program, document: DocumentKind, options: RenderOptions) throws(DiagnosticList) -> [UInt8] {
        var observer = SilentObserver()
        return try render(prepare(data, program: program, options: options), document: document, observer: &observer)
    }

    /// The fingerprints a partnership's document carries (nil when its template does not load).
    public func provenance(of values: PreparedValues, document: DocumentKind) -> Provenance? {
        forms.of(program: values.program, document: document).map {
            Provenance(data: values.dataFingerprint, form: $0, document: "\(values.program.rawValue)/\(document.rawValue)")
        }
    }

    /// The bytes of one of a partnership's documents, validated; `observer` hears each stage end.
    /// The render stage builds the libxml2 tree as it goes.
    func render<O: PipelineObserver>(_ values: PreparedValues, document: DocumentKind, observer: inout O) throws(DiagnosticList) -> [UInt8] {
        try stamped(values, document: document, observer: &observer).bytes
    }

    /// The bytes of one document and the fingerprints stamped into them.
    func stamped<O: PipelineObserver>(_ values: PreparedValues, document: DocumentKind,
                                      observer: inout O) throws(DiagnosticList) -> (bytes: [UInt8], provenance: Provenance?) {
        let template = try library.template(program: values.program, document: document)
        let stamp = provenance(of: values, document: document)
        // The document's own `print` record is laid over the shared values, which are not copied.
        let print = values.printRule(title: template.title ?? document.title, footer: stamp?.footer)
        let output = try OutputDocument.rendering(template, values.shared, over: [("print", print)])
        if let stamp { output.addMetadata(stamp.metadata) }
        observer.lap(.render)
        return (try finish(output, format: values.options.format, at: template.root.source, observer: &observer), stamp)
    }

    /// A tree built and validated against the DTD, for a caller that writes it in parts
    /// (`--combine`'s frames and index).
    func validated(_ tree: XMLTree.Element) throws(DiagnosticList) -> OutputDocument {
        let output = OutputDocument(root: tree)
        var observer = SilentObserver()
        try check(output, observer: &observer)
        return output
    }

    /// Validates a built document and writes it in `format`.
    private func finish<O: PipelineObserver>(_ output: OutputDocument, format: RenderOptions.Format, at source: SourceLocation,
                                             observer: inout O) throws(DiagnosticList) -> [UInt8] {
        try check(output, observer: &observer)
        do {
            let bytes = try output.bytes(format.syntax)
            observer.lap(.serialize)
            return bytes
        } catch {
            throw DiagnosticList([Diagnostic(at: source, error.message)])
        }
    }

    /// Validates `output` against the DTD: its errors, located in the template, are thrown.
    private func check<O: PipelineObserver>(_ output: OutputDocument, observer: inout O) throws(DiagnosticList) {
        let dtd: XHTMLDTD
        do { dtd = try XHTMLDTD.shared() } catch { throw DiagnosticList([Diagnostic(at: SourceLocation(file: "<dtd>", line: 0, column: 0), error.message)]) }
        let problems = output.validate(against: dtd).filter { $0.severity == .error }
        observer.lap(.validate)
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }
}

extension RenderOptions.Format {
    /// The syntax a document of this format is written in; a PDF is printed from the HTML5 document.
    var syntax: OutputDocument.Syntax { self == .xhtml ? .xhtml : .html5 }
}
