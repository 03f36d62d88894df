// An include names a block of a template in the templates folder, never a path (issue 11, item 7).
import Foundation
import Testing
@testable import MentorDocs

@Suite struct IncludeNameTests {
    static let block = page(#"<div md:block="b">secret</div>"#)

    @Test(arguments: ["../../../../tmp/x", "/etc/x", "./blocks", "sub/blocks", #"sub\blocks"#, "blocks.xhtml", "..", "C:blocks", "blocks "])
    func aPathIsRefusedAndNeverResolved(file: String) {
        // The resolver would find the file: only the name rule stops it.
        let errors = compileErrors(page(#"<div md:include="\#(file)#b"></div>"#), includes: [file: Self.block])
        #expect(errors == ["t.xhtml:6:6: error: md:include takes 'file#block', a template of the templates folder and a block in it (letters, digits, '-' and '_'; no path), got '\(file)#b'"])
    }

    @Test(arguments: ["blocks#", "#b", "blocks", "blocks#b#c", "blocks#a b"])
    func aMalformedIncludeIsRefused(include: String) {
        let errors = compileErrors(page(#"<div md:include="\#(include)"></div>"#), includes: ["blocks": Self.block])
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("t.xhtml:6:6: error: md:include takes 'file#block'") == true)
    }

    @Test func theLibraryNeverReadsOutsideItsFolder() throws {
        let root = try TemplateTestFolder()
        try root.write("outside.xhtml", Self.block)
        try root.write("Templates/shared/blocks.xhtml", page(#"<div md:block="sig">shared</div>"#))
        try root.write("Templates/aset/blocks.xhtml", page(#"<div md:block="sig">aset</div>"#))
        try root.write("Templates/shared/agreement.xhtml", page(#"<div md:include="../../outside#b"></div>"#))
        let library = TemplateLibrary(directory: root.path + "/Templates")
        #expect(throws: DiagnosticList.self) { try library.template(program: .aset, document: .agreement) }
        #expect(ProgramIncludes(library: library, program: .aset).resolves("../../outside") == false)
        // Names still resolve in the program's folder first, then in shared/.
        #expect(try ProgramIncludes(library: library, program: .aset).block(file: "blocks", block: "sig").0.source.file
                == root.path + "/Templates/aset/blocks.xhtml")
        #expect(try ProgramIncludes(library: library, program: .nace).block(file: "blocks", block: "sig").0.source.file
                == root.path + "/Templates/shared/blocks.xhtml")
    }
}

extension ProgramIncludes {
    /// Whether the resolver hands back a block for `file` (any error counts as no).
    func resolves(_ file: String) -> Bool { (try? block(file: file, block: "b")) != nil }
}

/// A fresh folder under the temporary directory, removed when the value goes.
final class TemplateTestFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "mentordocs-engine-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
