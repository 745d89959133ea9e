import Content

/// One page the build renders: which template, at which site path, with which variables.
struct PlannedPage: Sendable {
    enum Kind: Sendable {
        case article(Int)
        case listing(template: String, kind: String, title: String, description: String, lead: Int?, articles: [Int], pagination: Pagination)
        case notFound
        /// A redirect from an old URL (`aliases:`) to the page at `target`.
        case alias(target: String)
    }

    /// URL path of the page, e.g. `/politik/foo/` or `/404.html`.
    let url: String
    let kind: Kind

    /// The file the page is written to, relative to the output folder.
    var outputPath: String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty { return "index.html" }
        return trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }
}

/// Decides every page of the site from the model.
enum PagePlan {
    static func pages(for model: SiteModel, urls: SiteURLs, hasNotFoundTemplate: Bool) -> [PlannedPage] {
        var pages = model.articles.indices.map { PlannedPage(url: model.articles[$0].url, kind: .article($0)) }
        pages += homePages(model)
        pages += listingPages(model, urls: urls)
        if hasNotFoundTemplate { pages.append(PlannedPage(url: "/404.html", kind: .notFound)) }
        for article in model.articles {
            for alias in article.frontMatter.aliases {
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
    private static func listingPages(_ model: SiteModel, urls: SiteURLs) -> [PlannedPage] {
        var groups: [(kind: String, title: String, url: String, items: [Int])] = []
        var taken = Set<String>()
        for section in model.sections {
            let isColumn = section.path.hasPrefix(model.config.paths.columns + "/")
            groups.append((isColumn ? "column" : "section", section.name, section.url, section.articles))
            taken.insert(section.url)
        }
        var columns: [String: [Int]] = [:], tags: [String: [Int]] = [:], authors: [String: [Int]] = [:]
        var names: [String: String] = [:]
        for (i, article) in model.articles.enumerated() {
            if let column = article.frontMatter.column {
                columns[urls.column(column), default: []].append(i)
                names[urls.column(column)] = column
            }
            for tag in article.frontMatter.tags {
                tags[urls.tag(tag), default: []].append(i)
                names[urls.tag(tag)] = tag
            }
            for author in article.frontMatter.authors {
                authors[urls.author(author), default: []].append(i)
                names[urls.author(author)] = author
            }
        }
        for (kind, map) in [("column", columns), ("tag", tags), ("author", authors)] {
            for url in map.keys.sorted() where !taken.contains(url) {
                groups.append((kind, names[url] ?? url, url, map[url] ?? []))
                taken.insert(url)
            }
        }
        return groups.flatMap { group in
            paginate(group.items, base: group.url, perPage: model.config.paginate).map { chunk in
                PlannedPage(url: chunk.url, kind: .listing(
                    template: "list.html", kind: group.kind, title: group.title, description: group.title,
                    lead: nil, articles: chunk.items, pagination: chunk.pagination))
            }
        }
    }

    /// The URL path of an alias, with duplicate slashes removed: `/alt//x.html` → `/alt/x.html`.
    static func aliasURL(_ alias: String) -> String {
        "/" + alias.split(separator: "/").joined(separator: "/") + (alias.hasSuffix("/") ? "/" : "")
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
