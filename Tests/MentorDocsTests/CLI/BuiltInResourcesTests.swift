// The files that ship with mentordocs: the built-in templates and DTD are found beside the build,
// the DTD is the bundled copy (no system catalog), and a templates folder overrides file by file.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct BuiltInResourcesTests {
    @Test func theDTDIsTheBundledCopyNotTheSystemOne() throws {
        let folder = try #require(BuiltInResources.dtd)
        let dtd = try XHTMLDTD.shared()
        #expect(dtd.path == folder + "/xhtml1-strict.dtd")
        #expect(!dtd.path.hasPrefix("/usr/share/xml") && !dtd.path.hasPrefix("/etc/xml"))
        let bundled = try Data(contentsOf: URL(fileURLWithPath: Repo.root + "/Sources/MentorDocs/Resources/DTD/xhtml1-strict.dtd"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dtd.path)) == bundled)
        #expect(LibXML.catalogsDisabled, "no system catalog is read, whatever the machine has installed")
    }

    @Test func theDTDLocationIsInjectableAndItsEntitySetsMustSitBesideIt() throws {
        let empty = try temporaryFolder()
        #expect(throws: XMLLayerError.self) { try XHTMLDTD(folder: empty) }
        // The DTD without its entity sets beside it does not load: they are not looked up in a catalog.
        try FileManager.default.copyItem(atPath: try #require(BuiltInResources.dtd) + "/xhtml1-strict.dtd",
                                         toPath: empty + "/xhtml1-strict.dtd")
        #expect(throws: XMLLayerError.self) { try XHTMLDTD(folder: empty) }
        let copy = try temporaryFolder() + "/DTD"
        try FileManager.default.copyItem(atPath: try #require(BuiltInResources.dtd), toPath: copy)
        let dtd = try XHTMLDTD(folder: copy)
        #expect(dtd.path == copy + "/xhtml1-strict.dtd")
        let tree = try TemplateParser.parse(page("<p>a</p>"), file: "t.xhtml", allowedNamespaces: [])
        #expect(OutputDocument(root: tree).validate(against: dtd).isEmpty)
    }

    @Test func theBuiltInTemplatesAreTheRepositorysTemplates() throws {
        let folder = try #require(BuiltInResources.templates)
        let files = { (root: String) in
            (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".xhtml") }.sorted()
        }
        #expect(files(folder) == files(Repo.templates))
        #expect(files(folder).count >= 20)
        for file in files(folder) {
            #expect(FileManager.default.contentsEqual(atPath: folder + "/" + file, andPath: Repo.templates + "/" + file), "\(file)")
        }
    }

    @Test func aTemplatesFolderOverridesFileByFileAndTheBuiltInSetFillsTheGaps() throws {
        let builtIn = try #require(BuiltInResources.templates)
        let override = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: override + "/shared", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: builtIn + "/shared/confidentiality.xhtml", toPath: override + "/shared/confidentiality.xhtml")
        try FileManager.default.copyItem(atPath: builtIn + "/shared/agreement.xhtml", toPath: override + "/shared/agreement.xhtml")
        let library = try TemplateLibrary.standard(explicit: override, environment: [:])
        #expect(library.file(program: .aset, name: "confidentiality") == override + "/shared/confidentiality.xhtml")
        #expect(library.file(program: .aset, name: "action-plan") == builtIn + "/shared/action-plan.xhtml")
        #expect(library.file(program: .aset, name: "look") == builtIn + "/aset/look.xhtml")
        // A program's own built-in form still wins over an overriding shared file.
        #expect(library.file(program: .awmi, name: "agreement") == builtIn + "/awmi/agreement.xhtml")
        #expect(library.file(program: .nace, name: "agreement") == override + "/shared/agreement.xhtml")
        #expect(library.hasOwnForm(program: .awmi, document: .agreement) && !library.hasOwnForm(program: .nace, document: .agreement))
        _ = try Renderer(library: library).render(nil, program: .aset, document: .confidentiality, options: RenderOptions())
    }

    @Test func theEnvironmentOverridesWhenNoFolderIsGivenAndAMissingFolderIsAUsageError() throws {
        let override = try temporaryFolder()
        #expect(try TemplateLibrary.standard(explicit: nil, environment: ["MENTORDOCS_TEMPLATES": override]).directory == override)
        #expect(try TemplateLibrary.standard(explicit: nil, environment: [:]).directory == BuiltInResources.templates)
        #expect(try TemplateLibrary.standard(explicit: Repo.templates, environment: ["MENTORDOCS_TEMPLATES": override]).directory == Repo.templates)
        #expect(throws: UsageError.self) { try TemplateLibrary.standard(explicit: override + "/missing", environment: [:]) }
        #expect(throws: UsageError.self) { try TemplateLibrary.standard(explicit: nil, environment: [:], builtIn: nil) }
    }

    @Test func aTemplatesPathThatIsNoFolderIsCalledWhatItIs() throws {
        let dir = try temporaryFolder()
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        for (name, words) in [("missing", "no such templates folder"), ("file", "is a file, not a templates folder"),
                              ("pipe", "is a named pipe (FIFO), not a templates folder")] {
            do {
                _ = try TemplateLibrary.standard(explicit: dir + "/" + name, environment: [:])
                Issue.record("\(name) was taken for a templates folder")
            } catch {
                #expect("\(error)".contains("\(dir)/\(name): \(words) (given by --templates)"), "\(error)")
            }
        }
    }
}
