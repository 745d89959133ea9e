/// Builds the comment section from the exported comments.
public enum CommentThreading {
    /// Publishes every approved comment exactly once, nested under its parent.
    public static func section(from comments: [Comment], options: ThreadingOptions) -> CommentSection {
        fatalError("CommentThreading is not implemented yet")
    }
}
