import Comments
import Diagnostics

/// What an import did (or, with `--dry-run`, would do).
public struct ImportReport: Sendable {
    /// One article's comment file.
    public struct ArticleChange: Sendable, Hashable {
        /// Relative to the site folder.
        public var file: String
        /// Comments in the file after the import.
        public var total: Int
        public var added: Int
        public var updated: Int
        /// Whether the file's bytes change (false: already up to date).
        public var changed: Bool
    }

    /// An export thread with comments that matched no article.
    public struct UnmatchedThread: Sendable, Hashable {
        public var link: String
        public var comments: Int
    }

    public var articles: [ArticleChange] = []
    public var unmatched: [UnmatchedThread] = []
    /// Comments read from the export, every status.
    public var comments = 0
    public var statusCounts: [Comment.Status: Int] = [:]
    public var skippedPings = 0
    /// Warnings about entries that were skipped, at `file:line:col`.
    public var warnings: [Diagnostic] = []
    public var dryRun = false

    /// The closing line: `imported 1234 comments (1200 approved, …) into 12 articles; …`.
    public var summary: String {
        let statuses = Comment.Status.allCases.compactMap { status in
            statusCounts[status].map { "\($0) \(status.rawValue)" }
        }
        let changed = articles.filter(\.changed).count
        var line = dryRun ? "dry run: would import " : "imported "
        line += "\(comments) comment\(comments == 1 ? "" : "s")"
        if !statuses.isEmpty { line += " (" + statuses.joined(separator: ", ") + ")" }
        line += " into \(articles.count) article\(articles.count == 1 ? "" : "s")"
        line += dryRun ? ", \(changed) file\(changed == 1 ? "" : "s") would change" : ", \(changed) file\(changed == 1 ? "" : "s") changed"
        if skippedPings > 0 { line += "; \(skippedPings) pingback\(skippedPings == 1 ? "" : "s")/trackbacks skipped" }
        if !unmatched.isEmpty {
            let count = unmatched.reduce(0) { $0 + $1.comments }
            line += "; \(unmatched.count) thread\(unmatched.count == 1 ? "" : "s") with \(count) comment\(count == 1 ? "" : "s") matched no article"
        }
        return line
    }
}
