import Basics
import Foundation
import Templates

/// The files written for machines rather than readers: Atom feeds, `sitemap.xml`, `robots.txt`.
///
/// Dates come from the articles, never from the clock, so identical input gives identical files.
enum MachineFiles {
    /// Entries per feed.
    static let feedLength = 20

    /// A feed to write: where, with which title, over which articles (model order).
    struct Feed: Sendable {
        let path: String
        let title: String
        let url: String
        let articles: [Int]

        /// The articles the feed shows.
        var entries: ArraySlice<Int> { articles.prefix(MachineFiles.feedLength) }
    }

    /// The site feed and one per section.
    static func feeds(model: SiteModel) -> [Feed] {
        [Feed(path: "atom.xml", title: model.config.title, url: "/", articles: Array(model.articles.indices))]
            + model.sections.map { section in
                Feed(path: String(section.url.dropFirst()) + "atom.xml", title: "\(section.name) – \(model.config.title)",
                     url: section.url, articles: section.articles)
            }
    }

    /// The feed's XML; `bodies` renders the entries' bodies (on demand for cached articles).
    static func text(of feed: Feed, model: SiteModel, urls: SiteURLs, bodies: ArticleBodies) -> String {
        let escaped = Dictionary(uniqueKeysWithValues: feed.entries.map { ($0, xmlEscape(bodies.rendered($0).body.html)) })
        return self.feed(title: feed.title, url: feed.url, articles: feed.articles, model: model, urls: urls, bodies: escaped)
    }

    static func robots(urls: SiteURLs) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"
    }

    /// An Atom 1.0 feed of the newest articles among `articles` (model order: newest first).
    /// `bodies` holds the XML-escaped body HTML by article index.
    static func feed(
        title: String, url: String, articles: [Int], model: SiteModel, urls: SiteURLs, bodies: [Int: String]
    ) -> String {
        let entries = articles.prefix(feedLength).map { (index: $0, article: model.articles[$0]) }
        let updated = entries.map { $0.article.frontMatter.updated ?? $0.article.frontMatter.date }.max()
            ?? Date(timeIntervalSince1970: 0)
        let feedURL = urls.absolute(url + "atom.xml")
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(model.config.language))">
              <title>\(xmlEscape(title))</title>
              <id>\(xmlEscape(urls.absolute(url)))</id>
              <link rel="self" type="application/atom+xml" href="\(xmlEscape(feedURL))"/>
              <link rel="alternate" type="text/html" href="\(xmlEscape(urls.absolute(url)))"/>
              <updated>\(isoDate(updated))</updated>

            """
        for (index, article) in entries {
            let front = article.frontMatter
            let permalink = urls.absolute(article.url)
            xml += "  <entry>\n"
            xml += "    <title>\(xmlEscape(front.title))</title>\n"
            xml += "    <id>\(xmlEscape(permalink))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlEscape(permalink))\"/>\n"
            xml += "    <published>\(isoDate(front.date))</published>\n"
            xml += "    <updated>\(isoDate(front.updated ?? front.date))</updated>\n"
            for author in front.authors {
                xml += "    <author><name>\(xmlEscape(author))</name><uri>\(xmlEscape(urls.absolute(urls.author(author))))</uri></author>\n"
            }
            xml += "    <summary>\(xmlEscape(front.teaser))</summary>\n"
            xml += "    <content type=\"html\" xml:base=\"\(xmlEscape(permalink))\">\(bodies[index] ?? "")</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// A page in the sitemap: its absolute URL and when it last changed, if known.
    struct SitemapEntry: Sendable {
        let url: String
        let lastmod: Date?
    }

    /// Every HTML page except redirects and the 404 page, with `lastmod` for articles and listings.
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
            case .notFound, .alias:
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

    /// RFC 3339 in UTC, e.g. `2022-06-22T08:15:00Z`.
    static func isoDate(_ date: Date) -> String { Timestamp.utc(date) }

    /// Escapes text for XML element content and attribute values, working on UTF-8 bytes
    /// (feeds carry whole article bodies, so this is on the hot path).
    static func xmlEscape(_ text: String) -> String { Escaping.xml(text) }
}
