import Basics
import Content
import Markdown
import Diagnostics
import Foundation

/// Everything a link inside the site can lead to, as URL paths: the pages the build would
/// write, `static/` files, bundle resources, feeds, and the anchors of article pages.
struct LinkTargets: Sendable {
    /// Where a site path leads.
    enum Resolution {
        /// A page the build writes; the article, when it is one.
        case page(url: String, article: PublishedArticle?)
        /// A static file, bundle resource or machine file (feed, sitemap).
        case file
        /// An article (or a resource of one) that exists but is a draft or dated in the future.
        case unpublished(ArticleSource)
        case missing
    }

    private let pageURLs: Set<String>
    private let files: Set<String>
    private let publishedURLs: Set<String>
    private let articlesByURL: [String: PublishedArticle]
    /// Every article's rendered Markdown, by Markdown file.
    private let bodies: [String: RenderedMarkdown]
    private let unpublishedByPath: [String: ArticleSource]
    /// The URL of every article, drafts included, by the names `related:` may use (``ContentPaths``).
    private let urlsByName: [String: String]
    /// Page URLs by their parent folder, for "did you mean" hints.
    private let pagesByFolder: [String: [String]]
    /// Literal ids in the templates (`kommentare`) and prefixes of computed ones (`c-` of `c-{{ comment.id }}`).
    private let templateIDs: (ids: Set<String>, prefixes: [String])
    /// The site folder.
    let site: URL

    init(site: URL, articles: [PublishedArticle], bodies: [String: RenderedMarkdown], published: SiteModel, pages: [PlannedPage],
         templateIDs: (ids: Set<String>, prefixes: [String])) {
        urlsByName = ContentPaths.index(articles.map(\.source)).mapValues { articles[$0].url }
        self.site = site
        self.templateIDs = templateIDs
        var pageURLs = Set(pages.map(\.url))
        var files = Set<String>()
        for file in SiteFiles.list(site.appendingPathComponent(SiteLayout.staticFiles, isDirectory: true)) {
            files.insert("/" + file)
        }
        for name in ["/atom.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt"] { files.insert(name) }
        for section in published.sections { files.insert(section.url + "atom.xml") }
        let publishedURLs = Set(published.articles.map(\.url))
        var byURL: [String: PublishedArticle] = [:]
        var unpublished: [String: ArticleSource] = [:]
        for article in articles {
            byURL[article.url] = byURL[article.url] ?? article
            let resources = article.source.resources.map { article.url + $0 }
            if publishedURLs.contains(article.url) {
                files.formUnion(resources)
            } else {
                for path in [article.url] + resources { unpublished[path] = article.source }
            }
        }
        pageURLs.insert("/404.html")
        var byFolder: [String: [String]] = [:]
        for url in pageURLs { byFolder[Self.folder(of: url), default: []].append(url) }
        self.pageURLs = pageURLs
        self.files = files
        self.publishedURLs = publishedURLs
        self.articlesByURL = byURL
        self.bodies = bodies
        self.unpublishedByPath = unpublished
        self.pagesByFolder = byFolder
    }

    func isPublished(_ article: ArticleSource) -> Bool { publishedURLs.contains(article.url) }

    /// Where `path` (a decoded site path without query and fragment) leads.
    func resolve(_ path: String) -> Resolution {
        var path = path
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        for candidate in [path, path + "/"] {
            if pageURLs.contains(candidate) { return .page(url: candidate, article: articlesByURL[candidate]) }
            if candidate == path, files.contains(candidate) { return .file }
            if let article = unpublishedByPath[candidate] { return .unpublished(article) }
        }
        return .missing
    }

    /// Whether `id` is an anchor of `article`'s page: a heading, an `id` in the body's HTML
    /// (footnotes, raw HTML), or an `id` the templates give every page.
    func hasAnchor(_ id: String, on article: PublishedArticle) -> Bool {
        let body = self.body(of: article)
        if body.headings.contains(where: { $0.id == id }) { return true }
        if templateIDs.ids.contains(id) || templateIDs.prefixes.contains(where: { id.hasPrefix($0) }) { return true }
        let marked = "id=\"\(id)\""
        // Figure captions are not in the body's HTML: the page puts them in (footnote references).
        return body.html.contains(marked) || article.facts.embeds.contains {
            if case .figure(let figure) = $0.embed { figure.caption.contains(marked) } else { false }
        }
    }

    /// The existing page closest to a broken `path`, from the pages in the same folder.
    func closestPage(to path: String) -> String? {
        let normalized = path.hasSuffix("/") ? path : path + "/"
        return Suggestion.closest(to: normalized, in: pagesByFolder[Self.folder(of: normalized)] ?? [])
    }

    /// Whether the site publishes a file (static file, bundle resource, feed) at `path`.
    func hasFile(_ path: String) -> Bool { files.contains(path) }

    /// The rendered Markdown of an article.
    func body(of article: PublishedArticle) -> RenderedMarkdown { bodies[article.source.file] ?? RenderedMarkdown(html: "") }

    /// The URL of the article with content path `path` (or its URL form), drafts included.
    func articleURL(contentPath path: String) -> String? {
        urlsByName[path]
    }

    /// `/politik/foo/` → `/politik/`; `/politik/foo/lead.png` → `/politik/foo/`.
    private static func folder(of url: String) -> String {
        var trimmed = Substring(url)
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "/" }
        return String(trimmed[...slash])
    }

    /// The `id="…"` attributes written literally in the templates, and the literal prefixes
    /// of computed ones.
    static func literalIDs(in sources: some Sequence<String>) -> (ids: Set<String>, prefixes: [String]) {
        var ids = Set<String>(), prefixes = Set<String>()
        for source in sources {
            var rest = Substring(source)
            while let start = rest.range(of: " id=\"") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = rest[..<end]
                if let brace = value.range(of: "{") {
                    let prefix = value[..<brace.lowerBound]
                    if !prefix.isEmpty && !prefix.contains("{%") { prefixes.insert(String(prefix)) }
                } else if !value.isEmpty {
                    ids.insert(String(value))
                }
                rest = rest[end...]
            }
        }
        return (ids, prefixes.sorted())
    }
}
