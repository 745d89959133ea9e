import Content
import Foundation
import Testing
@testable import Site

/// "Meistdiskutiert": the recent articles with the most comments, counted from the newest article.
@Suite struct MostDiscussedTests {
    private func article(_ name: String, day: Int, comments: Int, mode: CommentMode = .open) -> PublishedArticle {
        let front = FrontMatter(
            title: name, teaser: "T", date: Date(timeIntervalSince1970: Double(day) * 86_400), authors: ["A"], comments: mode)
        let source = ArticleSource(
            file: "content/s/\(name).md", contentPath: "s/\(name)", section: "s", url: "/s/\(name)/", bundleDirectory: nil,
            resources: [], commentsFile: nil, frontMatter: front, body: "", bodyLine: 1)
        return PublishedArticle(source: source, facts: ArticleFacts(wordCount: 1, commentCount: comments, leadImageSize: nil), key: .zero)
    }

    private func titles(_ model: SiteModel) -> [String] { model.mostDiscussed.map { model.articles[$0].frontMatter.title } }

    @Test func theRecentArticlesWithTheMostCommentsLead() {
        var config = SiteConfig()
        config.mostDiscussed.days = 10
        config.mostDiscussed.count = 3
        let model = SiteModel(config: config, articles: [
            article("neu", day: 100, comments: 2),
            article("mitte", day: 95, comments: 9),
            article("gleich", day: 96, comments: 2),
            article("aus", day: 99, comments: 50, mode: .off),
            article("still", day: 98, comments: 0),
            article("alt", day: 80, comments: 99),
        ])
        // Ties go to the newer article; comments that are off, none at all, and old articles stay out.
        #expect(titles(model) == ["mitte", "neu", "gleich"])
        config.mostDiscussed.count = 0
        #expect(SiteModel(config: config, articles: model.articles).mostDiscussed.isEmpty)
    }
}
