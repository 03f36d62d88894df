// One document, start to finish in memory: template + values -> tree -> validated -> bytes.

/// Renders documents from a template library; safe to share between threads.
public final class Renderer: Sendable {
    public let library: TemplateLibrary
    /// The form fingerprint of each of the library's forms.
    public let forms: FormFingerprints
    let dtd: XHTMLDTD

    /// A renderer over `library`, with the shared XHTML 1.0 Strict DTD.
    public init(library: TemplateLibrary) throws {
        self.library = library
        self.forms = FormFingerprints(library: library)
        self.dtd = try XHTMLDTD.shared()
    }

    /// The stages of rendering one document, reported as each ends (for timings).
    public enum Step: Sendable { case fill, build, validate, serialize }

    /// A partnership's values, computed once for all its documents; `data` nil is a blank form.
    public func prepare(_ data: Value?, program: Program, options: RenderOptions) -> PreparedValues {
        ComputedValues.prepare(data: data, program: program, options: options)
    }

    /// The bytes of one document, validated; `data` nil renders the blank form.
    public func render(_ data: Value?, program: Program, document: DocumentKind, options: RenderOptions) throws(DiagnosticList) -> [UInt8] {
        try render(prepare(data, program: program, options: options), document: document)
    }

    /// The fingerprints a partnership's document carries (nil when its template does not load).
    public func provenance(of values: PreparedValues, document: DocumentKind) -> Provenance? {
        forms.of(program: values.program, document: document).map {
            Provenance(data: values.dataFingerprint, form: $0, document: "\(values.program.rawValue)/\(document.rawValue)")
        }
    }

    /// The bytes of one of a partnership's documents, validated; `step` hears each stage end.
    public func render(_ values: PreparedValues, document: DocumentKind, step: (Step) -> Void = { _ in }) throws(DiagnosticList) -> [UInt8] {
        let template = try library.template(program: values.program, document: document)
        let stamp = provenance(of: values, document: document)
        var tree = template.render(values.forDocument(title: template.title ?? document.title, footer: stamp?.footer))
        if let stamp { tree.addMetadata(stamp.metadata) }
        step(.fill)
        let output = OutputDocument(root: tree)
        step(.build)
        let problems = output.validate(against: dtd).filter { $0.severity == .error }
        step(.validate)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        do {
            let bytes = values.options.format == .html ? try output.html5() : try output.xhtml()
            step(.serialize)
            return bytes
        } catch {
            throw DiagnosticList([Diagnostic(at: tree.source, "\(error)")])
        }
    }
}
