// Prints HTML documents to PDF with one browser for the whole run: a fixed pool of pages (tabs),
// each document loaded from memory into a free one, so at most `pages` print at once.
import Foundation

/// Turns validated HTML5 documents into tagged PDFs; safe to call from many threads at once.
public final class PDFPrinter: @unchecked Sendable {
    /// How many documents print at once.
    public let pages: Int
    private let browser: Browser
    private let session: DevToolsSession
    private let pool = NSCondition()
    private var free: [Page] = []
    private var broken: PDFError?

    /// A page of the browser: its DevTools session and main frame.
    private struct Page { let session: String; let frame: String }

    /// How many pages print at once unless told: `$MENTORDOCS_PDF_PAGES` (1 to 64), else
    /// `perCore` for each processor. A print waits on the browser's processes in turn, so
    /// more pages than cores keep them all busy.
    public static func defaultPages(perCore: Int = 2,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["MENTORDOCS_PDF_PAGES"], let n = Int(text), (1...64).contains(n) { return n }
        return max(2, perCore * ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Whether a browser is installed to print with.
    public static var isAvailable: Bool { Browser.locate() != nil }

    /// Starts the browser (`$CHROMIUM`, else `chromium` on PATH) with `pages` pages; throws a
    /// message naming the package to install when there is none.
    public init(pages: Int = 4, chromium: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(PDFError) {
        guard let executable = chromium ?? Browser.locate(environment: environment) else { throw Browser.missing(environment: environment) }
        self.pages = max(1, pages)
        browser = try Browser(executable: executable)
        session = DevToolsSession(browser: browser)
        do {
            for _ in 0..<max(1, pages) {
                let target = try session.call("Target.createTarget", ["url": "about:blank"], timeout: 30)
                guard let targetID = target["targetId"] as? String else { throw PDFError("the browser made no page") }
                let attached = try session.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
                guard let id = attached["sessionId"] as? String else { throw PDFError("cannot attach to the browser's page") }
                let tree = try session.call("Page.getFrameTree", session: id)
                guard let frame = (tree["frameTree"] as? [String: Any])?["frame"] as? [String: Any],
                      let frameID = frame["id"] as? String else { throw PDFError("the browser's page has no frame") }
                free.append(Page(session: id, frame: frameID))
            }
        } catch {
            browser.stop()
            throw PDFError("cannot start Chromium (\(executable)) for printing: \(error)")
        }
    }

    /// The PDF of one HTML5 document on `paper`: tagged, fonts embedded, the page size, margins,
    /// running header and page numbers of the document's own `@page` rule.
    public func pdf(html: [UInt8], paper: RenderOptions.Paper) throws(PDFError) -> [UInt8] {
        let page = try take()
        do {
            let bytes = try print(html, paper: paper, on: page)
            give(page)
            return bytes
        } catch {
            give(page)
            throw error
        }
    }

    /// The browser's process id, which is also its process group.
    var browserProcess: pid_t { browser.pid }

    /// Ends the browser; later calls fail. Also done when the printer is released.
    public func close() {
        pool.lock()
        broken = broken ?? PDFError("the PDF printer is closed")
        pool.broadcast()
        pool.unlock()
        browser.stop()
    }

    deinit { browser.stop() }

    private func print(_ html: [UInt8], paper: RenderOptions.Paper, on page: Page) throws(PDFError) -> [UInt8] {
        var content = Array("{\"frameId\":\"\(page.frame)\",\"html\":".utf8)
        DevToolsSession.jsonString(html, into: &content)
        content.append(UInt8(ascii: "}"))
        let load = try session.send("Page.setDocumentContent", json: content, session: page.session)
        // Sent at once, without waiting for the content to be set: the page runs its calls in
        // order. No wait for fonts: templates load nothing (no @font-face, no images), and the
        // print call lays the page out with the system's fonts itself.
        let size = paper.inches
        let printing = try session.send("Page.printToPDF", [
            "preferCSSPageSize": true, "paperWidth": size.width, "paperHeight": size.height,
            // The running header and page numbers are the document's @page margin boxes; the
            // browser's own header (URL, date) stays off.
            "displayHeaderFooter": false, "printBackground": true, "generateTaggedPDF": true,
        ], session: page.session)
        var failure: PDFError?
        do { _ = try session.wait(load, method: "Page.setDocumentContent") } catch { failure = error }
        // The print's answer is taken even after a failed load, so it never lands on a later call.
        let result: [String: Any]
        do { result = try session.wait(printing, method: "Page.printToPDF", timeout: 120) } catch { throw failure ?? error }
        if let failure { throw failure }
        let data: Data?
        if let raw = result["data"] as? Data { data = Data(base64Encoded: raw) } else { data = (result["data"] as? String).flatMap { Data(base64Encoded: $0) } }
        guard let data else { throw PDFError("the browser returned no PDF") }
        return [UInt8](data)
    }

    private func take() throws(PDFError) -> Page {
        pool.lock()
        defer { pool.unlock() }
        while free.isEmpty && broken == nil { pool.wait() }
        if let broken { throw broken }
        return free.removeLast()
    }

    private func give(_ page: Page) {
        pool.lock()
        free.append(page)
        pool.signal()
        pool.unlock()
    }
}

extension RenderOptions.Paper {
    /// Width and height in inches, as the DevTools print call takes them.
    var inches: (width: Double, height: Double) {
        self == .a4 ? (210 / 25.4, 297 / 25.4) : (8.5, 11)
    }
}
