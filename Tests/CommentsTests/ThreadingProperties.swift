import PropertyBased
import Testing
@testable import Comments

/// The threading rules hold for any parent graph: replies to missing comments, comments
/// answering themselves, reply cycles, ids used twice and every moderation status.
@Suite struct ThreadingProperties {
    @Test func everyApprovedCommentIsPublishedExactlyOnce() async {
        await propertyCheck(count: 300, input: RandomThreads.comments, RandomThreads.options) { comments, options in
            let section = CommentThreading.section(from: comments, options: options)
            let shown = section.allNodes.map(\.comment.text).sorted()
            let approved = comments.filter { $0.status == .approved }.map(\.text).sorted()
            #expect(shown == approved, "\(RandomThreads.describe(comments))")
            #expect(section.count == approved.count)
        }
    }

    /// Replies sit one level below the comment they are shown under, never deeper than allowed.
    @Test func depthsFollowTheNesting() async {
        await propertyCheck(count: 300, input: RandomThreads.comments, RandomThreads.options) { comments, options in
            let section = CommentThreading.section(from: comments, options: options)
            let maxDepth = min(max(0, options.maxDepth), CommentThreading.depthLimit)
            #expect(section.threads.allSatisfy { $0.depth == 0 })
            for node in section.allNodes {
                #expect(node.depth <= maxDepth)
                #expect(node.replies.allSatisfy { $0.depth == node.depth + 1 }, "\(RandomThreads.describe(comments))")
            }
        }
    }

    /// A reply is shown under a comment it answers directly or indirectly, never under a stranger.
    @Test func repliesSitUnderAnAncestor() async {
        await propertyCheck(count: 300, input: RandomThreads.comments, RandomThreads.options) { comments, options in
            let section = CommentThreading.section(from: comments, options: options)
            for node in section.allNodes {
                for reply in node.replies {
                    #expect(RandomThreads.answers(reply.comment, id: node.comment.id, parents: comments),
                            "\(reply.comment.id) under \(node.comment.id): \(RandomThreads.describe(comments))")
                }
            }
        }
    }

    @Test func threadingIsDeterministic() async {
        await propertyCheck(count: 100, input: RandomThreads.comments, RandomThreads.options) { comments, options in
            #expect(CommentThreading.section(from: comments, options: options) == CommentThreading.section(from: comments, options: options))
        }
    }
}

/// Random comment lists whose parent links form any graph.
enum RandomThreads {
    /// Ids come from a small pool so that replies often find a parent, sometimes a duplicate.
    static let ids = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
    /// Parents: pool ids, no parent, and ids that no comment has.
    static let parents: [String?] = ids + [nil, nil, nil, "missing", ""]

    static let status = Gen<Int>.value(in: 0...9).map { roll -> Comment.Status in
        switch roll {
        case 0: .pending
        case 1: .spam
        case 2: .trash
        default: .approved
        }
    }

    static let raw = zip(
        Gen<String?>.element(of: ids),
        Gen<String??>.element(of: parents),
        Gen<Int>.value(in: 0...30),
        Gen<Int>.value(in: -3...3),
        status
    )

    /// Each comment's text is unique (`c<position>`), so a published node names its source.
    static let comments = raw.array(of: 0...24).map { entries in
        entries.enumerated().map { position, entry in
            let (id, parent, minutes, rating, status) = entry
            return comment(id ?? "0", parent: parent ?? nil, at: minutes, rating: rating, status: status, text: "c\(position)")
        }
    }

    static let options = zip(
        Gen<CommentOrder?>.element(of: CommentOrder.allCases),
        Gen<Int>.value(in: -1...5),
        Gen<Int>.value(in: 0...10)
    ).map { order, depth, collapse in
        ThreadingOptions(order: order ?? .oldest, maxDepth: depth, collapseAfter: collapse)
    }

    /// Whether `reply` answers the comment with `id`, directly or through a chain of parents.
    static func answers(_ reply: Comment, id: String, parents comments: [Comment]) -> Bool {
        var seen: Set<String> = []
        var current = reply.parent
        while let parent = current, seen.insert(parent).inserted {
            if parent == id { return true }
            current = comments.first { $0.id == parent && $0.status == .approved }?.parent
        }
        return false
    }

    static func describe(_ comments: [Comment]) -> String {
        comments.map { "\($0.text):\($0.id)→\($0.parent ?? "nil")/\($0.status)" }.joined(separator: " ")
    }
}
