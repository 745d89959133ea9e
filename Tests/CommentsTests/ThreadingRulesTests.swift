import Testing
@testable import Comments

/// Threading rules (README, "Reader comments") not covered elsewhere.
@Suite struct ThreadingRulesTests {
    @Test func bestOrderKeepsRepliesChronological() {
        let comments = [
            comment("1", at: 0, rating: 1),
            comment("2", at: 1, rating: 9),
            comment("3", parent: "1", at: 5, rating: 100),
            comment("4", parent: "1", at: 2, rating: -5),
        ]
        let section = CommentThreading.section(from: comments, options: ThreadingOptions(order: .best))
        #expect(section.outline == "2 1[4 3]")
    }

    @Test func hugeTextIsPublishedAndCollapsed() {
        let text = String(repeating: "Wort <script> ", count: 100_000)
        let section = CommentThreading.section(from: [comment("1", text: text)], options: ThreadingOptions(collapseAfter: 600))
        #expect(section.count == 1)
        #expect(section.threads.first?.isLong == true)
        #expect(section.threads.first?.html.contains("<script>") == false)
    }

    @Test func repliesLabelledEvenWhenFlattened() {
        let comments = (0..<10).map { comment(String($0), parent: $0 == 0 ? nil : String($0 - 1), at: $0) }
        let section = CommentThreading.section(from: comments, options: ThreadingOptions(maxDepth: 1))
        #expect(section.outline == "0[1 2 3 4 5 6 7 8 9]")
        #expect(section.allNodes.dropFirst().allSatisfy { $0.replyTo != nil && $0.depth == 1 })
        #expect(section.allNodes.last?.replyTo == "A8")
    }
}
