import Content
import Diagnostics
import Foundation
import Testing
@testable import Site

/// The files an article is made from besides its Markdown: the pictures it shows, named one
/// way whatever way their `src` is written, and its comment file.
@Suite struct ArticleFilesTests {
    private func source(bundle: String? = "content/politik/wahl", comments: String? = nil) -> ArticleSource {
        let front = FrontMatter(title: "Wahl", teaser: "T", date: Date(timeIntervalSince1970: 0), authors: ["A"])
        return ArticleSource(
            file: (bundle ?? "content/politik") + "/index.md", contentPath: "politik/wahl", section: "politik",
            url: "/politik/wahl/", bundleDirectory: bundle, resources: [], commentsFile: comments, frontMatter: front,
            body: "Text.", bodyLine: 5)
    }

    @Test func aPictureHasOneNameHoweverItsSourceIsWritten() {
        let article = source()
        for src in ["lead.jpg", "./lead.jpg", "././lead.jpg", ".//lead.jpg", "./bilder/../lead.jpg"] {
            let expected: String? = src.contains("..") ? nil : "content/politik/wahl/lead.jpg"
            #expect(ArticleProcessing.localPicture(src, of: article) == expected, "\(src)")
        }
        #expect(ArticleProcessing.localPicture("bilder/./karte.png", of: article) == "content/politik/wahl/bilder/karte.png")
        #expect(ArticleProcessing.localPicture("/static/img/karte.png", of: article) == "static/img/karte.png")
        #expect(ArticleProcessing.localPicture("/img//karte.png", of: article) == "static/img/karte.png")
        #expect(ArticleProcessing.localPicture("https://bilder.example/karte.png", of: article) == nil)
        #expect(ArticleProcessing.localPicture("lead.jpg", of: source(bundle: nil)) == nil)
    }

    @Test func aCommentFileThatCannotBeReadIsAnErrorAtIt() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-article-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        // A folder where the comment file should be: it exists, and cannot be read as a file.
        let comments = "content/politik/wahl/comments.json"
        try FileManager.default.createDirectory(at: site.appendingPathComponent(comments), withIntermediateDirectories: true)
        let rendered = ArticleProcessing.render(source(comments: comments), site: site, config: SiteConfig())
        let error = try #require(rendered.diagnostics.first)
        #expect(error.location?.file == comments)
        #expect(error.message.hasPrefix("cannot read comments"))
        #expect(rendered.article.comments.count == 0)
    }
}
