import Basics
import Comments
import Content
import Foundation
import Templates

/// How much a page's variables carry. A page is rendered from its variables in full; its key
/// is the digest of the same variables built with ``digests``, where each teaser is its digest
/// and each article body and comment section is the article's key (the digest of every file
/// and setting its rendering depends on). So whatever a page shows is in its key by construction.
enum Detail: Sendable {
    case full
    case digests
}

/// Turns the site model into the template variables documented in `docs/theming.md`.
///
/// Teasers are built once per article and shared by every page that shows them.
struct PageValues: Sendable {
    private(set) var model: SiteModel
    let urls: SiteURLs
    /// One teaser value per article, in model order.
    private(set) var teasers: [Value]
    /// What stands in for each teaser in the variables a key is made from: its digest.
    private(set) var teaserDigests: [Value]
    let siteValue: Value
    /// What stands in for `site` in the variables a key is made from: its digest (every page
    /// and every partial in an article's body receives `site`).
    private let siteStandIn: Value
    /// Bodies and comment sections of the articles, rendered when a page asks for them.
    private(set) var bodies: ArticleBodies
    /// Previous (older) and next (newer) article in the same section, per article.
    private let neighbours: [(prev: Int?, next: Int?)]
    /// The author profiles, with their bios rendered, by the URL of the author's page.
    private let authorIntros: [String: AuthorIntro]
    /// `{name, url, role, links}` of every author with a profile, by name.
    private let authorValues: [String: Value]
    /// The home page's "Meistdiskutiert" list, as model indexes.
    private let mostDiscussed: [Int]

    init(model: SiteModel, bodies: ArticleBodies, preview: Bool, jobs: Int) {
        neighbours = Self.neighbours(in: model)
        mostDiscussed = model.mostDiscussed
        self.model = model
        self.bodies = bodies
        let urls = SiteURLs(config: model.config, sections: model.sections, articles: model.articles, pictures: model.pictures)
        self.urls = urls
        let intros = AuthorIntro.render(model.authorProfiles, urls: urls)
        // Two names with one slug share a page: the first name (by sort order) brings the profile.
        authorIntros = Dictionary(
            intros.values.sorted { $0.profile.name < $1.profile.name }.map { (urls.author($0.profile.name), $0) },
            uniquingKeysWith: { first, _ in first })
        let authors = intros.mapValues { intro in
            Value.record(Record(Self.authorKeys, [
                .string(intro.profile.name), .string(urls.link(urls.author(intro.profile.name))), .string(intro.profile.role),
                .array(intro.profile.links.map(Value.string)),
            ]))
        }
        authorValues = authors
        let teasers = parallelMap(model.articles, jobs: jobs) {
            PageValues.teaser(of: $0, model: model, urls: urls, authors: authors)
        }
        self.teasers = teasers
        teaserDigests = parallelMap(teasers, jobs: jobs, Self.standIn)
        siteValue = .record(Record(Self.siteKeys, [
            .string(model.config.title),
            .string(model.config.baseURL),
            .string(model.config.language),
            .array(model.topSections.map { Self.link($0.name, urls.link($0.url)) }),
            .safe(model.commentNotice),
            .safe(model.footer),
            .record(Record(Self.menuKeys, PageFrontMatter.Menu.allCases.map { menu in
                .array(model.menu(menu).map { Self.link($0.source.frontMatter.title, urls.link($0.source.url)) })
            })),
            .bool(preview),
            .string(urls.link("/atom.xml")),
            .string(model.config.colors.theme),
            model.config.search.enabled ? .string(urls.link("/\(model.config.search.page)/")) : .null,
        ]))
        siteStandIn = Self.standIn(for: siteValue)
    }

    /// These values with the article at `index` replaced by a new version of it, with its
    /// rendered body and comments (see ``SiteModel/replacing(_:with:)``).
    func replacing(_ index: Int, with article: PublishedArticle, rendered: RenderedArticle) -> PageValues {
        var values = self
        values.model = model.replacing(index, with: article)
        values.bodies = bodies.replacing(article.source.file, with: rendered)
        values.teasers[index] = Self.teaser(of: article, model: values.model, urls: urls, authors: authorValues)
        values.teaserDigests[index] = Self.standIn(for: values.teasers[index])
        return values
    }

    /// Teaser `index`, or its digest.
    func teaser(_ index: Int, _ detail: Detail) -> Value {
        detail == .full ? teasers[index] : teaserDigests[index]
    }

    /// `site`, or its digest.
    func site(_ detail: Detail) -> Value {
        detail == .full ? siteValue : siteStandIn
    }

    /// The digest that stands in for a value in the variables a key is made from.
    private static func standIn(for value: Value) -> Value {
        var hasher = DigestHasher(tag: "stand-in")
        hasher.combine(value)
        return .string(hasher.finalize().description)
    }

    /// The variables of an article page, whose `page` is `page` (``articlePage(_:_:)``); in
    /// full, its body has `embedded` (rendered partials of ``embedCalls(of:page:_:)``) inserted
    /// at their offsets. For a key, the article's teaser fields are the teaser's digest.
    func articleContext(_ index: Int, _ detail: Detail, page: Value, embedded: [(offset: Int, html: String)] = []) -> [String: Value] {
        let article = model.articles[index]
        guard case .record(let teaser) = teasers[index] else { return [:] }
        let own: [Value] = [
            .array(related(of: index).map { self.teaser($0, detail) }),
            neighbours[index].prev.map { self.teaser($0, detail) } ?? .null,
            neighbours[index].next.map { self.teaser($0, detail) } ?? .null,
        ]
        let share = ShareLinks.value(
            model.config.share, title: article.frontMatter.title, permalink: urls.absolute(article.url),
            language: model.config.language)
        let value: Record
        switch detail {
        case .full:
            let rendered = bodies.rendered(article)
            let content = Value.safe(ArticleEmbeds.splice(rendered.body.html, embedded))
            value = Record(Self.articleKeys, teaser.values + [content] + own + [commentsValue(article, comments: rendered.comments), share])
        case .digests:
            let content = Value.string("article \(article.key)")
            value = Record(Self.articleStandInKeys, [teaserDigests[index], content] + own + [content, share])
        }
        return ["site": site(detail), "page": page, "article": .record(value)]
    }

    /// The `page` variable of article `index`'s page, or its digest.
    func articlePage(_ index: Int, _ detail: Detail) -> Value {
        let article = model.articles[index]
        let page = pageValue(
            kind: "article", title: article.frontMatter.title, description: article.frontMatter.teaser,
            url: article.url, image: article.frontMatter.image.map { urls.absolute(urls.socialImageURL($0.src, page: article.url)) },
            breadcrumbs: breadcrumbs(to: article.source.section, then: (article.frontMatter.title, article.url)))
        return detail == .full ? page : Self.standIn(for: page)
    }

    /// The way from the home page down the sections of `sectionPath` (`kolumnen`, then
    /// `kolumnen/lindqvists-landpartie`, each that has a page), then `last`: `{name, url}` each.
    func breadcrumbs(to sectionPath: String, then last: (name: String, url: String)? = nil) -> Value {
        var crumbs = [Self.link(Words(language: model.config.language).home, urls.link("/"))]
        var prefix = ""
        for segment in sectionPath.split(separator: "/") {
            prefix += prefix.isEmpty ? String(segment) : "/" + segment
            if let section = model.section(at: prefix) { crumbs.append(Self.link(section.name, urls.link(section.url))) }
        }
        if let last { crumbs.append(Self.link(last.name, urls.link(last.url))) }
        return .array(crumbs)
    }

    private static let siteKeys = RecordKeys([
        "title", "baseURL", "language", "sections", "commentNotice", "footer", "menus", "preview", "feed", "themeColor", "search",
    ])
    private static let menuKeys = RecordKeys(PageFrontMatter.Menu.allCases.map(\.rawValue))
    /// A teaser's keys and what only the article's own page shows, in the order of `articleContext(_:)`.
    private static let articleKeys = RecordKeys(teaserKeys.names + ["content", "related", "prev", "next", "comments", "share"])
    /// The keys of `article` in a key's variables: the teaser's fields are its digest.
    private static let articleStandInKeys = RecordKeys(["teaser", "content", "related", "prev", "next", "comments", "share"])
    private static let pageKeys = RecordKeys(["kind", "title", "description", "url", "permalink", "image", "feed", "breadcrumbs"])
    private static let commentSectionKeys = RecordKeys(["mode", "count", "order", "threads"])

    /// The variables of a plain page: `page` with its `content` and `noindex`. Pages are
    /// rendered every build, so their key holds the rendered HTML itself.
    func plainPageContext(_ index: Int) -> [String: Value] {
        let page = model.pages[index], front = page.source.frontMatter
        let value = Record(Self.plainPageKeys, [
            .string("page"), .string(front.title), .string(front.description), .string(urls.link(page.source.url)),
            .string(urls.absolute(page.source.url)), .null, .null, [], .safe(page.html), .bool(front.noindex),
        ])
        return ["site": siteValue, "page": .record(value)]
    }

    private static let plainPageKeys = RecordKeys(pageKeys.names + ["content", "noindex"])

    /// The articles in the related box of article `index`, as model indexes.
    func related(of index: Int) -> [Int] {
        model.articles[index].frontMatter.related.compactMap { model.indexByPath[$0] }
    }

    /// The variables of a listing page (home or list).
    func listingContext(
        kind: String, title: String, description: String, url: String, lead: Int?, articles: [Int], pagination: Pagination,
        _ detail: Detail
    ) -> [String: Value] {
        // A section or column page (every page of it) shows what its `_index.md` says, an
        // author's page what the author's profile says.
        let base = pagination.page > 1 ? String(url.dropLast("page/\(pagination.page)/".count)) : url
        let intro = model.section(atURL: base)?.intro
        var list: [String: Value] = ["title": .string(title), "intro": .safe(""), "image": .null, "role": "", "links": []]
        if kind == "author", let author = authorIntros[base] {
            if pagination.page == 1 { list["intro"] = .safe(author.html) }
            list["role"] = .string(author.profile.role)
            list["links"] = .array(author.profile.links.map(Value.string))
            if let image = author.profile.image, let portrait = author.portrait {
                list["image"] = [
                    "src": .string(urls.link(portrait)), "alt": .string(image.alt), "caption": .string(image.caption),
                    "credit": .string(image.credit),
                ]
            }
        }
        if let intro {
            if pagination.page == 1 { list["intro"] = .safe(intro.html) }
            list["image"] = intro.profile.image.map { image in
                [
                    "src": .string(urls.link(urls.imageURL(image.src, page: base))),
                    "alt": .string(image.alt), "caption": .string(image.caption), "credit": .string(image.credit),
                ]
            } ?? .null
        }
        let summary = intro.map(\.description).flatMap { $0.isEmpty ? nil : $0 } ?? description
        let section = model.section(atURL: base)
        let page = pageValue(
            kind: kind, title: title, description: summary, url: url, image: nil, feed: kind == "home" ? nil : base + "atom.xml",
            breadcrumbs: section.map { breadcrumbs(to: $0.path) } ?? [])
        return [
            "site": site(detail), "page": page,
            "lead": lead.map { teaser($0, detail) } ?? .null,
            "articles": .array(articles.map { teaser($0, detail) }),
            "list": .dict(list),
            "pagination": pagination.value(links: urls.root),
            "mostDiscussed": .array(kind == "home" ? mostDiscussed.map { teaser($0, detail) } : []),
        ]
    }

    /// `page`; `feed` is the site path of the page's own feed (a listing's), if it has one;
    /// `breadcrumbs` the way to it from the home page (articles and sections), else empty.
    func pageValue(
        kind: String, title: String, description: String, url: String, image: String?, feed: String? = nil, breadcrumbs: Value = []
    ) -> Value {
        .record(Record(Self.pageKeys, [
            .string(kind), .string(title), .string(description), .string(urls.link(url)), .string(urls.absolute(url)),
            .string(image), feed.map { .string(urls.link($0)) } ?? .null, breadcrumbs,
        ]))
    }

    /// Previous (older) and next (newer) article in the same section, for all articles in one pass.
    private static func neighbours(in model: SiteModel) -> [(prev: Int?, next: Int?)] {
        var result = [(prev: Int?, next: Int?)](repeating: (nil, nil), count: model.articles.count)
        var bySection: [String: [Int]] = [:]
        for index in model.articles.indices { bySection[model.articles[index].source.section, default: []].append(index) }
        for own in bySection.values {
            // `own` is newest first, like the model.
            for (position, index) in own.enumerated() {
                result[index] = (
                    prev: position + 1 < own.count ? own[position + 1] : nil,
                    next: position > 0 ? own[position - 1] : nil)
            }
        }
        return result
    }

    private func commentsValue(_ article: PublishedArticle, comments: CommentSection) -> Value {
        let mode = article.frontMatter.comments
        let threads = mode == .off ? [] : comments.threads
        return .record(Record(Self.commentSectionKeys, [
            .string(mode.rawValue),
            .int(mode == .off ? 0 : comments.count),
            .string(model.config.comments.order.rawValue),
            .array(threads.map(PageValues.comment)),
        ]))
    }

    /// The keys of a comment, in the order `comment(_:)` lists the values.
    private static let commentKeys = RecordKeys(["id", "author", "date", "html", "rating", "replyTo", "depth", "long", "replies"])

    /// A comment and its replies, as records: the comment partial reads a dozen fields of each.
    static func comment(_ node: CommentNode) -> Value {
        .record(Record(commentKeys, [
            .string(node.comment.id),
            .string(node.comment.author),
            .date(node.comment.date),
            .safe(node.html),
            .int(node.comment.rating),
            .string(node.replyTo),
            .int(node.depth),
            .bool(node.isLong),
            .array(node.replies.map(comment)),
        ]))
    }

    /// An article's teaser; `authors` holds the records of the authors with a profile.
    static func teaser(of article: PublishedArticle, model: SiteModel, urls: SiteURLs, authors: [String: Value]) -> Value {
        let front = article.frontMatter
        let section = model.section(at: article.source.section)
        var image: Value = .null
        if let lead = front.image {
            var fields: [String: Value] = [
                "src": .string(urls.link(urls.imageURL(lead.src, article: article))), "alt": .string(lead.alt),
                "caption": .string(lead.caption), "credit": .string(lead.credit),
            ]
            // Only defined when known, so templates can test `image.width is defined`.
            if let size = article.facts.leadImageSize {
                fields["width"] = .int(size.width)
                fields["height"] = .int(size.height)
            }
            if let picture = urls.picture(lead.src, page: article.url) {
                fields.merge(Self.pictureFields(picture, alt: lead.alt, urls: urls)) { _, derived in derived }
            }
            image = Self.imageValue(fields)
        }
        return .record(Record(teaserKeys, [
            .string(front.title),
            .string(front.teaser),
            .string(urls.link(article.url)),
            .string(urls.absolute(article.url)),
            .date(front.date),
            .date(front.updated),
            .array(front.authors.map { authors[$0] ?? link($0, urls.link(urls.author($0))) }),
            section.map { link($0.name, urls.link($0.url)) } ?? .null,
            front.column.map { link($0, urls.link(urls.column($0))) } ?? .null,
            .array(front.tags.map { link($0, urls.link(urls.tag($0))) }),
            image,
            .bool(front.featured),
            .int(max(1, (article.facts.wordCount + 199) / 200)),
            .string(front.kicker),
            .int(front.comments == .off ? 0 : article.facts.commentCount),
        ]))
    }

    /// The keys of a teaser, in the order `teaser(of:model:urls:)` lists the values.
    private static let teaserKeys = RecordKeys([
        "title", "teaser", "url", "permalink", "date", "updated", "authors", "section", "column", "tags", "image",
        "featured", "readingTime", "kicker", "commentCount",
    ])
    private static let linkKeys = RecordKeys(["name", "url"])
    /// An author with a profile: a link with the role and the author's pages elsewhere.
    private static let authorKeys = RecordKeys(["name", "url", "role", "links"])

    /// An author, section, column or tag: `{name, url}`, `url` being the link.
    private static func link(_ name: String, _ url: String) -> Value {
        .record(Record(linkKeys, [.string(name), .string(url)]))
    }
}

/// Page numbers and the site paths of neighbouring pages of a paginated listing.
struct Pagination: Sendable {
    let page: Int
    let pages: Int
    let prev: String?
    let next: String?

    private static let keys = RecordKeys(["page", "pages", "prev", "next"])

    /// The template variable, with `prev` and `next` as links.
    func value(links root: SiteRoot) -> Value {
        .record(Record(Self.keys, [.int(page), .int(pages), .string(prev.map(root.link)), .string(next.map(root.link))]))
    }
}
