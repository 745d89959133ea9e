import Foundation

/// Turns fuzz bytes into the values the targets need.
public enum FuzzInput {
    /// The bytes as text; invalid UTF-8 becomes U+FFFD, as when magbuild reads a file.
    public static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }

    /// The text cut at each line that is exactly `separator`, at most `limit` parts.
    public static func parts(of text: String, separator: String, limit: Int) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == separator, parts.count < limit - 1 {
                parts.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        parts.append(current.joined(separator: "\n"))
        return parts
    }
}
