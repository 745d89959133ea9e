import Comments
import Content
import Foundation
import Markdown
import Search

/// An article that will be published: its source (without its Markdown) and what listings
/// need to know about it; its rendered body and comments are in ``ArticleBodies``.
/// Immutable and shared by reference: listings, keys and pages all point at one instance.
final class PublishedArticle: Sendable {
    let source: ArticleSource
    let facts: ArticleFacts
    /// Fingerprint of everything the article's own rendering depends on (its files and the site settings).
    let key: Digest

    init(source: ArticleSource, facts: ArticleFacts, key: Digest) {
        self.source = source
        self.facts = facts
        self.key = key
    }

    var frontMatter: FrontMatter { source.frontMatter }
    var url: String { source.url }
}

/// What pages other than the article's own need to know about its body and comments.
struct ArticleFacts: Sendable, Hashable {
    var wordCount: Int
    var commentCount: Int
    /// Pixel size of the lead image when it is a local file magbuild can read.
    var leadImageSize: ImageSize?
    /// The embeds of the body and their places in its HTML: the article page fills them in.
    var embeds: [PlacedEmbed] = []
    /// What identifies the body's terms for site search (the terms wait in the build's
    /// ``BodyStore``); nil when the site has no search.
    var searchTerms: BodyTerms.Summary?
}

/// An article's Markdown and comment section, rendered.
struct RenderedArticle: Sendable {
    let body: RenderedMarkdown
    let comments: CommentSection
}

/// A plain page from `pages/` with its Markdown rendered (pages are few: rendered every build).
struct PlainPage: Sendable {
    let source: PageSource
    let html: String
    /// The body's terms for site search; nil when the site has no search.
    var searchTerms: BodyTerms? = nil
}

/// A section of the magazine: a folder under `content/` holding articles.
struct Section: Sendable, Hashable {
    /// `politik`, `kolumnen/spahns-spitzwege`.
    let path: String
    let name: String
    let url: String
    /// Indexes into `SiteModel.articles`, newest first.
    let articles: [Int]
    /// What its `_index.md` says, if it has one.
    var intro: SectionIntro? = nil
}

/// Everything known about the published site before pages are rendered.
///
/// Articles are sorted newest first (ties by content path), so every listing
/// built from the model is deterministic.
struct SiteModel: Sendable {
    let config: SiteConfig
    private(set) var articles: [PublishedArticle]
    let sections: [Section]
    /// Model index of each published article by the names `related:` may use (``ContentPaths``).
    let indexByPath: [String: Int]
    /// The moderation notice from `site.yml`, rendered from Markdown.
    let commentNotice: String
    /// The footer text from `site.yml`, rendered from Markdown.
    let footer: String
    /// The plain pages from `pages/`, sorted by file.
    let pages: [PlainPage]
    /// The author profiles from `authors/`, by name.
    let authorProfiles: [String: AuthorProfile]
    /// The pictures articles show, with their derivatives.
    let pictures: Pictures

    init(
        config: SiteConfig, articles unsorted: [PublishedArticle], pages: [PlainPage] = [],
        intros: [String: SectionIntro] = [:], authors: [String: AuthorProfile] = [:], commentNotice: String = "",
        footer: String = "", pictures: Pictures = Pictures()
    ) {
        self.config = config
        self.pictures = pictures
        let articles = unsorted.sorted { a, b in
            a.frontMatter.date != b.frontMatter.date
                ? a.frontMatter.date > b.frontMatter.date
                : a.source.contentPath < b.source.contentPath
        }
        self.articles = articles
        self.commentNotice = commentNotice
        self.footer = footer
        self.pages = pages
        authorProfiles = authors
        indexByPath = ContentPaths.index(articles.map(\.source))
        sections = SiteModel.makeSections(articles, intros: intros)
    }

    /// This model with the article at `index` replaced by a new version of it at the same URL
    /// (the preview's first answer to a save; the next full rebuild re-sorts and re-groups).
    func replacing(_ index: Int, with article: PublishedArticle) -> SiteModel {
        var model = self
        model.articles[index] = article
        return model
    }

    /// The published comments shown under article `index` (none when its comments are off).
    func commentCount(_ index: Int) -> Int {
        articles[index].frontMatter.comments == .off ? 0 : articles[index].facts.commentCount
    }

    /// "Meistdiskutiert": among the articles published within `mostDiscussed.days` before the
    /// newest one, the `mostDiscussed.count` with the most comments (ties: newer first). Counted
    /// from the newest article, not from the clock, so every build of the same input agrees.
    var mostDiscussed: [Int] {
        let settings = config.mostDiscussed
        guard settings.count > 0, let newest = articles.first?.frontMatter.date else { return [] }
        let since = newest.addingTimeInterval(-Double(settings.days) * 86_400)
        let recent = articles.indices.filter { articles[$0].frontMatter.date >= since && commentCount($0) > 0 }
        let ranked = recent.sorted { (commentCount($1), $0) < (commentCount($0), $1) }
        return Array(ranked.prefix(settings.count))
    }

    /// The lead story: the newest featured article, else the newest.
    var leadIndex: Int? {
        articles.firstIndex { $0.frontMatter.featured } ?? (articles.isEmpty ? nil : 0)
    }

    func section(at path: String) -> Section? {
        sections.first { $0.path == path }
    }

    /// The plain pages linked from `menu`, by weight, then title.
    func menu(_ menu: PageFrontMatter.Menu) -> [PlainPage] {
        pages.filter { $0.source.frontMatter.menu == menu }.sorted {
            let (a, b) = ($0.source.frontMatter, $1.source.frontMatter)
            return (a.weight, a.title, $0.source.url) < (b.weight, b.title, $1.source.url)
        }
    }

    /// Top-level sections, for navigation: by the weight of their profiles, then by name.
    var topSections: [Section] {
        sections.filter { !$0.path.contains("/") && !$0.path.isEmpty }.sorted {
            ($0.intro?.profile.weight ?? 0, $0.name, $0.path) < ($1.intro?.profile.weight ?? 0, $1.name, $1.path)
        }
    }

    /// The section whose page is at `url`, if any.
    func section(atURL url: String) -> Section? {
        sections.first { $0.url == url }
    }

    private static func makeSections(_ articles: [PublishedArticle], intros: [String: SectionIntro]) -> [Section] {
        var members: [String: [Int]] = [:]
        for (i, article) in articles.enumerated() {
            // An article belongs to its own section and, for listings, to every parent section.
            var path = article.source.section
            while !path.isEmpty {
                members[path, default: []].append(i)
                path = path.split(separator: "/").dropLast().joined(separator: "/")
            }
        }
        return members.keys.sorted().map { path in
            let indexes = members[path] ?? []
            let intro = intros[path]
            let name = intro?.profile.title ?? sectionName(path, articles: indexes.map { articles[$0] })
            return Section(path: path, name: name, url: "/\(path)/", articles: indexes, intro: intro)
        }
    }

    /// A column's folder is named after its column; other sections after their folder.
    private static func sectionName(_ path: String, articles: [PublishedArticle]) -> String {
        let own = articles.filter { $0.source.section == path }
        if let column = own.first?.frontMatter.column, own.allSatisfy({ $0.frontMatter.column == column }) {
            return column
        }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
