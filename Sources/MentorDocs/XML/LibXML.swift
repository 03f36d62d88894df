// One-time libxml2 set-up: parser globals, no XML catalog, and a loader that never reaches the network.
import Foundation
internal import CLibXML2

/// libxml2's process-wide state, initialised once before any parse or validation.
enum LibXML {
    /// Touch this before starting worker threads; Swift runs the initialiser exactly once.
    static let ready: Void = {
        xmlInitParser()
        // The DTD and its entity sets ship with mentordocs: never read the system catalog, so the
        // output does not depend on what the machine has installed (and a cold start skips it).
        xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE)
        // xmlParseDTD and validation ignore XML_PARSE_NONET; this loader refuses network URLs for them.
        xmlSetExternalEntityLoader(loadEntity)
    }()

    /// Whether libxml2 is set never to consult an XML catalog (for the tests).
    static var catalogsDisabled: Bool {
        _ = ready
        return xmlCatalogGetDefaults() == XML_CATA_ALLOW_NONE
    }

    /// The external-entity loader: local files only (the DTD's entity sets, beside it).
    static let loadEntity: xmlExternalEntityLoader = { url, id, context in
        xmlNoNetExternalEntityLoader(url, id, context)
    }

    /// The version libxml2 reports, for `--version` and bug reports.
    static var version: String { String(cString: mentordocs_xmlParserVersion()) }
}

/// Bridges libxml2's structured-error callback to Swift: collects every message of one call.
final class XMLErrorCollector {
    struct Issue {
        var message: String
        var file: String?
        var line: Int
        var column: Int
        var isWarning: Bool
        var node: UnsafeMutableRawPointer?
        /// libxml2's error code (xmlParserErrors).
        var code: Int32 = 0
    }

    var issues: [Issue] = []

    /// Runs `body` with this collector installed on the current thread, then removes it.
    /// The handler is per thread in libxml2 2.9, so set and clear it within one synchronous call.
    func collecting<T>(_ body: () throws -> T) rethrows -> T {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context, { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let e = error.pointee
            var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
            while message.last?.isNewline == true { message.removeLast() }
            collector.issues.append(Issue(
                message: message, file: e.file.map { String(cString: $0) },
                line: Int(e.line), column: Int(e.int2),
                isWarning: e.level == XML_ERR_WARNING, node: e.node, code: e.code))
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }
}
