// One 1-based source position, printed like a compiler: `file:line:column`.

/// A 1-based position in a participant file, template or roster.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as given by the user (or a label such as `<string>`).
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, dropping the parts that are unknown.
    public var description: String {
        let file = PrintedName.escaped(self.file) // a file name's control characters never reach the terminal raw
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
