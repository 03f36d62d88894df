// Every program's every document, filled from its example and blank, against golden files.
// Re-record after an intended change with `MENTORDOCS_RECORD=1 swift test --filter GoldenTests`.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct GoldenTests {
    static let renderer = try! Renderer(library: TemplateLibrary(directory: Repo.templates))
    static let pairs = Program.allCases.flatMap { p in DocumentKind.allCases.map { (p, $0) } }

    static func example(_ program: Program) throws -> Partnership {
        let outcomes = ParticipantLoader(strict: true).load(contentsOf: "\(Repo.examples)/\(program.rawValue).yaml")
        #expect(outcomes.count == 1)
        return try #require(try outcomes.first?.get())
    }

    static func rendered(_ data: Value?, _ program: Program, _ document: DocumentKind, _ format: RenderOptions.Format) throws -> String {
        let bytes = try renderer.render(data, program: program, document: document, options: RenderOptions(format: format))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: pairs)
    func filledHTML(program: Program, document: DocumentKind) throws {
        let partnership = try Self.example(program)
        #expect(partnership.warnings.isEmpty, "the example uses only keys of the format")
        try expectGolden(try Self.rendered(partnership.data, program, document, .html), "\(program.rawValue)/\(document.rawValue).html")
    }

    @Test(arguments: pairs)
    func blankHTML(program: Program, document: DocumentKind) throws {
        try expectGolden(try Self.rendered(nil, program, document, .html), "\(program.rawValue)/blank/\(document.rawValue).html")
    }

    @Test(arguments: Program.aset.documents)
    func asetXHTML(document: DocumentKind) throws {
        let partnership = try Self.example(.aset)
        try expectGolden(try Self.rendered(partnership.data, .aset, document, .xhtml), "aset/\(document.rawValue).xhtml")
        try expectGolden(try Self.rendered(nil, .aset, document, .xhtml), "aset/blank/\(document.rawValue).xhtml")
    }
}
