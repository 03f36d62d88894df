// The XHTML 1.0 Strict DTD, parsed once from the system catalog and shared read-only by all threads.
import Foundation
internal import CLibXML2

/// The parsed XHTML 1.0 Strict DTD (Debian's w3c-sgml-lib, found through /etc/xml/catalog).
public final class XHTMLDTD: @unchecked Sendable {
    // Read-only after init: every content model is built here, so validation never writes to it.
    let pointer: xmlDtdPtr

    /// The process-wide DTD, loaded on first use.
    public static func shared() throws(XMLLayerError) -> XHTMLDTD {
        switch cached {
        case .success(let dtd): return dtd
        case .failure(let error): throw error
        }
    }

    private static let cached: Result<XHTMLDTD, XMLLayerError> = {
        do { return .success(try XHTMLDTD()) } catch let error as XMLLayerError { return .failure(error) } catch { return .failure(.dtdUnavailable("\(error)")) }
    }()

    static let systemID = "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"
    /// Where Debian's w3c-sgml-lib installs it (what /etc/xml/catalog maps the public id to).
    static let knownPaths = ["/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-xhtml1-20020801/xhtml1-strict.dtd"]

    private init() throws(XMLLayerError) {
        _ = LibXML.ready
        let collector = XMLErrorCollector()
        // Loading the catalog to look the public id up was a quarter of a cold start; where the
        // DTD sits at its Debian path (or MENTORDOCS_XHTML_DTD names it), read it directly. Its
        // entity files then resolve beside it, and libxml2 consults no catalog for files that exist.
        let direct = ([ProcessInfo.processInfo.environment["MENTORDOCS_XHTML_DTD"]].compactMap { $0 } + XHTMLDTD.knownPaths)
            .first { FileManager.default.fileExists(atPath: $0) }
        let dtd = collector.collecting {
            direct.flatMap { xmlParseDTD(nil, $0) } ?? xmlParseDTD(TemplateParser.xhtmlStrictPublicID, XHTMLDTD.systemID)
        }
        guard let dtd else {
            throw XMLLayerError.dtdUnavailable(collector.issues.first?.message ?? "not found")
        }
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
public enum XMLLayerError: Error, Sendable, CustomStringConvertible {
    case dtdUnavailable(String)
    case serialization(String)

    public var description: String {
        switch self {
        case .dtdUnavailable(let why):
            return "cannot load the XHTML 1.0 Strict DTD from the XML catalog (\(why)); install Debian's w3c-sgml-lib"
        case .serialization(let why): return "cannot serialize document: \(why)"
        }
    }
}
