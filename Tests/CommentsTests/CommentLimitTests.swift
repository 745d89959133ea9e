import Foundation
import Testing
@testable import Comments

/// An article with 100,000 comments: the export parses, and the section is threaded,
/// in time linear in the number of comments and without recursion, whatever the shape.
@Suite struct CommentLimitTests {
    static let count = 100_000

    /// Threads of 20 comments, each replying to a scattered earlier one of its thread.
    static func bushyThreads() -> [Comment] {
        (0..<count).map { index in
            let threadStart = index - index % 20
            let parent = index == threadStart ? nil : String(threadStart + index * 7_919 % (index - threadStart))
            return comment(String(index), parent: parent, at: index, rating: index % 7 - 3,
                           status: index % 50 == 0 ? .spam : .approved, text: "c\(index)")
        }
    }

    @Test func hundredThousandCommentsAreThreaded() {
        let comments = Self.bushyThreads()
        let section = CommentThreading.section(from: comments, options: ThreadingOptions(order: .best, maxDepth: 3))
        #expect(section.count == Self.count - Self.count / 50)
        #expect(section.allNodes.count == section.count)
        #expect(section.allNodes.allSatisfy { $0.depth <= 3 })
    }

    /// The export format of 10,000 comments (the end-to-end test `LimitsTests` reads 100,000).
    @Test func tenThousandCommentsRoundTripThroughTheExportFormat() throws {
        let comments = Array(Self.bushyThreads().prefix(10_000))
        let parsed = try CommentFile.parse(CommentFile.encode(comments), file: "comments.json")
        #expect(parsed == comments)
    }

    /// One reply chain 100,000 comments long: every comment answers the one before.
    @Test func hundredThousandLongReplyChain() {
        let comments = (0..<Self.count).map { index in
            comment(String(index), parent: index == 0 ? nil : String(index - 1), at: index)
        }
        let section = CommentThreading.section(from: comments, options: ThreadingOptions(maxDepth: 1_000_000))
        #expect(section.count == Self.count)
        #expect(section.allNodes.map(\.depth).max() == CommentThreading.depthLimit)
        #expect(section.threads.count == 1)
    }

    /// 100,000 comments in one reply cycle: the oldest becomes the top of the thread.
    @Test func hundredThousandCommentCycle() {
        let comments = (0..<Self.count).map { index in
            comment(String(index), parent: String((index + Self.count - 1) % Self.count), at: index)
        }
        let section = CommentThreading.section(from: comments, options: ThreadingOptions())
        #expect(section.count == Self.count)
        #expect(section.threads.map(\.comment.id) == ["0"])
    }

    /// One comment of 1 MB: reader text renders in linear time.
    @Test func megabyteComment() {
        let line = "Ein langer Kommentar mit https://x.example/pfad?a=1&b=2 und <script>.\n"
        let text = String(repeating: line, count: 1_000_000 / line.utf8.count + 1)
        let html = ReaderText.html(from: text)
        #expect(html.hasPrefix("<p>Ein langer Kommentar"))
        #expect(html.utf8.count > text.utf8.count)
    }
}
