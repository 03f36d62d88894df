// The one protocol of the errors a user sees: each carries where the problem is, and prints like
// a compiler (`file:line:column: error: message`), so the command line shows every one as it is.

/// An error shown to the user as it is: its location, then what went wrong.
public protocol LocatedError: Error, Sendable, CustomStringConvertible {
    /// The file (and line and column, where known) the problem concerns.
    var location: SourceLocation { get }
    /// What went wrong, in one sentence.
    var message: String { get }
}

extension LocatedError {
    /// `file:line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }
}

extension Diagnostic: LocatedError {}

extension DiagnosticList: LocatedError {
    /// Where the first problem is.
    public var location: SourceLocation { diagnostics.first?.location ?? SourceLocation(file: "", line: 0, column: 0) }
    /// The first problem's message.
    public var message: String { diagnostics.first?.message ?? "" }
}

extension WriteError: LocatedError {
    /// The file that could not be written.
    public var location: SourceLocation { SourceLocation(file: path, line: 0, column: 0) }
    /// Why.
    public var message: String { "cannot write: \(reason)" }
}

extension OutputFolderError: LocatedError {
    /// The folder (or the path inside it) at fault.
    public var location: SourceLocation { SourceLocation(file: path, line: 0, column: 0) }
    /// Why it cannot be used.
    public var message: String { reason }
}
