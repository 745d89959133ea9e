/// A published comment placed in its thread, ready to render.
public struct CommentNode: Sendable, Hashable {
    public var comment: Comment
    /// The reader text as safe HTML (see `ReaderText`).
    public var html: String
    /// The author of the comment this one answers ("Antwort an Thorsten"), nil for top-level comments
    /// that never were replies. Replies whose parent is missing keep their label.
    public var replyTo: String?
    /// 0 for top-level comments; never more than the configured maximum depth.
    public var depth: Int
    /// True when the text is longer than the configured collapse length.
    public var isLong: Bool
    /// Replies shown under this comment, chronological.
    public var replies: [CommentNode]

    public init(comment: Comment, html: String, replyTo: String?, depth: Int, isLong: Bool, replies: [CommentNode]) {
        self.comment = comment
        self.html = html
        self.replyTo = replyTo
        self.depth = depth
        self.isLong = isLong
        self.replies = replies
    }
}

/// The comment section of one article: the threads in display order and the count of published comments.
public struct CommentSection: Sendable, Hashable {
    public var threads: [CommentNode]
    public var count: Int

    public init(threads: [CommentNode], count: Int) {
        self.threads = threads
        self.count = count
    }

    public static let empty = CommentSection(threads: [], count: 0)
}

/// Settings for building a comment section.
public struct ThreadingOptions: Sendable, Hashable {
    public var order: CommentOrder
    public var maxDepth: Int
    /// Comments with more characters than this are collapsed.
    public var collapseAfter: Int

    public init(order: CommentOrder = .oldest, maxDepth: Int = 3, collapseAfter: Int = 600) {
        self.order = order
        self.maxDepth = maxDepth
        self.collapseAfter = collapseAfter
    }
}
