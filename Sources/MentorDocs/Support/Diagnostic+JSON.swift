// Diagnostics as JSON, for `mentordocs check --format json` and other machines.
import Foundation

extension Diagnostic: Encodable {
    enum CodingKeys: String, CodingKey { case file, line, column, severity, message, path, suggestion, reachedThrough = "reached_through" }

    /// Encodes the location flat, beside the message, path, suggestion and what it was reached through.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location.file, forKey: .file)
        try c.encode(location.line, forKey: .line)
        try c.encode(location.column, forKey: .column)
        try c.encode(severity.rawValue, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(path, forKey: .path)
        try c.encodeIfPresent(suggestion, forKey: .suggestion)
        try c.encodeIfPresent(reachedThrough, forKey: .reachedThrough)
    }
}
