import Comments
import Foundation
import Markdown
import Search
import Testing
@testable import Site
import Templates

/// Rendered bodies and comment sections wait in the body store, out of memory, until their
/// pages are made: what comes back must give the pages what the rendered article gave them.
@Suite struct BodyStoreTests {
    static func node(_ id: String, text: String, depth: Int = 0, replies: [CommentNode] = []) -> CommentNode {
        let comment = Comment(
            id: id, parent: depth == 0 ? nil : "c1", author: "Leserin \(id) ✓", date: Date(timeIntervalSince1970: 1_767_000_000),
            text: text, rating: -2, status: .approved)
        return CommentNode(
            comment: comment, html: "<p>\(text)</p>", replyTo: depth == 0 ? nil : "Leserin c1", depth: depth,
            isLong: text.count > 20, replies: replies)
    }

    static let article = RenderedArticle(
        body: RenderedMarkdown(html: "<h2 id=\"a\">Grüße</h2>\n<p>Text &amp; mehr</p>\n"),
        comments: CommentSection(
            threads: [node("c1", text: "Erster Kommentar, lang genug zum Einklappen", replies: [node("c2", text: "Antwort", depth: 1)]),
                      node("c3", text: "Dritter")],
            count: 3))

    @Test func aStoredArticleGivesItsPagesWhatTheRenderedOneGave() throws {
        let store = BodyStore()
        store.put(Self.article, for: "content/politik/a/index.md")
        let back = try #require(store.get("content/politik/a/index.md"))
        #expect(back.body.html == Self.article.body.html)
        #expect(back.comments.count == Self.article.comments.count)
        #expect(back.comments.threads.map(PageValues.comment) == Self.article.comments.threads.map(PageValues.comment))
        #expect(store.count == 1)
    }

    @Test func aLaterRecordWinsAndUnknownFilesHaveNone() throws {
        let store = BodyStore()
        store.put(RenderedArticle(body: RenderedMarkdown(html: "<p>alt</p>"), comments: .empty), for: "a.md")
        store.put(Self.article, for: "a.md")
        #expect(try #require(store.get("a.md")).body.html == Self.article.body.html)
        #expect(store.get("b.md") == nil)
        #expect(store.terms("a.md") == nil)
    }

    @Test func searchTermsComeBackAsTheyWent() throws {
        let store = BodyStore()
        let terms = BodyTerms(text: "Die Straßenbahn fährt wieder durch die Altstadt")
        store.put(terms, for: "a.md")
        #expect(store.terms("a.md") == terms)
        #expect(store.get("a.md") == nil)
    }
}
