// `templates export`: every built-in template or none.
import Foundation
import Testing
@testable import MentorDocs

@Suite struct TemplateExportTests {
    let source = BuiltInResources.templates!

    func files(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []).sorted()
    }

    @Test func exportsEveryTemplateByteForByte() throws {
        let folder = try temporaryFolder() + "/mine"
        let count = try TemplateExport.export(to: folder, from: source)
        let exported = files(under: folder).filter { $0.hasSuffix(".xhtml") }
        #expect(count == exported.count && count > 20)
        for file in exported {
            #expect(FileManager.default.contents(atPath: folder + "/" + file) == FileManager.default.contents(atPath: source + "/" + file))
        }
    }

    @Test func anExistingFileStopsItBeforeAnythingIsWritten() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/shared/roles.xhtml"))
        #expect(throws: DiagnosticList.self) { try TemplateExport.export(to: folder, from: source) }
        do { _ = try TemplateExport.export(to: folder, from: source) } catch {
            #expect(error.diagnostics.map(\.description) == ["\(folder)/shared/roles.xhtml: error: already exists; nothing was exported"])
        }
        #expect(files(under: folder) == ["shared", "shared/roles.xhtml"])
    }

    @Test func aFileThatCannotBeWrittenTakesBackWhatWasWritten() throws {
        // `shared` is a file, so the shared templates (written after the programs' own) cannot be:
        // the programs' folders and files this export made are removed again.
        let folder = try temporaryFolder()
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: folder + "/shared"))
        do {
            _ = try TemplateExport.export(to: folder, from: source)
            Issue.record("exported over a file")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(folder)/shared: error: is not a folder; nothing was exported"])
        }
        #expect(files(under: folder) == ["shared"])
    }
}
