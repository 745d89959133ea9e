import Foundation
import Testing
@testable import Comments

/// Top-level order by configuration, with deterministic tie-breaks; replies stay chronological.
@Suite struct CommentOrderTests {
    let comments = [
        comment("10", at: 2, rating: 5),
        comment("9", at: 2, rating: 1),
        comment("b", at: 1, rating: 5),
        comment("a", at: 3, rating: 7),
        comment("r2", parent: "a", at: 9, rating: 100),
        comment("r1", parent: "a", at: 8, rating: -4),
    ]

    func outline(_ order: CommentOrder, _ comments: [Comment]? = nil) -> String {
        CommentThreading.section(from: comments ?? self.comments, options: ThreadingOptions(order: order)).outline
    }

    @Test func oldestFirst() {
        #expect(outline(.oldest) == "b 9 10 a[r1 r2]")
    }

    @Test func newestFirst() {
        #expect(outline(.newest) == "a[r1 r2] 10 9 b")
    }

    @Test func bestRatedFirst() {
        #expect(outline(.best) == "a[r1 r2] b 10 9")
    }

    @Test func orderDoesNotDependOnExportOrder() {
        for order in CommentOrder.allCases {
            #expect(outline(order, comments.reversed()) == outline(order))
        }
    }

    @Test func numericIDsCompareAsNumbers() {
        #expect(CommentOrdering.compareIDs("9", "10") == -1)
        #expect(CommentOrdering.compareIDs("010", "9") == 1)
        #expect(CommentOrdering.compareIDs("a", "b") == -1)
        #expect(CommentOrdering.compareIDs("10", "9a") == -1)
        #expect(CommentOrdering.compareIDs("7", "7") == 0)
    }

    @Test func identicalCommentsKeepExportOrder() {
        let twins = [comment("x", at: 1, text: "first"), comment("x", at: 1, text: "second")]
        let section = CommentThreading.section(from: twins, options: ThreadingOptions(order: .newest))
        #expect(section.threads.map(\.comment.text) == ["first", "second"])
    }
}
