import Foundation
import Testing
@testable import Comments

/// Which comments are published, where replies go, and their labels.
@Suite struct CommentThreadingTests {
    let options = ThreadingOptions(order: .oldest, maxDepth: 3, collapseAfter: 20)

    @Test func onlyApprovedCommentsArePublished() {
        let section = CommentThreading.section(from: [
            comment("1", at: 1),
            comment("2", at: 2, status: .pending),
            comment("3", at: 3, status: .spam),
            comment("4", at: 4, status: .trash),
            comment("5", parent: "1", at: 5),
        ], options: options)
        #expect(section.outline == "1[5]")
        #expect(section.count == 2)
    }

    @Test func emptyAndAllHidden() {
        #expect(CommentThreading.section(from: [], options: options) == .empty)
        #expect(CommentThreading.section(from: [comment("1", status: .spam)], options: options) == .empty)
    }

    @Test func nodesCarryHTMLLabelsDepthAndLength() {
        let section = CommentThreading.section(from: [
            comment("1", at: 1, text: "<b>short</b>"),
            comment("2", parent: "1", at: 2, text: String(repeating: "ä", count: 21)),
        ], options: options)
        let top = section.threads[0]
        #expect(top.html == "<p>&lt;b&gt;short&lt;/b&gt;</p>")
        #expect(top.replyTo == nil && top.depth == 0 && !top.isLong)
        let reply = top.replies[0]
        #expect(reply.replyTo == "A1" && reply.depth == 1 && reply.isLong)
    }

    @Test func repliesNestChronologically() {
        let section = CommentThreading.section(from: [
            comment("4", parent: "1", at: 9),
            comment("1", at: 1),
            comment("3", parent: "1", at: 3),
            comment("5", parent: "3", at: 4),
            comment("2", at: 2),
        ], options: options)
        #expect(section.outline == "1[3[5] 4] 2")
        #expect(section.count == 5)
    }

    @Test func deepRepliesAreFlattenedBelowMaxDepth() {
        // 1 ← 2 ← 3 ← 4 ← 5 ← 6, and 7 answers 5; maxDepth 3.
        let chain = (1...6).map { comment(String($0), parent: $0 > 1 ? String($0 - 1) : nil, at: $0) }
        let section = CommentThreading.section(from: chain + [comment("7", parent: "5", at: 5)], options: options)
        #expect(section.outline == "1[2[3[4 5 7 6]]]")
        let flat = section.threads[0].replies[0].replies[0].replies
        #expect(flat.map(\.depth) == [3, 3, 3, 3])
        #expect(flat.map { $0.replyTo ?? "-" } == ["A3", "A4", "A5", "A5"])
    }

    @Test func maxDepthZeroKeepsEveryCommentTopLevel() {
        let section = CommentThreading.section(from: [
            comment("1", at: 1), comment("2", parent: "1", at: 2), comment("3", parent: "2", at: 3),
        ], options: ThreadingOptions(order: .newest, maxDepth: 0))
        #expect(section.outline == "3 2 1")
        #expect(section.threads.map { $0.replyTo ?? "-" } == ["A2", "A1", "-"])
        #expect(section.threads.allSatisfy { $0.depth == 0 })
    }

    @Test func repliesToUnpublishedCommentsAreTopLevelWithLabel() {
        let section = CommentThreading.section(from: [
            comment("1", at: 1, status: .pending),
            comment("2", parent: "1", at: 2),
            comment("3", parent: "2", at: 3),
        ], options: options)
        #expect(section.outline == "2[3]")
        #expect(section.threads[0].replyTo == "A1")
    }

    @Test func repliesToMissingCommentsAreTopLevelWithoutLabel() {
        let section = CommentThreading.section(from: [
            comment("1", at: 1), comment("2", parent: "999", at: 2),
        ], options: options)
        #expect(section.outline == "1 2")
        #expect(section.threads[1].replyTo == nil)
    }

    @Test func cyclesAreCutAtTheirOldestComment() {
        let section = CommentThreading.section(from: [
            comment("a", parent: "b", at: 5),
            comment("b", parent: "c", at: 1),
            comment("c", parent: "a", at: 3),
            comment("d", parent: "c", at: 4),
        ], options: options)
        #expect(section.outline == "b[a[c[d]]]")
        #expect(section.threads[0].replyTo == "Ac")
        #expect(section.count == 4)
    }

    @Test func cycleCutDoesNotDependOnExportOrder() {
        let comments = [
            comment("1", parent: "2", at: 2), comment("2", parent: "3", at: 3), comment("3", parent: "1", at: 1),
        ]
        let sections = [comments, comments.reversed(), [comments[1], comments[2], comments[0]]].map {
            CommentThreading.section(from: $0, options: options)
        }
        #expect(sections.allSatisfy { $0.outline == "3[2[1]]" })
    }

    @Test func selfParentIsNotAReply() {
        let section = CommentThreading.section(from: [
            comment("1", parent: "1", at: 1), comment("2", parent: "1", at: 2),
        ], options: options)
        #expect(section.outline == "1[2]")
        #expect(section.threads[0].replyTo == nil)
    }

    @Test func everyPublishedCommentAppearsExactlyOnce() {
        var comments: [Comment] = []
        for index in 0..<2_000 {
            let parent = index % 7 == 0 ? nil : String((index * 31 + 17) % 2_000)
            let status: Comment.Status = index % 11 == 0 ? .spam : .approved
            comments.append(comment(String(index), parent: parent, at: index % 50, status: status))
        }
        let section = CommentThreading.section(from: comments, options: options)
        let ids = section.allNodes.map(\.comment.id)
        let expected = comments.filter { $0.status == .approved }.map(\.id)
        #expect(ids.count == expected.count)
        #expect(Set(ids) == Set(expected))
        #expect(section.count == expected.count)
        #expect(section.allNodes.allSatisfy { $0.depth <= 3 })
    }

    @Test func longReplyChainCompletes() {
        let length = 100_000
        var comments: [Comment] = []
        comments.reserveCapacity(length)
        for index in 0..<length {
            comments.append(comment(String(index), parent: index > 0 ? String(index - 1) : nil, at: index))
        }
        // Completing at all is the point: no recursion as deep as the chain.
        for maxDepth in [3, 1_000_000] {
            let section = CommentThreading.section(from: comments, options: ThreadingOptions(maxDepth: maxDepth))
            #expect(section.count == length)
            #expect(section.allNodes.count == length)
            #expect(section.allNodes.map(\.depth).max() == min(maxDepth, CommentThreading.depthLimit))
        }
    }

    @Test func longReplyCycleCompletes() {
        let length = 100_000
        let comments = (0..<length).map { comment(String($0), parent: String(($0 + 1) % length), at: $0) }
        let section = CommentThreading.section(from: comments, options: options)
        #expect(section.count == length)
        #expect(section.threads.map(\.comment.id) == ["0"])
    }
}
