// One document, start to finish in memory: template + values -> tree -> validated -> bytes.

/// Renders documents from a template library; safe to share between threads.
public final class Renderer: Sendable {
    public let library: TemplateLibrary
    let dtd: XHTMLDTD

    /// A renderer over `library`, with the shared XHTML 1.0 Strict DTD.
    public init(library: TemplateLibrary) throws {
        self.library = library
        self.dtd = try XHTMLDTD.shared()
    }

    /// The bytes of one document, validated; `data` nil renders the blank form.
    public func render(_ data: Value?, program: Program, document: DocumentKind, options: RenderOptions) throws(DiagnosticList) -> [UInt8] {
        let template = try library.template(program: program, document: document)
        let values = ComputedValues.make(data: data, program: program, title: template.title ?? document.title, options: options)
        return try serialize(template.render(values), options: options)
    }

    /// Validates a rendered tree and writes it in the chosen format.
    func serialize(_ tree: XMLTree.Element, options: RenderOptions) throws(DiagnosticList) -> [UInt8] {
        let document = OutputDocument(root: tree)
        let problems = document.validate(against: dtd).filter { $0.severity == .error }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        do {
            return options.format == .html ? try document.html5() : try document.xhtml()
        } catch {
            throw DiagnosticList([Diagnostic(at: tree.source, "\(error)")])
        }
    }
}
