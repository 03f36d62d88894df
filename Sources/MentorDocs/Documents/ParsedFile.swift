// One template file's parse, shared by the templates that include it: the first thread to ask
// parses it, the others wait for that result instead of parsing it again.

/// A template file's tree and text, made once however many threads ask at the same time.
final class ParsedFile: Sendable {
    private let state = Locked<Result<(XMLTree.Element, SourceText), DiagnosticList>?>(nil)

    /// The parse, made by `make` under this file's lock on the first call (other files' parses go on meanwhile).
    func result(_ make: () -> Result<(XMLTree.Element, SourceText), DiagnosticList>) -> Result<(XMLTree.Element, SourceText), DiagnosticList> {
        state.withLock { cached in
            if let cached { return cached }
            let made = make()
            cached = made
            return made
        }
    }
}
