import Content
import Foundation
import Markdown
import Synchronization

/// The rendered body and comments of each article, for the pages that print them
/// (the article page, the feeds).
///
/// Articles rendered in this build carry theirs. An unchanged article restored from the
/// build cache is rendered again only if one of its pages has to be (a template or a
/// neighbour changed): its Markdown is read from disk then, once, whichever page asks first.
final class ArticleBodies: Sendable {
    private let articles: [PublishedArticle]
    private let site: URL
    private let config: SiteConfig
    private let made = Mutex<[Int: RenderedArticle]>([:])

    init(articles: [PublishedArticle], site: URL, config: SiteConfig) {
        self.articles = articles
        self.site = site
        self.config = config
    }

    func rendered(_ index: Int) -> RenderedArticle {
        let article = articles[index]
        if let rendered = article.rendered { return rendered }
        if let done = made.withLock({ $0[index] }) { return done }
        let rendered: RenderedArticle
        if let source = ContentLoader.withBody(article.source, siteAt: site) {
            rendered = ArticleProcessing.render(source, site: site, config: config).article
        } else {
            // The file vanished since the build began: the next build reports it.
            rendered = RenderedArticle(body: RenderedMarkdown(html: ""), comments: .empty)
        }
        made.withLock { $0[index] = rendered }
        return rendered
    }

    /// How many cached articles had to be rendered again.
    var renderedOnDemand: Int { made.withLock { $0.count } }
}
