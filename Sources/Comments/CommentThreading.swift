/// Builds the comment section from the exported comments.
///
/// Rules:
/// - Only `approved` comments are published, each exactly once.
/// - A reply sits under its parent. Replies deeper than `maxDepth` (0 = top level) are shown
///   flat among the replies of their ancestor at depth `maxDepth - 1`, chronologically, and
///   keep their `replyTo` label.
/// - `replyTo` is the parent's author whenever the parent exists in the export, even when it
///   is not published; such a reply, and a reply whose parent is missing (label nil), is shown
///   as a top-level thread. A comment naming itself as its parent is not a reply.
/// - A reply cycle (a → b → a) is cut at its oldest comment, which becomes top-level and keeps its label.
/// - Top-level threads follow `options.order`; ties go by id, then by position in the export.
///   Replies are always oldest first.
public enum CommentThreading {
    /// `ThreadingOptions.maxDepth` is clamped to `0...depthLimit`, so the nesting of
    /// `CommentNode` values (and any recursive walk over them) stays shallow.
    public static let depthLimit = 32

    /// Publishes every approved comment exactly once, nested under its parent.
    public static func section(from comments: [Comment], options: ThreadingOptions) -> CommentSection {
        let maxDepth = min(max(0, options.maxDepth), depthLimit)
        let forest = ReplyForest(comments: comments, maxDepth: maxDepth)
        guard !forest.published.isEmpty else { return .empty }

        var topLevel: [Int] = []
        var replies = [[Int]](repeating: [], count: comments.count)
        for index in forest.published {
            if let parent = forest.displayParent[index] {
                replies[parent].append(index)
            } else {
                topLevel.append(index)
            }
        }

        // Build bottom-up: in reverse breadth-first order every reply is finished before the
        // comment it is shown under.
        var built = [CommentNode?](repeating: nil, count: comments.count)
        for index in forest.published.reversed() {
            var shown = replies[index]
            CommentOrdering.sort(&shown, of: comments, by: CommentOrdering.chronological)
            var nodes: [CommentNode] = []
            nodes.reserveCapacity(shown.count)
            for reply in shown {
                if let node = built[reply] { nodes.append(node) }
                built[reply] = nil
            }
            let comment = comments[index]
            built[index] = CommentNode(
                comment: comment,
                html: ReaderText.html(from: comment.text),
                replyTo: forest.replyTo[index],
                depth: forest.displayDepth[index],
                isLong: CharacterCount.exceeds(comment.text, options.collapseAfter),
                replies: nodes
            )
        }

        CommentOrdering.sort(&topLevel, of: comments) { CommentOrdering.precedes($0, $1, in: options.order) }
        let threads = topLevel.compactMap { built[$0] }
        return CommentSection(threads: threads, count: forest.published.count)
    }
}
