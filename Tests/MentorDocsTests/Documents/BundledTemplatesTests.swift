// Every bundled template loads for every program, and its blank form is valid in both formats.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct BundledTemplatesTests {
    static let library = TemplateLibrary(directory: Repo.templates)
    static let pairs = Program.allCases.flatMap { p in DocumentKind.allCases.map { (p, $0) } }

    @Test(arguments: pairs)
    func loadsAndRendersBlank(program: Program, document: DocumentKind) throws {
        let renderer = try Renderer(library: Self.library)
        let template = try Self.library.template(program: program, document: document)
        #expect(template.follows != nil, "\(template.file) has no md:follows")
        for format in RenderOptions.Format.allCases {
            let bytes = try renderer.render(nil, program: program, document: document, options: RenderOptions(format: format))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("md:") && !text.contains("urn:mentordocs"))
            #expect(text.contains(program.displayName), "the program's look names the program")
        }
    }

    @Test func everyTemplateFileParses() throws {
        let files = FileManager.default.enumerator(atPath: Repo.templates)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".xhtml") }
        #expect(files.count >= 20)
        for file in files {
            _ = try Self.library.parse(Repo.templates + "/" + file)
        }
    }

    @Test func programFolderOverridesShared() {
        #expect(Self.library.file(program: .awmi, name: "agreement") == Repo.templates + "/awmi/agreement.xhtml")
        #expect(Self.library.file(program: .nace, name: "agreement") == Repo.templates + "/shared/agreement.xhtml")
        #expect(Self.library.file(program: .aset, name: "look") == Repo.templates + "/aset/look.xhtml")
    }
}
