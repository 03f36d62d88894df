// Helpers shared by the tests: repository paths, templates from strings, golden files.
import Foundation
import Testing
@testable import MentorDocs

enum Repo {
    /// The package root, found from this file so tests need no working-directory setup.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let templates = root + "/Templates"
    static let examples = root + "/Examples"
    static let golden = root + "/Tests/MentorDocsTests/Golden"
    static let fixtures = root + "/Tests/MentorDocsTests/Fixtures"
}

/// An include resolver over in-memory template files, for engine tests.
struct MemoryIncludes: IncludeResolver {
    var files: [String: String] = [:]
    func block(file: String, block: String) throws -> (XMLTree.Element, SourceText) {
        guard let text = files[file] else { throw IncludeError.missingFile(file, program: .aset) }
        let root = try TemplateParser.parse(text, file: file + ".xhtml", allowedNamespaces: [Template.namespace])
        var names: [String] = []
        guard let found = ProgramIncludes.find(block, in: root, names: &names) else {
            throw IncludeError.missingBlock(block, file: file, suggestion: Suggestions.nearest(to: block, in: names))
        }
        return (found, SourceText(text))
    }
}

/// Wraps body markup in a complete XHTML 1.0 Strict template.
func page(_ body: String, head: String = "") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
    <html xmlns="http://www.w3.org/1999/xhtml" xmlns:md="urn:mentordocs:template" xml:lang="en" lang="en">
    <head><title>t</title>\(head)</head>
    <body>
    \(body)
    </body>
    </html>
    """
}

/// Compiles a template from text.
func compile(_ text: String, file: String = "t.xhtml", includes: [String: String] = [:]) throws -> Template {
    let root = try TemplateParser.parse(text, file: file, allowedNamespaces: [Template.namespace])
    return try Template.compile(root, source: SourceText(text), resolver: MemoryIncludes(files: includes))
}

/// The diagnostics a template fails to compile with.
func compileErrors(_ text: String, file: String = "t.xhtml", includes: [String: String] = [:]) -> [String] {
    do {
        _ = try compile(text, file: file, includes: includes)
        return []
    } catch let error as DiagnosticList {
        return error.diagnostics.map(\.headline)
    } catch {
        return ["\(error)"]
    }
}

/// Renders a template to validated bytes in one format.
func renderBytes(_ template: Template, _ data: Value, format: RenderOptions.Format = .xhtml) throws -> String {
    let document = OutputDocument(root: try template.render(data))
    let problems = document.validate(against: try XHTMLDTD.shared()).filter { $0.severity == .error }
    if !problems.isEmpty { throw DiagnosticList(problems) }
    let bytes = format == .html ? try document.html5() : try document.xhtml()
    return String(decoding: bytes, as: UTF8.self)
}

/// Just the body's inner markup of rendered XHTML, whitespace-trimmed, for compact assertions.
func body(_ xhtml: String) -> String {
    guard let start = xhtml.range(of: "<body>"), let end = xhtml.range(of: "</body>") else { return xhtml }
    return xhtml[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Builds a Value from a Swift literal-ish dictionary for tests.
func record(_ fields: [String: Value]) -> Value { .record(fields) }

/// Compares `actual` with the golden file; `MENTORDOCS_RECORD=1` rewrites it instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = Repo.golden + "/" + name
    if ProcessInfo.processInfo.environment["MENTORDOCS_RECORD"] == "1" {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run the tests with MENTORDOCS_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        var diff = "golden \(name) differs at line \(firstDiff + 1) (re-record with MENTORDOCS_RECORD=1):\n"
        for i in max(0, firstDiff - 2)..<min(max(e.count, a.count), firstDiff + 3) {
            if i < e.count, i >= a.count || e[i] != a[i] { diff += "- \(e[i])\n" }
            if i < a.count, i >= e.count || e[i] != a[i] { diff += "+ \(a[i])\n" }
        }
        Issue.record(Comment(rawValue: diff), sourceLocation: sourceLocation)
    }
}
