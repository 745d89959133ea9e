import Diagnostics
import Foundation

/// Reads and writes the native `comments.json` format (README, "Reader comments"):
/// `{"comments": [{"id", "parent", "author", "date", "text", "rating", "status"}, …]}`.
///
/// Parsing reports every problem of a file at once, each at `file:line:col`; writing is
/// deterministic, so re-importing unchanged comments leaves the file byte-identical.
public enum CommentFile {
    /// Parses a `comments.json`. `file` is the path relative to the site folder, for diagnostics.
    ///
    /// `id` and `parent` may be strings or integer numbers; unknown keys are ignored.
    /// - Throws: `DiagnosticList` with `file:line:col` errors: a JSON syntax error alone,
    ///   or every bad comment (missing key, wrong type, bad date, unknown status, duplicate id).
    public static func parse(_ data: Data, file: String) throws -> [Comment] {
        let bytes = [UInt8](data)
        var source = JSONSourceFile(file: file, bytes: bytes)
        let root: JSONNode
        do throws(JSONSyntaxError) {
            root = try JSONReader.read(bytes)
        } catch {
            throw DiagnosticList([source.error(at: error.offset, error.message)])
        }
        var decoder = CommentDecoder(source: source)
        let comments = decoder.decodeFile(root)
        if !decoder.diagnostics.isEmpty { throw DiagnosticList(decoder.diagnostics) }
        return comments
    }

    /// The file contents for `comments`, in the given order: pretty-printed, two-space
    /// indent, keys in the documented order, every key written, dates in UTC, and a final newline.
    public static func encode(_ comments: [Comment]) -> Data {
        Data(CommentWriter.json(for: comments).utf8)
    }
}
