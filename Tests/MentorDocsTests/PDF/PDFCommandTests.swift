// `--format pdf` end to end through the built binary and the real Chromium: render, blank and
// batch write PDFs that pdfinfo and pdffonts accept, batch does not reprint an unchanged
// document, verify tells a current document from a stale one, and no browser outlives a run.
import Foundation
import Testing
@testable import MentorDocs

@Suite(.serialized, .enabled(if: pdfToolsPresent)) struct PDFCommandTests {
    @Test func renderWritesTaggedLetterPDFsWithMetadata() throws {
        let out = try temporaryFolder()
        let r = try runBatch(["render", "Examples/caltrans.yaml", "--doc", "agreement,checkup", "--format", "pdf", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let files = BatchFixtures.files(out)
        #expect(files.count == 2 && files.allSatisfy { $0.hasSuffix(".pdf") }, "\(files)")
        let agreement = try #require(files.first { $0.hasSuffix("/agreement.pdf") })
        let info = pdfinfo(out + "/" + agreement)
        #expect(info["Tagged"] == "yes")
        #expect(info["Page size"] == "612 x 792 pts (letter)")
        #expect(info["Title"]?.isEmpty == false)
        #expect(info["Subject"]?.hasPrefix("Caltrans") == true || info["Subject"]?.contains(" and ") == true, "\(info["Subject"] ?? "")")
        #expect(info["Creator"] == "mentordocs \(MentorDocsVersion.number)")
        let fonts = runTool("pdffonts", [out + "/" + agreement])?.out.split(separator: "\n").dropFirst(2) ?? []
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.split(separator: " ").reversed().dropFirst(4).first == "yes" }, "\(fonts)")
        // The running header, the page numbers and the fingerprint footer are printed.
        if let text = runTool("pdftotext", [out + "/" + agreement, "-"])?.out {
            #expect(text.contains("Page 1 of"))
            #expect(text.contains("· mentordocs \(MentorDocsVersion.number)"))
        }
    }

    @Test func blankWritesA4PDFsCarryingOnlyTheFormFingerprint() throws {
        let out = try temporaryFolder()
        let r = try runBatch(["blank", "--program", "nace", "--doc", "roles", "--format", "pdf", "--paper", "a4", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/blank/nace/roles.pdf")))
        #expect(pdfinfo(out + "/blank/nace/roles.pdf")["Page size"]?.hasSuffix("(A4)") == true)
        let stamp = try #require(FingerprintReader.read(pdf))
        #expect(stamp.data == nil)
        #expect(stamp.document == "nace/roles")
    }

    @Test func batchWritesPDFsAndDoesNotReprintUnchangedOnes() throws {
        let inputs = try BatchFixtures.folder(["a.yaml": try BatchFixtures.aset(id: "pdf-a"), "b.yaml": try BatchFixtures.aset(id: "pdf-b"),
                                               "bad.yaml": "program: aset\nmentor: [unclosed\n"])
        let out = try temporaryFolder()
        let first = try runBatch(["batch", inputs, "--doc", "agreement,confidentiality", "--format", "pdf", "--out", out, "--no-progress"])
        #expect(first.status == 1, "the bad file fails, the others are written: \(first.stderr)")
        let manifest = try BatchFixtures.manifest(out)
        let written = manifest.entries.filter { $0.status == .written }
        #expect(written.count == 4)
        #expect(written.allSatisfy { $0.output?.hasSuffix(".pdf") == true && $0.dataFingerprint != nil && $0.formFingerprint != nil })
        let path = out + "/pdf-a/agreement.pdf"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written.first { $0.output == "pdf-a/agreement.pdf" }?.sha256 == DocumentPipeline.sha256([UInt8](before)))

        let second = try runBatch(["batch", inputs, "--doc", "agreement,confidentiality", "--format", "pdf", "--out", out, "--no-progress"])
        #expect(second.status == 1)
        let again = try BatchFixtures.manifest(out).entries.filter { $0.document != nil }
        #expect(again.count == 4 && again.allSatisfy { $0.status == .unchanged }, "\(again.map(\.status))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "an unchanged document was reprinted")

        // A changed value reprints only that partnership's documents.
        try (try BatchFixtures.aset(id: "pdf-b")).replacingOccurrences(of: "Tomasz", with: "Tomas")
            .write(toFile: inputs + "/b.yaml", atomically: true, encoding: .utf8)
        _ = try runBatch(["batch", inputs, "--doc", "agreement,confidentiality", "--format", "pdf", "--out", out, "--no-progress"])
        let third = try BatchFixtures.manifest(out).entries.filter { $0.document != nil }
        #expect(third.filter { $0.id == "pdf-a" }.allSatisfy { $0.status == .unchanged })
        #expect(third.filter { $0.id == "pdf-b" }.allSatisfy { $0.status == .written })
        #expect(BatchFixtures.files(out).allSatisfy { !$0.contains(AtomicWriter.temporaryPrefix) })
    }

    @Test func verifyTellsACurrentDocumentFromAStaleOneInHTMLAndPDF() throws {
        let out = try temporaryFolder()
        let input = try BatchFixtures.folder(["pair.yaml": try BatchFixtures.aset(id: "v-1")]) + "/pair.yaml"
        #expect(try runBatch(["render", input, "--doc", "agreement", "--out", out]).status == 0)
        #expect(try runBatch(["render", input, "--doc", "agreement", "--format", "pdf", "--out", out]).status == 0)
        for document in [out + "/v-1/agreement.html", out + "/v-1/agreement.pdf"] {
            let same = try runBatch(["verify", document, input])
            #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
            // A comment and another indentation are not a change of data.
            let text = try String(contentsOfFile: input, encoding: .utf8)
            try ("# reviewed\n" + text).write(toFile: input, atomically: true, encoding: .utf8)
            #expect(try runBatch(["verify", document, input]).status == 0)
            try text.replacingOccurrences(of: "Tomasz", with: "Tomas").write(toFile: input, atomically: true, encoding: .utf8)
            let other = try runBatch(["verify", document, input])
            #expect(other.status == 1)
            #expect(other.stdout.contains("data differs"), "\(other.stdout)")
            try text.write(toFile: input, atomically: true, encoding: .utf8)
        }
        // Other templates: the form differs.
        let templates = try temporaryFolder() + "/Templates"
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: templates)
        let look = templates + "/aset/look.xhtml"
        try (try String(contentsOfFile: look, encoding: .utf8) + "<!-- changed -->\n").write(toFile: look, atomically: true, encoding: .utf8)
        let form = try runBatch(["verify", out + "/v-1/agreement.pdf", input, "--templates", templates])
        #expect(form.status == 1)
        #expect(form.stdout.contains("form differs"), "\(form.stdout)")
        // A file without fingerprints.
        let none = try runBatch(["verify", Repo.templates + "/shared/agreement.xhtml", input])
        #expect(none.status == 2)
    }

    @Test func verifyOfAnInputThatDoesNotLoadNamesItsErrorNotAWarning() throws {
        let out = try temporaryFolder()
        let folder = try BatchFixtures.folder(["pair.yaml": try BatchFixtures.aset(id: "v-2")])
        let input = folder + "/pair.yaml"
        #expect(try runBatch(["render", input, "--doc", "agreement", "--out", out]).status == 0)
        // An unknown key (a warning) above a value of the wrong kind (an error).
        let text = try String(contentsOfFile: input, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "program:", with: "colour: blue\nprogram:")
            .replacingOccurrences(of: "id: v-2", with: "id: [v-2]")
        #expect(broken != text && broken.contains("colour") && broken.contains("[v-2]"))
        try broken.write(toFile: input, atomically: true, encoding: .utf8)
        let result = try runBatch(["verify", out + "/v-2/agreement.html", input])
        #expect(result.status != 0)
        #expect(result.stdout.contains("cannot read a partnership: \(input):6:5: error: id: expected text"), "\(result.stdout)")
        #expect(!result.stdout.contains("colour"), "\(result.stdout)")
        #expect(result.stdout.contains("data not compared: \(input) holds no partnership that loads"), "\(result.stdout)")
    }

    @Test func aMissingChromiumNamesThePackageAndHTMLDoesNotNeedIt() throws {
        let out = try temporaryFolder()
        let pdf = try runCLI(["render", "Examples/aset.yaml", "--format", "pdf", "--out", out], environment: ["CHROMIUM": "", "PATH": "/nonexistent"],
                             executable: BatchFixtures.binary)
        #expect(pdf.status == 1)
        #expect(pdf.stderr.contains("install the Debian package 'chromium'"), "\(pdf.stderr)")
        #expect(BatchFixtures.files(out).isEmpty)
        // A CHROMIUM that names nothing is said to be the cause, not a missing package.
        let named = try runCLI(["render", "Examples/aset.yaml", "--format", "pdf", "--out", out], environment: ["CHROMIUM": "/nonexistent/chromium"],
                               executable: BatchFixtures.binary)
        #expect(named.status == 1)
        #expect(named.stderr.contains("CHROMIUM is set to '/nonexistent/chromium', which is not a program that can be run"), "\(named.stderr)")
        #expect(BatchFixtures.files(out).isEmpty)
        let html = try runCLI(["render", "Examples/aset.yaml", "--out", out], environment: ["CHROMIUM": "/nonexistent/chromium", "PATH": "/nonexistent"],
                              executable: BatchFixtures.binary)
        #expect(html.status == 0, "\(html.stderr)")
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
    func aStoppedRunLeavesNoBrowserBehind(signal: Int32) throws {
        let inputs = try BatchFixtures.cohort(40)
        let out = try temporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BatchFixtures.binary)
        process.arguments = ["batch", inputs, "--doc", "agreement", "--format", "pdf", "--out", out, "--no-progress"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the browser to start, then for a first PDF, then SIGKILL mentordocs.
        var browser: pid_t?
        for _ in 0..<300 where browser == nil || !BatchFixtures.files(out).contains(where: { $0.hasSuffix(".pdf") }) {
            browser = browser ?? childBrowser(of: process.processIdentifier)
            usleep(50_000)
        }
        let group = try #require(browser, "no browser started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        if signal != SIGKILL { #expect(process.terminationStatus == 128 + signal, "a stopped batch exits 128 + the signal") }
        var left = livingProcesses(group: group)
        for _ in 0..<100 where !left.isEmpty { usleep(50_000); left = livingProcesses(group: group) }
        #expect(left.isEmpty, "browser processes left after signal \(signal): \(left)")
        #expect(BatchFixtures.files(out).allSatisfy { !$0.contains(AtomicWriter.temporaryPrefix) } || signal == SIGKILL)
        #expect(BatchFixtures.files(out).allSatisfy { !$0.hasSuffix(".pdf") || ((try? Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)))?.suffix(6).elementsEqual("%%EOF\n".utf8) ?? false) })
    }
}

/// The Chromium process `parent` started, if any.
func childBrowser(of parent: pid_t) -> pid_t? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for name in names {
        guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 1, Int32(fields[1]) == parent { return pid }
    }
    return nil
}
