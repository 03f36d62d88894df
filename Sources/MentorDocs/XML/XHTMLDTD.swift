// The XHTML 1.0 Strict DTD, parsed once from the copy that ships with mentordocs and shared
// read-only by all threads. No XML catalog is consulted, so no system package is needed.
import Foundation
internal import CLibXML2

/// The parsed XHTML 1.0 Strict DTD, read from the built-in resources (or a folder a test names).
final class XHTMLDTD: @unchecked Sendable {
    // Read-only after init: every content model is built here, so validation never writes to it.
    let pointer: xmlDtdPtr
    /// The DTD file that was read.
    public let path: String

    /// The process-wide DTD, loaded on first use from the built-in resources.
    public static func shared() throws(XMLLayerError) -> XHTMLDTD {
        switch cached {
        case .success(let dtd): return dtd
        case .failure(let error): throw error
        }
    }

    /// Starts parsing the shared DTD on a thread of its own, so that a short run reads its input
    /// and compiles its templates meanwhile; `shared()` waits for it. Fails at once, as
    /// `shared()` would, when the DTD folder is missing. Not a pooled worker: the pool's one
    /// free worker may be taken by the templates' compile first, and the DTD then starts only
    /// after it (3 ms of a 20 ms cold render spent waiting). The thread then waits for the
    /// process to end instead of ending: one that ends makes the allocator put away its heap.
    static func startLoading() throws(XMLLayerError) {
        guard BuiltInResources.dtd != nil else { _ = try shared(); return }
        _ = LibXML.ready
        loader.withLock { started in
            guard !started else { return }
            started = true
            let thread = Thread {
                _ = try? XHTMLDTD.shared()
                while true { Thread.sleep(forTimeInterval: 86_400) }
            }
            thread.name = "mentordocs dtd"
            thread.start()
        }
    }

    /// Whether the loading thread was started.
    private static let loader = Locked(false)

    private static let cached: Result<XHTMLDTD, XMLLayerError> = {
        guard let folder = BuiltInResources.dtd else {
            return .failure(.dtdUnavailable("the built-in DTD folder is missing beside the mentordocs binary; reinstall mentordocs"))
        }
        do { return .success(try XHTMLDTD(folder: folder)) } catch let error as XMLLayerError { return .failure(error) } catch { return .failure(.dtdUnavailable("\(error)")) }
    }()

    static let systemID = "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"
    /// The DTD's file name in a DTD folder; its entity sets sit beside it.
    static let fileName = "xhtml1-strict.dtd"

    /// Parses `folder/xhtml1-strict.dtd`; its entity sets are read from the same folder.
    init(folder: String) throws(XMLLayerError) {
        _ = LibXML.ready
        let collector = XMLErrorCollector()
        let file = folder + "/" + XHTMLDTD.fileName
        // The entity sets are named by relative system ids, which libxml2 resolves beside the DTD.
        let dtd = collector.collecting { FileManager.default.fileExists(atPath: file) ? xmlParseDTD(nil, file) : nil }
        // A missing entity set is only a warning to libxml2; here it is a broken installation.
        let problem = collector.issues.first
        guard let dtd, problem == nil else {
            if let dtd { xmlFreeDtd(dtd) }
            throw XMLLayerError.dtdUnavailable("\(problem?.file ?? file): " + (problem?.message ?? "not found"))
        }
        path = file
        pointer = dtd
        // libxml2 builds content models lazily, writing into the DTD; build them all now.
        let context = xmlNewValidCtxt()
        defer { xmlFreeValidCtxt(context) }
        var node = dtd.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_DECL {
                let element = UnsafeMutableRawPointer(n).assumingMemoryBound(to: xmlElement.self)
                if element.pointee.etype == XML_ELEMENT_TYPE_ELEMENT {
                    xmlValidBuildContentModel(context, element)
                }
            }
            node = n.pointee.next
        }
    }

    deinit { xmlFreeDtd(pointer) }
}

/// Failures of the XML layer itself (as opposed to located problems in a template or document).
enum XMLLayerError: LocatedError {
    case dtdUnavailable(String)
    case serialization(String)

    /// The program's own files, not the user's: these are failures of an installation.
    public var location: SourceLocation { SourceLocation(file: "mentordocs", line: 0, column: 0) }

    public var message: String {
        switch self {
        case .dtdUnavailable(let why):
            return "cannot load the XHTML 1.0 Strict DTD: \(why)"
        case .serialization(let why): return "cannot serialize document: \(why)"
        }
    }
}
