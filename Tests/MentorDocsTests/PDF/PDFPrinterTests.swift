// The PDF printer through the real Chromium: tagged, paper size, title, fonts embedded (checked
// with poppler's pdfinfo and pdffonts), several documents at once, the browser gone afterwards.
import Foundation
import Testing
@testable import MentorDocs

/// Runs a tool and returns its standard output, or nil when it is not installed.
func runTool(_ tool: String, _ arguments: [String]) -> (status: Int32, out: String)? {
    guard let path = ["/usr/bin/", "/usr/local/bin/"].map({ $0 + tool }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether the PDF tests can run; they say why when they cannot (CI installs both).
let pdfToolsPresent: Bool = {
    let ok = PDFPrinter.isAvailable && runTool("pdfinfo", ["-v"]) != nil
    if !ok { print("PDF tests skipped: install chromium and poppler-utils (scripts/install-deps) to run them") }
    return ok
}()

func writeTemporary(_ bytes: [UInt8], name: String) throws -> String {
    let path = try temporaryFolder() + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// `Key: value` lines of pdfinfo.
func pdfinfo(_ path: String) -> [String: String] {
    var out: [String: String] = [:]
    for line in (runTool("pdfinfo", ["-enc", "UTF-8", path])?.out ?? "").split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return out
}

@Suite(.serialized, .enabled(if: pdfToolsPresent)) struct PDFPrinterTests {
    static let html = Array("""
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>Partnership Agreement — Zoë</title>
    <style>@page { size: A4; margin: 18mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
    body { font-family: serif; } h1 { break-after: page; }</style></head>
    <body><h1>Agreement</h1><p>Second page: Chloé and 陈</p></body></html>
    """.utf8)

    @Test func printsATaggedA4PDFWithTitleAndEmbeddedFonts() throws {
        let printer = try PDFPrinter(pages: 2)
        defer { printer.close() }
        let pdf = try printer.pdf(html: Self.html, paper: .a4)
        let path = try writeTemporary(pdf, name: "a.pdf")
        let info = pdfinfo(path)
        #expect(info["Tagged"] == "yes")
        #expect(info["Title"] == "Partnership Agreement — Zoë")
        #expect(info["Pages"] == "2")
        #expect(info["Page size"]?.hasSuffix("(A4)") == true, "\(info["Page size"] ?? "")")
        let fonts = runTool("pdffonts", [path])?.out.split(separator: "\n").dropFirst(2) ?? []
        #expect(!fonts.isEmpty)
        for line in fonts {
            // Columns: name type encoding emb sub uni object ID; `emb` is the third from the end
            // of the fixed columns, so read it from the right.
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(line)")
        }
    }

    @Test func printsLetterWhenAskedAndManyAtOnce() throws {
        let printer = try PDFPrinter(pages: 3)
        defer { printer.close() }
        let letter = Array(String(decoding: Self.html, as: UTF8.self).replacingOccurrences(of: "size: A4", with: "size: letter").utf8)
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let title = "Doc \(i)"
            let html = Array(String(decoding: letter, as: UTF8.self).replacingOccurrences(of: "Partnership Agreement — Zoë", with: title).utf8)
            results.set(i, Result { try printer.pdf(html: html, paper: .letter) })
        }
        for i in 0..<6 {
            let path = try writeTemporary(try results.get(i).get(), name: "\(i).pdf")
            let info = pdfinfo(path)
            #expect(info["Title"] == "Doc \(i)")
            #expect(info["Page size"] == "612 x 792 pts (letter)")
        }
    }

    @Test func theBrowserIsGoneAfterClose() throws {
        let printer = try PDFPrinter(pages: 1)
        let pid = printer.browserProcess
        #expect(kill(pid, 0) == 0)
        printer.close()
        #expect(livingProcesses(group: pid).isEmpty, "processes of the browser's group still running")
    }

    @Test func aMissingBrowserIsAClearError() {
        do {
            _ = try PDFPrinter(pages: 1, chromium: nil, environment: ["PATH": "/nonexistent"])
            Issue.record("a printer started without a browser")
        } catch {
            #expect(error.description.contains("apt-get install chromium"))
        }
    }
}

/// Processes of a process group that are running (not zombies waiting to be reaped).
func livingProcesses(group: pid_t) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.filter { Int($0) != nil }.compactMap { name -> String? in
        guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, fields[0] != "Z", fields[0] != "X", Int(fields[2]) == Int(group) else { return nil }
        return name
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[UInt8], Error>] = [:]
    func set(_ i: Int, _ r: Result<[UInt8], Error>) { lock.lock(); results[i] = r; lock.unlock() }
    func get(_ i: Int) -> Result<[UInt8], Error> { lock.lock(); defer { lock.unlock() }; return results[i]! }
}
