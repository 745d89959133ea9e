import Basics
import Foundation
import Templates

extension MachineFiles {
    /// A feed to write: where, with which title, over which articles (model order).
    struct Feed: Sendable {
        let path: String
        let title: String
        let url: String
        let articles: [Int]
        /// Whether entries carry the whole article (the site and section feeds) or only its
        /// teaser (column, tag and author feeds: a magazine has thousands of tags, and whole
        /// bodies in each of their feeds would double the size of the site).
        let full: Bool

        /// The articles the feed shows.
        var entries: ArraySlice<Int> { articles.prefix(MachineFiles.feedLength) }
    }

    /// The site feed, and one beside the first page of every listing (sections, columns,
    /// tags, authors): `/politik/atom.xml`, `/tags/wahl/atom.xml`.
    /// `groups` are the model's listings (``PagePlan/listingGroups(_:urls:)``).
    static func feeds(model: SiteModel, groups: [PagePlan.ListingGroup]) -> [Feed] {
        [Feed(path: "atom.xml", title: model.config.title, url: "/", articles: Array(model.articles.indices), full: true)]
            + groups.map { group in
                Feed(path: String(group.feedURL.dropFirst()), title: "\(group.title) – \(model.config.title)", url: group.url,
                     articles: group.items, full: model.section(atURL: group.url) != nil)
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
            /// The tags.
            let categories: [String]
            /// The lead image's absolute URL and media type, for feed readers' pictures.
            let image: Image?
            /// The body's HTML, XML-escaped (the article's key for ``Detail/digests``); nil in a teaser feed.
            let content: String?
        }

        struct Author: Sendable, Encodable {
            let name: String
            /// The author's page on the site (with the profile, where there is one).
            let uri: String
        }

        struct Image: Sendable, Encodable {
            let url: String
            let type: String
        }

        let language: String
        let title: String
        let id: String
        let selfURL: String
        let updated: Date
        var entries: [Entry]
    }

    /// The document of a feed, over the newest `feedLength` of its articles (model order:
    /// newest first). `bodies` renders the entries' bodies (on demand for cached articles).
    static func document(of feed: Feed, values: PageValues, _ detail: Detail) -> FeedDocument {
        var document = header(of: feed, values: values)
        document.entries = feed.entries.map { entry(of: $0, full: feed.full, values: values, detail) }
        return document
    }

    /// What a feed's key is made from: the digest of its document's own fields, then of each
    /// entry (``document(of:values:_:)`` with ``Detail/digests``), `entry` giving the digest of
    /// an article's entry (``entryDigests(of:values:jobs:)``: an article shown by a dozen feeds
    /// is digested once).
    static func keyDigest(of feed: Feed, values: PageValues, entry: (_ article: Int, _ full: Bool) -> Digest) -> Digest {
        var hasher = DigestHasher(tag: "feed")
        hasher.combine(DigestEncoder.digest(of: header(of: feed, values: values)))
        for article in feed.entries { hasher.combine(entry(article, feed.full)) }
        return hasher.finalize()
    }

    /// The digest of the entry (with ``Detail/digests``) of every article that `feeds` show,
    /// in full or as a teaser, by article.
    static func entryDigests(of feeds: [Feed], values: PageValues, jobs: Int) -> (full: [Int: Digest], teaser: [Int: Digest]) {
        var wanted = (full: Set<Int>(), teaser: Set<Int>())
        for feed in feeds {
            if feed.full { wanted.full.formUnion(feed.entries) } else { wanted.teaser.formUnion(feed.entries) }
        }
        let pairs = wanted.full.map { ($0, true) } + wanted.teaser.map { ($0, false) }
        let digests = parallelMap(pairs, jobs: jobs) { entryDigest(of: $0, full: $1, values: values) }
        var result = (full: [Int: Digest](minimumCapacity: wanted.full.count), teaser: [Int: Digest](minimumCapacity: wanted.teaser.count))
        for ((article, full), digest) in zip(pairs, digests) {
            if full { result.full[article] = digest } else { result.teaser[article] = digest }
        }
        return result
    }

    /// The digest of article `index`'s entry (with ``Detail/digests``) in a feed of whole articles (`full`) or of teasers.
    static func entryDigest(of index: Int, full: Bool, values: PageValues) -> Digest {
        DigestEncoder.digest(of: entry(of: index, full: full, values: values, .digests))
    }

    /// A feed's document without its entries.
    private static func header(of feed: Feed, values: PageValues) -> FeedDocument {
        let model = values.model, urls = values.urls
        let updated = feed.entries.map { model.articles[$0].frontMatter.updated ?? model.articles[$0].frontMatter.date }.max()
            ?? Date(timeIntervalSince1970: 0)
        return FeedDocument(
            language: model.config.language, title: feed.title, id: urls.absolute(feed.url),
            selfURL: urls.absolute(feed.url + "atom.xml"), updated: updated, entries: [])
    }

    /// Article `index`'s entry in a feed of whole articles (`full`) or of teasers.
    private static func entry(of index: Int, full: Bool, values: PageValues, _ detail: Detail) -> FeedDocument.Entry {
        let article = values.model.articles[index], urls = values.urls
        let front = article.frontMatter
        let image = front.image.map { lead in
            let url = urls.absolute(urls.imageURL(lead.src, article: article))
            return FeedDocument.Image(url: url, type: mediaType(of: url))
        }
        let content: String?
        switch (full, detail) {
        case (false, _): content = nil
        case (true, .digests):
            content = "article \(article.key) " + values.figureSources(of: article).joined(separator: " ")
        case (true, .full):
            content = xmlEscape(ArticleEmbeds.feedHTML(
                values.bodies.rendered(article).body.html, embeds: article.facts.embeds, sources: values.figureSources(of: article)))
        }
        return FeedDocument.Entry(
            title: front.title, permalink: urls.absolute(article.url), published: front.date,
            updated: front.updated ?? front.date,
            authors: front.authors.map { FeedDocument.Author(name: $0, uri: urls.absolute(urls.author($0))) },
            summary: front.teaser, categories: front.tags, image: image, content: content)
    }

    /// The media type a picture's file name suggests (feed readers need one for an enclosure).
    static func mediaType(of file: String) -> String {
        // Only the end of the name (before a query) tells: it alone is lowercased.
        let name = String(decoding: file.utf8.prefix { $0 != UInt8(ascii: "?") }.suffix(8), as: UTF8.self).lowercased()
        if name.hasSuffix(".png") { return "image/png" }
        if name.hasSuffix(".gif") { return "image/gif" }
        if name.hasSuffix(".webp") { return "image/webp" }
        if name.hasSuffix(".avif") { return "image/avif" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "image/jpeg"
    }

    /// An Atom 1.0 feed; each entry's lead image is an enclosure and a Media RSS picture,
    /// the two forms feed readers show.
    static func xml(_ feed: FeedDocument) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="\(xmlEscape(feed.language))">
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
            if let image = entry.image {
                xml += "    <link rel=\"enclosure\" type=\"\(image.type)\" href=\"\(xmlEscape(image.url))\"/>\n"
                xml += "    <media:content url=\"\(xmlEscape(image.url))\" medium=\"image\" type=\"\(image.type)\"/>\n"
            }
            xml += "    <published>\(isoDate(entry.published))</published>\n"
            xml += "    <updated>\(isoDate(entry.updated))</updated>\n"
            for author in entry.authors {
                xml += "    <author><name>\(xmlEscape(author.name))</name><uri>\(xmlEscape(author.uri))</uri></author>\n"
            }
            for category in entry.categories {
                xml += "    <category term=\"\(xmlEscape(category))\"/>\n"
            }
            xml += "    <summary>\(xmlEscape(entry.summary))</summary>\n"
            if let content = entry.content {
                xml += "    <content type=\"html\" xml:base=\"\(xmlEscape(entry.permalink))\">\(content)</content>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
