import Content
import Markdown
import Foundation
import Synchronization

/// The rendered body and comments of each article, for the pages that print them (the
/// article page, the feeds).
///
/// Holds what the build rendered in its "render articles" step. An unchanged article taken
/// from the build cache has no body there; it is rendered when one of its pages has to be
/// made again (a template or a neighbour changed): its Markdown is read from disk then,
/// once, by whichever page asks first.
final class ArticleBodies: Sendable {
    private let site: URL
    private let config: SiteConfig
    /// By Markdown file: this build's renderings, then those made on demand.
    private let made: Mutex<[String: RenderedArticle]>
    private let onDemand = Atomic<Int>(0)

    init(rendered: [String: RenderedArticle], site: URL, config: SiteConfig) {
        self.site = site
        self.config = config
        made = Mutex(rendered)
    }

    func rendered(_ article: PublishedArticle) -> RenderedArticle {
        let file = article.source.file
        if let done = made.withLock({ $0[file] }) { return done }
        let rendered: RenderedArticle
        if let source = ContentLoader.withBody(article.source, siteAt: site) {
            rendered = ArticleProcessing.render(source, site: site, config: config).article
        } else {
            // The file vanished since the build began: the next build reports it.
            rendered = RenderedArticle(body: RenderedMarkdown(html: ""), comments: .empty)
        }
        onDemand.add(1, ordering: .relaxed)
        made.withLock { $0[file] = rendered }
        return rendered
    }

    /// These bodies with the one of `file` replaced (the preview's first answer to a save).
    func replacing(_ file: String, with rendered: RenderedArticle) -> ArticleBodies {
        var all = made.withLock { $0 }
        all[file] = rendered
        return ArticleBodies(rendered: all, site: site, config: config)
    }

    /// How many articles taken from the cache had to be rendered again.
    var renderedOnDemand: Int { onDemand.load(ordering: .relaxed) }
}
