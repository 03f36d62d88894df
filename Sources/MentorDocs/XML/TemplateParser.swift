// Parses a template file with libxml2, refuses anything that could read another file or a URL
// or run script, and copies the tree into Swift values (the C tree is freed before returning).
import Foundation
internal import CLibXML2

/// Reads template XHTML into an `XMLTree`, with located errors.
enum TemplateParser {
    /// The only DTD a template may name.
    public static let xhtmlStrictPublicID = "-//W3C//DTD XHTML 1.0 Strict//EN"
    static let xincludeNamespaces: Set<String> = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]

    /// Parses `text` (the file's contents) named `file`; `allowedNamespaces` lists attribute
    /// namespaces besides `xml:` that the caller understands (the template directives).
    public static func parse(_ text: String, file: String, allowedNamespaces: Set<String>) throws(DiagnosticList) -> XMLTree.Element {
        _ = LibXML.ready
        let source = SourceText(text)
        let collector = XMLErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { utf8 = [0x20] }
        let doc: xmlDocPtr? = collector.collecting {
            utf8.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32($0.count), file, "UTF-8", options)
                }
            }
        }
        // Warnings pass, except an undeclared entity: the DTD is not loaded, so `&nbsp;` would
        // otherwise vanish silently instead of being refused.
        let undeclaredEntity = Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)
        let problems = collector.issues.filter { !$0.isWarning || $0.code == undeclaredEntity }
        guard let doc, problems.isEmpty else {
            if let doc { xmlFreeDoc(doc) }
            let issues = problems.isEmpty ? [XMLErrorCollector.Issue(message: "not a well-formed XML document", file: file, line: 1, column: 1, isWarning: false)] : problems
            // One mistake makes libxml2 say several things at its place: the first is the one meant.
            var lines = Set<Int>()
            throw DiagnosticList(issues.filter { lines.insert($0.line).inserted }.map { issue in
                let said = ParseMessages.read(issue.message)
                var column = issue.column
                if let anchor = said.anchor, let line = source.line(issue.line) {
                    column = ParseMessages.column(column, backTo: anchor, in: line)
                }
                return Diagnostic(at: SourceLocation(file: file, line: issue.line, column: column),
                                  "malformed template: " + said.text, sourceLine: source.line(issue.line))
            })
        }
        defer { xmlFreeDoc(doc) }
        var reader = TreeReader(file: file, source: source, allowed: allowedNamespaces.union([XMLTree.xmlNamespace]))
        try reader.checkDoctype(doc)
        guard let root = xmlDocGetRootElement(doc) else {
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), "template has no root element")])
        }
        let tree = reader.element(root)
        if !reader.problems.isEmpty { throw DiagnosticList(reader.problems) }
        return tree
    }
}

/// Walks libxml2's tree once, copying it and recording every refused construct.
private struct TreeReader {
    let file: String
    let source: SourceText
    let allowed: Set<String>
    var problems: [Diagnostic] = []

    init(file: String, source: SourceText, allowed: Set<String>) {
        self.file = file
        self.source = source
        self.allowed = allowed
    }

    mutating func refuse(_ message: String, line: Int, near needle: String? = nil) {
        var location = SourceLocation(file: file, line: line, column: 0)
        if let needle, let found = source.find(needle, from: line) {
            location = SourceLocation(file: file, line: found.line, column: found.column)
        } else if line > 0 {
            location.column = 1
        }
        problems.append(Diagnostic(at: location, message, sourceLine: source.line(location.line)))
    }

    mutating func checkDoctype(_ doc: xmlDocPtr) throws(DiagnosticList) {
        guard let dtd = doc.pointee.intSubset else {
            throw DiagnosticList([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                "template has no DOCTYPE; declare XHTML 1.0 Strict (\(TemplateParser.xhtmlStrictPublicID))",
                sourceLine: source.line(1))])
        }
        let publicID = dtd.pointee.ExternalID.map { String(cString: $0) }
        // Found only for a refusal: searching splits the file into lines.
        var line: Int { source.find("<!DOCTYPE", from: 1, within: 200)?.line ?? 1 }
        if publicID != TemplateParser.xhtmlStrictPublicID {
            refuse("template names the DTD '\(publicID ?? dtd.pointee.SystemID.map { String(cString: $0) } ?? "none")'; only \(TemplateParser.xhtmlStrictPublicID) is allowed", line: line, near: "<!DOCTYPE")
        }
        if dtd.pointee.children != nil || doc.pointee.extSubset != nil {
            refuse("template declares an internal DTD subset (entities or other declarations); templates may not define entities", line: line, near: "[")
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    mutating func element(_ node: xmlNodePtr) -> XMLTree.Element {
        let name = String(cString: node.pointee.name)
        let line = Int(xmlGetLineNo(node))
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        let tag = "<" + (node.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) + ":" } ?? "") + name
        if let namespace, TemplateParser.xincludeNamespaces.contains(namespace) {
            refuse("XInclude is not allowed in templates; use md:include", line: line, near: tag)
        } else if namespace != XMLTree.xhtmlNamespace {
            refuse("element \(tag)> is not in the XHTML namespace (\(namespace ?? "no namespace"))", line: line, near: tag)
        } else if TemplateSafety.refusedElements.contains(name.lowercased()) {
            refuse("element \(tag)> is not allowed in templates: a form runs no code", line: line, near: tag)
        } else if TemplateSafety.loadingElements.contains(name.lowercased()) {
            refuse("element \(tag)> is not allowed in templates: a form is one file and loads nothing (no style sheet, image or frame from elsewhere)", line: line, near: tag)
        }
        var out = XMLTree.Element(name: name, source: SourceLocation(file: file, line: line, column: 0))
        var attr = node.pointee.properties
        while let a = attr {
            let attrName = String(cString: a.pointee.name)
            let ns = a.pointee.ns
            let prefix = ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
            let href = ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: raw)
                mentordocs_xmlFree(raw)
            }
            if let href, !allowed.contains(href) {
                refuse("attribute \(prefix ?? "?"):\(attrName) is in an unknown namespace (\(href))", line: line, near: "\(prefix ?? ""):\(attrName)")
            }
            if href == nil || href == XMLTree.xmlNamespace {
                checkPlainAttribute(href == nil ? attrName : "xml:" + attrName, value, line: line)
            }
            out.attributes.append(XMLTree.Attribute(prefix: prefix, namespace: href, name: attrName, value: value))
            attr = a.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                if TemplateSafety.rawTextElements.contains(name.lowercased()) {
                    refuse("<\(name)> holds only text; no element may be written inside it", line: Int(xmlGetLineNo(c)), near: "<" + String(cString: c.pointee.name))
                }
                out.children.append(.element(element(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    let text = String(cString: content)
                    if name.lowercased() == "style", let marker = TemplateSafety.cssLoads(text) {
                        refuse("the style sheet uses '\(marker)'; a template's CSS loads nothing (no url(), @import or escapes)", line: Int(xmlGetLineNo(c)), near: marker)
                    }
                    out.children.append(.text(text))
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE:
                let entity = String(cString: c.pointee.name)
                refuse("entity &\(entity); is not allowed in templates; write a character reference such as &#160;", line: line, near: "&\(entity);")
            case XML_PI_NODE:
                refuse("processing instruction <?\(String(cString: c.pointee.name))?> is not allowed in templates", line: line, near: "<?")
            default:
                break // comments are dropped
            }
            child = c.pointee.next
        }
        return out
    }

    /// Refuses event handlers, and script or data URLs written into URL attributes.
    mutating func checkPlainAttribute(_ name: String, _ value: String, line: Int) {
        if TemplateSafety.isEventHandler(name) {
            refuse("attribute \(name) is not allowed in templates: a form runs no code", line: line, near: "\(name)=")
        } else if name.lowercased() == "style", let marker = TemplateSafety.cssLoads(value) {
            refuse("attribute style uses '\(marker)'; a template's CSS loads nothing (no url(), @import or escapes)", line: line, near: "style=")
        } else if TemplateSafety.urlAttributes.contains(name.lowercased()),
                  let scheme = TemplateSafety.scheme(of: value), TemplateSafety.activeSchemes.contains(scheme) {
            refuse("attribute \(name) holds a '\(scheme):' URL; templates may not link to script or inline documents", line: line, near: "\(name)=")
        }
    }
}
