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
        /// The article the thread may have been meant for (same slug or the closest path), as its URL.
        public var hint: String?

        public init(link: String, comments: Int, hint: String? = nil) {
            self.link = link
            self.comments = comments
            self.hint = hint
        }
    }

    /// How many comments one reason concerns: `without wp:comment_id` (skipped) or
    /// `without wp:comment_approved, taken as approved` (a default applied).
    public struct Tally: Sendable, Hashable {
        public var reason: String
        public var count: Int
    }

    public var articles: [ArticleChange] = []
    public var unmatched: [UnmatchedThread] = []
    /// Comments read from the export, every status.
    public var comments = 0
    /// Comment entries found in the export, whether read or skipped (pingbacks included).
    public var commentEntries = 0
    public var statusCounts: [Comment.Status: Int] = [:]
    public var skippedPings = 0
    /// Comments left out, by reason, in the order first met.
    public var skipped: [Tally] = []
    /// Fields the export lacked and the import filled in, by rule.
    public var defaults: [Tally] = []
    /// Repairs made to a damaged export before it was read, at `file:line:col`.
    public var repairs: [Diagnostic] = []
    /// How many repairs were made (``repairs`` shows the first few of each kind).
    public var repairCount = 0
    /// Warnings about entries that were skipped or completed, at `file:line:col` (the first
    /// few of each reason).
    public var warnings: [Diagnostic] = []
    public var dryRun = false

    /// Comments left out for any reason but being a pingback or trackback.
    public var skippedCount: Int { skipped.reduce(0) { $0 + $1.count } }

    /// The closing line: `imported 1234 comments (1200 approved, …) into 12 articles; …`.
    public var summary: String {
        let statuses = Comment.Status.allCases.compactMap { status in
            statusCounts[status].map { "\($0) \(status.rawValue)" }
        }
        let changed = articles.filter(\.changed).count
        var line = dryRun ? "dry run: would import " : "imported "
        line += Self.counted(comments, "comment")
        if !statuses.isEmpty { line += " (" + statuses.joined(separator: ", ") + ")" }
        line += " into " + Self.counted(articles.count, "article")
        line += dryRun ? ", \(Self.counted(changed, "file")) would change" : ", \(Self.counted(changed, "file")) changed"
        if skippedPings > 0 { line += "; \(skippedPings) pingback\(skippedPings == 1 ? "" : "s")/trackbacks skipped" }
        if !skipped.isEmpty {
            line += "; \(Self.counted(skippedCount, "comment")) skipped (" + Self.list(skipped) + ")"
        }
        if !defaults.isEmpty { line += "; defaults: " + Self.list(defaults) }
        if repairCount > 0 { line += "; \(Self.counted(repairCount, "repair")) to the export" }
        if !unmatched.isEmpty {
            let count = unmatched.reduce(0) { $0 + $1.comments }
            line += "; \(Self.counted(unmatched.count, "thread")) with \(Self.counted(count, "comment")) matched no article"
        }
        return line
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func list(_ tallies: [Tally]) -> String {
        tallies.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
    }
}
