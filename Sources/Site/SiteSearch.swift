import Basics
import Content
import Diagnostics
import Foundation
import Search
import Templates

/// Site search in the build: the index files (``SearchIndex``) as outputs, made from what
/// the build has anyway (each article's front matter and the body terms kept in its facts,
/// so an unchanged article is not read again), and the search page's variables.
///
/// Searchable: articles (title and kicker, teaser, section, authors, tags, body) and plain
/// pages (title, description, body) at half weight. Not searchable: comments, navigation,
/// related boxes, listing pages.
enum SiteSearch {
    static let template = "search.html"
    /// Where the index files go (their names are in ``SearchIndex``).
    static let folder = "/search/"
    /// How much less a plain page's match counts than an article's.
    static let pageWeight = 0.5

    /// The documents of the index. An article's body terms are read from `bodies` only if
    /// the index needs them (``SearchBody``).
    static func documents(model: SiteModel, urls: SiteURLs, bodies: ArticleBodies) -> [SearchDocument] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = model.config.timeZone
        func day(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        var documents = model.articles.map { article in
            let front = article.frontMatter
            return SearchDocument(
                url: urls.link(article.url), title: front.title, teaser: front.teaser, kicker: front.kicker,
                section: model.section(at: article.source.section)?.name, authors: front.authors, tags: front.tags,
                date: day(front.date),
                body: article.facts.searchTerms.map { summary in SearchBody(summary: summary) { bodies.searchTerms(article) } }
                    ?? .terms(bodies.searchTerms(article)))
        }
        documents += model.pages.filter { !$0.source.frontMatter.noindex }.map { page in
            let front = page.source.frontMatter
            return SearchDocument(
                url: urls.link(page.source.url), title: front.title, teaser: front.description, date: "",
                body: .terms(page.searchTerms ?? .empty), weight: pageWeight)
        }
        return documents
    }

    /// The index files as outputs, when the site has search, and the index's memo for the
    /// next build; the index is made from `previous`, the last build's memo, so an edit costs
    /// what it changed (``SearchIndex``).
    static func outputs(model: SiteModel, urls: SiteURLs, bodies: ArticleBodies, maker: OutputMaker, previous: IndexMemo?, jobs: Int)
        -> (outputs: [PlannedOutput], memo: IndexMemo?) {
        guard model.config.search.enabled else { return ([], nil) }
        let index = SearchIndex(documents: documents(model: model, urls: urls, bodies: bodies), jobs: jobs, previous: previous) { bytes in
            String(bytes.withUnsafeBytes { Digest.of($0) }.description.prefix(16))
        }
        return (parallelMap(index.files, jobs: jobs) { maker.plan(.search(index, $0), at: $0.path) }, index.memo)
    }

    /// A warning when `site.yml` turns search on and the theme has no search page.
    static func missingTemplate(config: SiteConfig, templates: Set<String>) -> [Diagnostic] {
        guard config.search.enabled, !templates.contains(template) else { return [] }
        return [.warning(
            at: SourceLocation(file: SiteLayout.config), "search is on, but the theme has no templates/\(template): the index is written, no search page",
            hint: "add templates/\(template) (magbuild init writes one with the default theme) or turn search off")]
    }
}

extension PageValues {
    /// The variables of the search page: `site`, `page`, and `search` with the index's folder
    /// and the links a reader without JavaScript can browse instead (docs/theming.md).
    func searchPageContext(url: String) -> [String: Value] {
        let words = Words(language: model.config.language)
        let sections = model.sections.filter { !$0.path.isEmpty }.sorted { ($0.name, $0.path) < ($1.name, $1.path) }
        let authors = Set(model.articles.flatMap(\.frontMatter.authors)).sorted()
        return [
            "site": siteValue,
            "page": pageValue(kind: "search", title: words.search, description: "", url: url, image: nil),
            "search": .dict([
                "index": .string(urls.link(SiteSearch.folder)),
                "sections": .array(sections.map { .dict(["name": .string($0.name), "url": .string(urls.link($0.url))]) }),
                "authors": .array(authors.map { .string($0) }),
                "tagIndex": .string(urls.link("/\(model.config.paths.tags)/")),
                "authorIndex": .string(urls.link("/\(model.config.paths.authors)/")),
            ]),
        ]
    }
}
