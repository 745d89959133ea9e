import Basics
import Foundation
import Templates

/// The key of every output file: a digest of exactly what the file is made from.
///
/// A page whose key is the same as in the previous build is left as it is. Keys are built
/// from the article keys and the digests of the teasers a page shows, so changing an
/// article's title re-renders its listings and related boxes, and changing only its body
/// re-renders only its own page (and the feeds that carry it).
struct PageKeys: Sendable {
    /// Per page template: the digest of it and every template it extends or includes.
    let templates: [String: Digest]
    /// The site settings and the site-wide template variables.
    let site: Digest
    /// One digest per article teaser, in model order.
    let teasers: [Digest]

    init(values: PageValues, templates: TemplateSet, sources: [String: String], settings: Digest, jobs: Int) {
        var perTemplate: [String: Digest] = [:]
        for name in templates.names {
            var hasher = DigestHasher(tag: "template")
            for dependency in templates.dependencies(of: name) {
                hasher.combine(dependency)
                hasher.combine(sources[dependency] ?? "")
            }
            perTemplate[name] = hasher.finalize()
        }
        self.templates = perTemplate
        var site = DigestHasher(tag: "site")
        site.combine(settings)
        site.combine(values.siteValue)
        self.site = site.finalize()
        teasers = parallelMap(values.teasers, jobs: jobs) { teaser in
            var hasher = DigestHasher()
            hasher.combine(teaser)
            return hasher.finalize()
        }
    }

    func key(for page: PlannedPage, values: PageValues) -> Digest {
        var hasher = DigestHasher(tag: "page")
        hasher.combine(site)
        hasher.combine(page.url)
        switch page.kind {
        case .article(let index):
            hasher.combine(templates["article.html"] ?? .zero)
            hasher.combine(values.model.articles[index].key)
            hasher.combine(teasers[index])
            let related = values.related(of: index)
            hasher.combine(related.count)
            for other in related { hasher.combine(teasers[other]) }
            let (prev, next) = values.neighbours(of: index)
            hasher.combine(prev.map { teasers[$0] } ?? .zero)
            hasher.combine(next.map { teasers[$0] } ?? .zero)
        case let .listing(template, kind, title, description, lead, articles, pagination):
            hasher.combine(templates[template] ?? .zero)
            hasher.combine(kind)
            hasher.combine(title)
            hasher.combine(description)
            hasher.combine(lead.map { teasers[$0] } ?? .zero)
            hasher.combine(articles.count)
            for index in articles { hasher.combine(teasers[index]) }
            hasher.combine(pagination.value)
        case let .terms(kind, title, terms):
            hasher.combine(templates["terms.html"] ?? .zero)
            hasher.combine(kind)
            hasher.combine(title)
            for term in terms {
                hasher.combine(term.name)
                hasher.combine(term.url)
                hasher.combine(term.count)
            }
        case .notFound:
            hasher.combine(templates["404.html"] ?? .zero)
        case .alias(let target):
            hasher.combine("alias")
            hasher.combine(target)
        }
        return hasher.finalize()
    }

    /// A feed changes when its entries or their bodies do.
    func key(for feed: MachineFiles.Feed, model: SiteModel) -> Digest {
        var hasher = DigestHasher(tag: "feed")
        hasher.combine(site)
        hasher.combine(feed.path)
        hasher.combine(feed.title)
        for index in feed.entries {
            hasher.combine(model.articles[index].key)
            hasher.combine(teasers[index])
        }
        return hasher.finalize()
    }

    /// The sitemap changes with its URLs and their dates.
    static func key(forSitemap entries: [MachineFiles.SitemapEntry]) -> Digest {
        var hasher = DigestHasher(tag: "sitemap")
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.url)
            hasher.combine(entry.lastmod?.timeIntervalSinceReferenceDate ?? -1)
        }
        return hasher.finalize()
    }

    /// Files whose text is cheap to make: keyed by the text itself.
    static func key(forText text: String, path: String) -> Digest {
        var hasher = DigestHasher(tag: "text")
        hasher.combine(path)
        hasher.combine(text)
        return hasher.finalize()
    }

    /// A copied file (static file, bundle resource): its path and stamp.
    static func key(forCopyOf source: String, path: String) -> Digest? {
        guard let stamp = FileStamp.of(source) else { return nil }
        var hasher = DigestHasher(tag: "copy")
        hasher.combine(path)
        hasher.combine(source)
        hasher.combine(stamp)
        return hasher.finalize()
    }
}
