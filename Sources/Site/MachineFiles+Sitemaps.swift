import Basics
import Foundation

extension MachineFiles {
    /// `robots.txt`: everything allowed, with the sitemap; a preview build disallows everything.
    static func robots(urls: SiteURLs, preview: Bool) -> String {
        preview ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nAllow: /\n\nSitemap: \(urls.absolute("/sitemap.xml"))\n"
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

}
