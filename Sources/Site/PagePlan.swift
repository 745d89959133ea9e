import Content

/// One page the build renders: which template, at which site path, with which variables.
struct PlannedPage: Sendable {
    enum Kind: Sendable {
        case article(Int)
        case listing(template: String, kind: String, title: String, description: String, lead: Int?, articles: [Int], pagination: Pagination)
        case notFound
        /// An index of tags or authors: every term with its page and article count.
        case terms(kind: String, title: String, terms: [Term])
        /// A redirect from an old URL (`aliases:`) to the page at `target`.
        case alias(target: String)
        /// A plain page from `pages/`, by index in the model's pages.
        case plain(Int)
        /// The search page (`search:` in `site.yml`).
        case search
    }

    /// URL path of the page, e.g. `/politik/foo/` or `/404.html`.
    let url: String
    let kind: Kind

    /// The file the page is written to, relative to the output folder.
    var outputPath: String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? String(concatenating: trimmed, "index.html") : trimmed
    }
}

/// Decides every page of the site from the model.
enum PagePlan {
    /// Every page; `groups` are the model's listings (``listingGroups(_:urls:)``).
    static func pages(for model: SiteModel, urls: SiteURLs, templates: Set<String>, groups: [ListingGroup]) -> [PlannedPage] {
        var pages = model.articles.indices.map { PlannedPage(url: model.articles[$0].url, kind: .article($0)) }
        pages += model.pages.indices.map { PlannedPage(url: model.pages[$0].source.url, kind: .plain($0)) }
        pages += homePages(model)
        pages += listingPages(groups, perPage: model.config.paginate)
        if templates.contains("terms.html") { pages += termIndexPages(model, urls: urls) }
        let hasNotFoundTemplate = templates.contains("404.html")
        if hasNotFoundTemplate { pages.append(PlannedPage(url: "/404.html", kind: .notFound)) }
        if model.config.search.enabled, templates.contains(SiteSearch.template) {
            pages.append(PlannedPage(url: "/\(model.config.search.page)/", kind: .search))
        }
        for article in model.articles {
            // An alias with a query (`/?p=123`) names no file a static host could serve.
            for alias in article.frontMatter.aliases where !alias.contains("?") {
                pages.append(PlannedPage(url: aliasURL(alias), kind: .alias(target: article.url)))
            }
        }
        return pages
    }

    /// `/`, `/page/2/`, …: the lead story on the first page, the other articles as teasers.
    private static func homePages(_ model: SiteModel) -> [PlannedPage] {
        let lead = model.leadIndex
        let rest = model.articles.indices.filter { $0 != lead }
        return paginate(rest, base: "/", perPage: model.config.paginate).map { chunk in
            PlannedPage(url: chunk.url, kind: .listing(
                template: "home.html", kind: "home", title: model.config.title, description: model.config.title,
                lead: chunk.pagination.page == 1 ? lead : nil, articles: chunk.items, pagination: chunk.pagination))
        }
    }

    /// Section, column, tag and author listings.
    /// A listing: a section, a column, a tag's or an author's articles (model order).
    struct ListingGroup: Sendable {
        let kind: String
        let title: String
        let url: String
        let items: [Int]

        /// Where the listing's feed is: beside its first page.
        var feedURL: String { url + "atom.xml" }
    }

    private static func listingPages(_ groups: [ListingGroup], perPage: Int) -> [PlannedPage] {
        groups.flatMap { group in
            paginate(group.items, base: group.url, perPage: perPage).map { chunk in
                PlannedPage(url: chunk.url, kind: .listing(
                    template: "list.html", kind: group.kind, title: group.title, description: group.title,
                    lead: nil, articles: chunk.items, pagination: chunk.pagination))
            }
        }
    }

    /// Every listing but the home page: sections (column folders among them), then columns,
    /// tags and authors that have no section at their URL.
    static func listingGroups(_ model: SiteModel, urls: SiteURLs) -> [ListingGroup] {
        var groups: [ListingGroup] = []
        var taken = Set<String>()
        for section in model.sections {
            let isColumn = section.path.hasPrefix(model.config.paths.columns + "/")
            groups.append(ListingGroup(kind: isColumn ? "column" : "section", title: section.name, url: section.url, items: section.articles))
            taken.insert(section.url)
        }
        var columns: [String: [Int]] = [:], tags: [String: [Int]] = [:], authors: [String: [Int]] = [:]
        var names: [String: String] = [:]
        for (i, article) in model.articles.enumerated() {
            if let column = article.frontMatter.column {
                let url = urls.column(column)
                columns[url, default: []].append(i)
                names[url] = column
            }
            for tag in article.frontMatter.tags {
                let url = urls.tag(tag)
                tags[url, default: []].append(i)
                names[url] = tag
            }
            for author in article.frontMatter.authors {
                let url = urls.author(author)
                authors[url, default: []].append(i)
                names[url] = author
            }
        }
        for (kind, map) in [("column", columns), ("tag", tags), ("author", authors)] {
            for url in map.keys.sorted() where !taken.contains(url) {
                groups.append(ListingGroup(kind: kind, title: names[url] ?? url, url: url, items: map[url] ?? []))
                taken.insert(url)
            }
        }
        return groups
    }

    /// The URL path of an alias, with duplicate slashes removed: `/alt//x.html` → `/alt/x.html`.
    static func aliasURL(_ alias: String) -> String {
        "/" + alias.split(separator: "/").joined(separator: "/") + (alias.hasSuffix("/") ? "/" : "")
    }

    /// `/tags/` and `/autoren/`: every tag and author with the number of their articles.
    private static func termIndexPages(_ model: SiteModel, urls: SiteURLs) -> [PlannedPage] {
        var tags: [String: Term] = [:], authors: [String: Term] = [:]
        for article in model.articles {
            for tag in article.frontMatter.tags {
                tags[urls.tag(tag), default: Term(name: tag, url: urls.tag(tag), count: 0)].count += 1
            }
            for author in article.frontMatter.authors {
                authors[urls.author(author), default: Term(name: author, url: urls.author(author), count: 0)].count += 1
            }
        }
        let words = Words(language: model.config.language)
        return [
            PlannedPage(url: "/\(model.config.paths.tags)/", kind: .terms(kind: "tags", title: words.tags, terms: Term.sorted(tags.values))),
            PlannedPage(url: "/\(model.config.paths.authors)/", kind: .terms(kind: "authors", title: words.authors, terms: Term.sorted(authors.values))),
        ]
    }

    /// Splits `items` into pages at `base`, `base/page/2/`, …; always at least one page.
    static func paginate(_ items: [Int], base: String, perPage: Int) -> [(url: String, items: [Int], pagination: Pagination)] {
        let size = max(1, perPage)
        let count = max(1, (items.count + size - 1) / size)
        func url(_ page: Int) -> String { page == 1 ? base : "\(base)page/\(page)/" }
        return (1...count).map { page in
            let slice = Array(items.dropFirst((page - 1) * size).prefix(size))
            let pagination = Pagination(
                page: page, pages: count, prev: page > 1 ? url(page - 1) : nil, next: page < count ? url(page + 1) : nil)
            return (url(page), slice, pagination)
        }
    }
}

/// A tag or author on an index page.
struct Term: Sendable, Hashable {
    let name: String
    let url: String
    var count: Int

    /// Alphabetical by URL slug (so `Ärzte` sorts with `A`), then by name.
    static func sorted(_ terms: some Sequence<Term>) -> [Term] {
        terms.sorted { ($0.url, $0.name) < ($1.url, $1.name) }
    }
}
