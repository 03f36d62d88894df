// JSON-RPC over the DevTools pipe: NUL-ended JSON messages; calls from any thread, one reader
// thread matching each answer to its call by id. Events are not used and are dropped. A call may
// be sent ahead of the answer to the one before (`send`, then `wait`), saving a round trip; the
// browser runs a page's calls in order. The two big messages skip JSONSerialization: a document's
// HTML is escaped into its call by hand, and a PDF's base64 is cut out of its answer unparsed.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A DevTools connection to one browser.
final class DevToolsSession: @unchecked Sendable {
    private let input: Int32
    private let output: Int32
    private let condition = NSCondition()
    private let writeLock = NSLock()
    private var nextID = 0
    private var replies: [Int: [String: Any]] = [:]
    private var closed = false

    /// A session over the browser's pipe; its reader thread runs until the pipe closes.
    init(browser: Browser) {
        input = browser.input
        output = browser.output
        let thread = Thread { [self] in readLoop() }
        thread.name = "mentordocs devtools"
        thread.start()
    }

    /// Calls `method` (on a page when `session` is given) and waits for its result.
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil,
              timeout: Double = 60) throws(PDFError) -> [String: Any] {
        try wait(try send(method, params, session: session), method: method, timeout: timeout)
    }

    /// Sends `method` without waiting; `wait` takes its answer.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws(PDFError) -> Int {
        guard let json = try? JSONSerialization.data(withJSONObject: params) else {
            throw PDFError("cannot encode the DevTools call \(method)")
        }
        return try send(method, json: [UInt8](json), session: session)
    }

    /// Sends `method` with its parameters already written as a JSON object.
    func send(_ method: String, json params: [UInt8], session: String?) throws(PDFError) -> Int {
        condition.lock()
        nextID += 1
        let id = nextID
        let gone = closed
        condition.unlock()
        if gone { throw PDFError("the browser has stopped") }
        // Method and session id are the browser's or ours: plain ASCII without quotes.
        var bytes = Array("{\"id\":\(id),\"method\":\"\(method)\",".utf8)
        if let session { bytes += Array("\"sessionId\":\"\(session)\",".utf8) }
        bytes += Array("\"params\":".utf8)
        bytes += params
        bytes += [UInt8(ascii: "}"), 0]
        try send(Data(bytes), method: method)
        return id
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as `\u00XX`, the rest
    /// as the UTF-8 it is.
    static func jsonString(_ text: [UInt8], into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.reserveCapacity(out.count + text.count + 64)
        out.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 10: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Waits for the answer to call `id`.
    func wait(_ id: Int, method: String, timeout: Double = 60) throws(PDFError) -> [String: Any] {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while replies[id] == nil {
            if closed { throw PDFError("the browser stopped during \(method)") }
            if !condition.wait(until: deadline) && replies[id] == nil {
                throw PDFError("the browser did not answer \(method) within \(Int(timeout)) s")
            }
        }
        let reply = replies.removeValue(forKey: id)!
        if let error = reply["error"] as? [String: Any] {
            throw PDFError("\(method): \(error["message"] as? String ?? "failed")")
        }
        return reply["result"] as? [String: Any] ?? [:]
    }

    private func send(_ bytes: Data, method: String) throws(PDFError) {
        writeLock.lock()
        defer { writeLock.unlock() }
        let failed: Bool = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(input, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return true }
                offset += n
            }
            return false
        }
        if failed { throw PDFError("cannot send \(method) to the browser: \(String(cString: strerror(errno)))") }
    }

    private func readLoop() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            // Only the new bytes are searched for the end of a message: a PDF's answer is
            // megabytes of base64 arriving in many reads.
            var from = buffer.count
            buffer.append(contentsOf: chunk[0..<n])
            var start = 0
            while let end = buffer[from...].firstIndex(of: 0) {
                deliver(Data(buffer[start..<end]))
                start = end + 1
                from = start
            }
            if start > 0 { buffer.removeFirst(start) }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The start of a PDF's answer, `{"id":N,"result":{"data":"`, as Chromium writes it.
    private static let dataStart = Array(",\"result\":{\"data\":\"".utf8)

    /// The id and the base64 of an answer `{"id":N,"result":{"data":"..."}...`; nil for any other
    /// message (which goes through JSONSerialization).
    static func pdfAnswer(_ data: Data) -> (Int, Range<Int>)? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Int, Range<Int>)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count > 8, bytes.starts(with: "{\"id\":".utf8) else { return nil }
            var i = 6, id = 0
            while i < min(bytes.count, 24), (48...57).contains(bytes[i]) { id = id * 10 + Int(bytes[i] - 48); i += 1 }
            guard i > 6, bytes[i...].starts(with: dataStart) else { return nil }
            let start = i + dataStart.count
            // Base64 has no quote or backslash: the first quote ends it, and no escape is in it.
            guard start < bytes.count, let quote = memchr(raw.baseAddress! + start, 0x22, bytes.count - start) else { return nil }
            let end = raw.baseAddress!.distance(to: UnsafeRawPointer(quote))
            guard memchr(raw.baseAddress! + start, 0x5C, end - start) == nil else { return nil }
            return (id, start..<end)
        }
    }

    private func deliver(_ data: Data) {
        // A PDF: its base64 is handed over as bytes (`Data` under "data"), not parsed as JSON.
        if data.count > 4096, let (id, range) = Self.pdfAnswer(data) {
            condition.lock()
            replies[id] = ["id": id, "result": ["data": data.subdata(in: range)]]
            condition.broadcast()
            condition.unlock()
            return
        }
        guard let message = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let id = message["id"] as? Int else { return }
        condition.lock()
        replies[id] = message
        condition.broadcast()
        condition.unlock()
    }
}
