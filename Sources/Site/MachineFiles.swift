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

    /// Everything a feed's XML is made from: the feed's file is written from this alone, and
    /// its key is the digest of this with ``Detail/digests`` (each entry's body then is its
    /// article's key).
    struct FeedDocument: Sendable, Encodable {
        struct Entry: Sendable, Encodable {
            let title: String
            let permalink: String
            let published: Date
            let updated: Date
            let authors: [Author]
            let summary: String
            /// The body's HTML, XML-escaped; the article's key for ``Detail/digests``.
            let content: String
        }

        struct Author: Sendable, Encodable {
            let name: String
            let uri: String
        }

        let language: String
        let title: String
        let id: String
        let selfURL: String
        let updated: Date
        let entries: [Entry]
    }

    /// The document of a feed, over the newest `feedLength` of its articles (model order:
    /// newest first). `bodies` renders the entries' bodies (on demand for cached articles).
    static func document(of feed: Feed, values: PageValues, _ detail: Detail) -> FeedDocument {
        let model = values.model, urls = values.urls
        let entries = feed.entries.map { model.articles[$0] }
        let updated = entries.map { $0.frontMatter.updated ?? $0.frontMatter.date }.max() ?? Date(timeIntervalSince1970: 0)
        return FeedDocument(
            language: model.config.language, title: feed.title, id: urls.absolute(feed.url),
            selfURL: urls.absolute(feed.url + "atom.xml"), updated: updated,
            entries: entries.map { article in
                let front = article.frontMatter
                return FeedDocument.Entry(
                    title: front.title, permalink: urls.absolute(article.url), published: front.date,
                    updated: front.updated ?? front.date,
                    authors: front.authors.map { FeedDocument.Author(name: $0, uri: urls.absolute(urls.author($0))) },
                    summary: front.teaser,
                    content: detail == .full
                        ? xmlEscape(ArticleEmbeds.feedHTML(values.bodies.rendered(article).body.html, embeds: article.facts.embeds))
                        : "article \(article.key)")
            })
    }

    /// `robots.txt`: everything allowed, with the sitemap; a preview build disallows everything.
    static func robots(urls: SiteURLs, preview: Bool) -> String {
        preview ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"
    }

    /// An Atom 1.0 feed.
    static func xml(_ feed: FeedDocument) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlEscape(feed.language))">
              <title>\(xmlEscape(feed.title))</title>
              <id>\(xmlEscape(feed.id))</id>
              <link rel="self" type="application/atom+xml" href="\(xmlEscape(feed.selfURL))"/>
              <link rel="alternate" type="text/html" href="\(xmlEscape(feed.id))"/>
              <updated>\(isoDate(feed.updated))</updated>

            """
        for entry in feed.entries {
            xml += "  <entry>\n"
            xml += "    <title>\(xmlEscape(entry.title))</title>\n"
            xml += "    <id>\(xmlEscape(entry.permalink))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(xmlEscape(entry.permalink))\"/>\n"
            xml += "    <published>\(isoDate(entry.published))</published>\n"
            xml += "    <updated>\(isoDate(entry.updated))</updated>\n"
            for author in entry.authors {
                xml += "    <author><name>\(xmlEscape(author.name))</name><uri>\(xmlEscape(author.uri))</uri></author>\n"
            }
            xml += "    <summary>\(xmlEscape(entry.summary))</summary>\n"
            xml += "    <content type=\"html\" xml:base=\"\(xmlEscape(entry.permalink))\">\(entry.content)</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
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
