import Content
import Foundation
import Markdown
import Search
import Synchronization

/// The rendered body and comments of each article, for the pages that print them (the
/// article page, the feeds), kept in a ``BodyStore`` rather than in memory.
///
/// Holds what the build rendered in its "render articles" step. An unchanged article taken
/// from the build cache has no body there; it is rendered when one of its pages has to be
/// made again (a template or a neighbour changed): its Markdown is read from disk then and
/// the result kept for the other pages that show it.
final class ArticleBodies: Sendable {
    private let site: URL
    private let config: SiteConfig
    private let store: BodyStore
    /// A body that replaces the stored one (the preview's first answer to a save).
    private let replaced: [String: RenderedArticle]
    private let onDemand = Atomic<Int>(0)

    convenience init(store: BodyStore, site: URL, config: SiteConfig) {
        self.init(store: store, replaced: [:], site: site, config: config)
    }

    private init(store: BodyStore, replaced: [String: RenderedArticle], site: URL, config: SiteConfig) {
        self.store = store
        self.replaced = replaced
        self.site = site
        self.config = config
    }

    func rendered(_ article: PublishedArticle) -> RenderedArticle {
        let file = article.source.file
        if let body = replaced[file] ?? store.get(file) { return body }
        let rendered: RenderedArticle
        if let source = ContentLoader.withBody(article.source, siteAt: site) {
            rendered = ArticleProcessing.render(source, site: site, config: config).article
        } else {
            // The file vanished since the build began: the next build reports it.
            rendered = RenderedArticle(body: RenderedMarkdown(html: ""), comments: .empty)
        }
        onDemand.add(1, ordering: .relaxed)
        store.put(rendered, for: file)
        return rendered
    }

    /// The search terms of the article's body: kept when this build rendered it, else
    /// counted from its Markdown, read and rendered again (without its comments).
    func searchTerms(_ article: PublishedArticle) -> BodyTerms {
        let file = article.source.file
        if let terms = store.terms(file) { return terms }
        guard let source = ContentLoader.withBody(article.source, siteAt: site) else { return .empty }
        onDemand.add(1, ordering: .relaxed)
        return BodyTerms(utf8: MarkdownRenderer.render(source.body, options: ArticleProcessing.markdownOptions(source, config: config)).plainText)
    }

    /// These bodies with the one of `file` replaced.
    func replacing(_ file: String, with rendered: RenderedArticle) -> ArticleBodies {
        var replaced = self.replaced
        replaced[file] = rendered
        return ArticleBodies(store: store, replaced: replaced, site: site, config: config)
    }

    /// How many articles taken from the cache had to be rendered again.
    var renderedOnDemand: Int { onDemand.load(ordering: .relaxed) }
}
