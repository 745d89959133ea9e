import Diagnostics
import Foundation

/// Reads and writes the native `comments.json` format.
public enum CommentFile {
    /// Parses a `comments.json`. `file` is the path relative to the site folder, for diagnostics.
    /// - Throws: `DiagnosticList` with `file:line:col` errors.
    public static func parse(_ data: Data, file: String) throws -> [Comment] {
        fatalError("CommentFile is not implemented yet")
    }
}
