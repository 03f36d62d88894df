// JSON-RPC over the DevTools pipe: NUL-ended JSON messages; calls from any thread, one reader
// thread matching each answer to its call by id. Events are not used and are dropped.
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
        condition.lock()
        nextID += 1
        let id = nextID
        let gone = closed
        condition.unlock()
        if gone { throw PDFError("the browser has stopped") }
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        guard var bytes = try? JSONSerialization.data(withJSONObject: message) else {
            throw PDFError("cannot encode the DevTools call \(method)")
        }
        bytes.append(0)
        try send(bytes, method: method)

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

    private func deliver(_ data: Data) {
        guard let message = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let id = message["id"] as? Int else { return }
        condition.lock()
        replies[id] = message
        condition.broadcast()
        condition.unlock()
    }
}
