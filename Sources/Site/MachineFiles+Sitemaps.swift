import Basics
import Content
import Foundation

extension MachineFiles {
    /// `robots.txt`: everything allowed, with the sitemap and the news sitemap; a preview build
    /// disallows everything.
    static func robots(urls: SiteURLs, preview: Bool) -> String {
        preview ? "User-agent: *\nDisallow: /\n"
            : "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\nSitemap: \(urls.absolute("/" + newsSitemapPath))\n"
    }

    /// The sitemap protocol's limit of URLs per file.
    static let sitemapLimit = 50_000
    static let newsSitemapPath = "sitemap-news.xml"

    /// The sitemap files: `sitemap.xml` with every entry, or, beyond `limit` entries,
    /// `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as their index (with the news sitemap).
    static func sitemapFiles(_ entries: [SitemapEntry], urls: SiteURLs, limit: Int = sitemapLimit) -> [(path: String, file: SitemapFile)] {
        guard entries.count > limit else { return [("sitemap.xml", .urls(entries))] }
        let parts = stride(from: 0, to: entries.count, by: limit).map { Array(entries[$0..<min($0 + limit, entries.count)]) }
        let paths = parts.indices.map { "sitemap-\($0 + 1).xml" }
        return zip(paths, parts).map { ($0, .urls($1)) }
            + [("sitemap.xml", .index((paths + [newsSitemapPath]).map { urls.absolute("/" + $0) }))]
    }

    /// One sitemap file: a list of pages, or an index of other sitemaps.
    enum SitemapFile: Sendable, Encodable {
        case urls([SitemapEntry])
        case index([String])

        var xml: String {
            switch self {
            case .urls(let entries): MachineFiles.sitemap(entries)
            case .index(let sitemaps): MachineFiles.sitemapIndex(sitemaps)
            }
        }
    }

    static func sitemapIndex(_ sitemaps: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps { xml += "  <sitemap><loc>\(xmlEscape(sitemap))</loc></sitemap>\n" }
        return xml + "</sitemapindex>\n"
    }

    /// An article in the Google News sitemap.
    struct NewsEntry: Sendable, Encodable {
        let url: String
        let title: String
        let date: Date
    }

    /// The articles published in the 48 hours up to `now` (the build's clock), newest first, at most 1,000.
    static func newsEntries(model: SiteModel, urls: SiteURLs, now: Date) -> [NewsEntry] {
        let since = now.addingTimeInterval(-48 * 3600)
        return model.articles.lazy.filter { $0.frontMatter.date > since && $0.frontMatter.date <= now }.prefix(1000)
            .map { NewsEntry(url: urls.absolute($0.url), title: $0.frontMatter.title, date: $0.frontMatter.date) }
    }

    /// `sitemap-news.xml` (Google News: publication name and language, title and date of each article).
    static func newsSitemap(_ entries: [NewsEntry], name: String, language: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        for entry in entries {
            xml += "  <url><loc>\(xmlEscape(entry.url))</loc><news:news>"
            xml += "<news:publication><news:name>\(xmlEscape(name))</news:name><news:language>\(xmlEscape(language))</news:language></news:publication>"
            xml += "<news:publication_date>\(isoDate(entry.date))</news:publication_date><news:title>\(xmlEscape(entry.title))</news:title>"
            xml += "</news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A page in the sitemap: its absolute URL and when it last changed, if known.
    struct SitemapEntry: Sendable, Encodable {
        let url: String
        let lastmod: Date?
    }

    /// Every HTML page except redirects, the 404 page and plain pages marked `noindex`, with
    /// `lastmod` for articles and listings.
    static func sitemapEntries(model: SiteModel, urls: SiteURLs, pages: [PlannedPage]) -> [SitemapEntry] {
        pages.compactMap { page in
            let lastmod: Date?
            switch page.kind {
            case .article(let index):
                lastmod = model.articles[index].frontMatter.updated ?? model.articles[index].frontMatter.date
            case .listing(_, _, _, _, let lead, let articles, _):
                lastmod = ([lead].compactMap { $0 } + articles)
                    .map { model.articles[$0].frontMatter.updated ?? model.articles[$0].frontMatter.date }.max()
            case .terms:
                lastmod = nil
            case .plain(let index):
                guard !model.pages[index].source.frontMatter.noindex else { return nil }
                lastmod = nil
            case .notFound, .alias, .search:
                return nil
            }
            return SitemapEntry(url: urls.absolute(page.url), lastmod: lastmod)
        }
    }

    static func sitemap(_ entries: [SitemapEntry]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "  <url><loc>\(xmlEscape(entry.url))</loc>"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(isoDate(lastmod))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }


    /// The theme's icons a web app manifest lists, when `static/` has them: path, type, sizes.
    static let manifestIcons = [
        ("favicon.svg", "image/svg+xml", "any"), ("icon-192.png", "image/png", "192x192"),
        ("apple-touch-icon.png", "image/png", "180x180"),
    ]

    /// `manifest.webmanifest`: the magazine's name, language and colours from `site.yml`, and
    /// those of the theme's icons that the site publishes (`published` holds output paths).
    static func manifest(config: SiteConfig, urls: SiteURLs, published: Set<String>) -> String {
        func json(_ text: String) -> String { JSONString.literal(text) }
        let icons = manifestIcons.filter { published.contains($0.0) }.map { icon in
            "    {\"src\": \(json(urls.link("/" + icon.0))), \"type\": \(json(icon.1)), \"sizes\": \(json(icon.2))}"
        }
        return """
            {
              "name": \(json(config.title)),
              "short_name": \(json(config.title)),
              "lang": \(json(config.language)),
              "start_url": \(json(urls.link("/"))),
              "scope": \(json(urls.link("/"))),
              "display": "browser",
              "theme_color": \(json(config.colors.theme)),
              "background_color": \(json(config.colors.background)),
              "icons": [
            \(icons.joined(separator: ",\n"))
              ]
            }

            """
    }
}
