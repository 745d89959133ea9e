import Comments

/// Merges imported comments into the comments an article already has.
///
/// Comments are the same when their ids are. An existing comment keeps its place and takes
/// the imported version's fields; new comments follow in chronological order (date, then id).
/// Merging the same import twice changes nothing, so re-importing an export is idempotent.
public enum CommentMerge {
    public struct Result: Sendable, Hashable {
        public var comments: [Comment]
        public var added: Int
        public var updated: Int
    }

    /// `imported` may repeat an id (several threads of one article); the first one counts.
    public static func merge(existing: [Comment], imported: [Comment]) -> Result {
        var importedByID: [String: Comment] = [:]
        var newComments: [Comment] = []
        for comment in imported where importedByID[comment.id] == nil {
            importedByID[comment.id] = comment
            newComments.append(comment)
        }
        var merged: [Comment] = []
        merged.reserveCapacity(existing.count + newComments.count)
        var updated = 0
        var existingIDs = Set<String>()
        for comment in existing {
            existingIDs.insert(comment.id)
            if let replacement = importedByID[comment.id] {
                if replacement != comment { updated += 1 }
                merged.append(replacement)
            } else {
                merged.append(comment)
            }
        }
        newComments.removeAll { existingIDs.contains($0.id) }
        newComments.sort(by: CommentOrdering.chronological)
        merged += newComments
        return Result(comments: merged, added: newComments.count, updated: updated)
    }
}
