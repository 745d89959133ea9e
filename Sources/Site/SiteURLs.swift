import Basics
import Content

/// The URLs of generated pages: authors, tags, columns, images, absolute links.
///
/// These are site paths (`/politik/wahl/`, where the page's file lands in the output);
/// ``link(_:)`` turns one into what a page links to (`/magazin/politik/wahl/` on a site under
/// `https://verlag.example/magazin/`), ``absolute(_:)`` into a full URL.
struct SiteURLs: Sendable {
    let config: SiteConfig
    let root: SiteRoot
    /// Column name → URL of the section that holds the column, when there is one.
    private let columnSections: [String: String]
    /// The page URL of every tag, author and column name, made once per name
    /// (listings, teasers and term indexes ask for them tens of thousands of times).
    private let tagURLs: [String: String]
    private let authorURLs: [String: String]
    private let slugs: [String: String]
    /// The pictures with derivatives, by the site path of their original.
    let pictures: Pictures

    init(config: SiteConfig, sections: [Section], articles: [PublishedArticle], pictures: Pictures = Pictures()) {
        self.config = config
        self.pictures = pictures
        root = config.root
        var slugs: [String: String] = [:], tags: [String: String] = [:], authors: [String: String] = [:]
        func slug(_ name: String) -> String {
            if let known = slugs[name] { return known }
            let made = Slug.make(name)
            slugs[name] = made
            return made
        }
        for article in articles {
            let front = article.frontMatter
            for tag in front.tags where tags[tag] == nil { tags[tag] = "/\(config.paths.tags)/\(slug(tag))/" }
            for author in front.authors where authors[author] == nil { authors[author] = "/\(config.paths.authors)/\(slug(author))/" }
            if let column = front.column { _ = slug(column) }
        }
        self.slugs = slugs
        tagURLs = tags
        authorURLs = authors
        var columns: [String: String] = [:]
        let prefix = config.paths.columns + "/"
        for section in sections where section.path.hasPrefix(prefix) {
            columns[section.name] = section.url
        }
        columnSections = columns
    }

    func author(_ name: String) -> String { authorURLs[name] ?? "/\(config.paths.authors)/\(slug(name))/" }
    func tag(_ name: String) -> String { tagURLs[name] ?? "/\(config.paths.tags)/\(slug(name))/" }

    private func slug(_ name: String) -> String { slugs[name] ?? Slug.make(name) }

    /// A column's page: its section page when the column has a folder under `paths.columns`.
    func column(_ name: String) -> String {
        columnSections[name] ?? "/\(config.paths.columns)/\(slug(name))/"
    }

    /// The URL of an image given as bundle-relative file, `/static/…` or root path, or absolute URL.
    func imageURL(_ src: String, article: PublishedArticle) -> String {
        imageURL(src, page: article.url)
    }

    /// The URL of an image given relative to the page at `page` (a file in its folder), as
    /// `/static/…` or root path, or as an absolute URL.
    /// A picture with derivatives is shown by its ``Picture/fallback``.
    func imageURL(_ src: String, page: String) -> String {
        pictures.shown(Self.imagePath(src, page: page))
    }

    /// The URL of the social card's picture (`og:image`) for the image at `src` on the page at `page`.
    func socialImageURL(_ src: String, page: String) -> String {
        pictures.social(Self.imagePath(src, page: page))
    }

    /// The picture the image at `src` on the page at `page` is, when it is one with derivatives.
    func picture(_ src: String, page: String) -> Picture? {
        pictures[Self.imagePath(src, page: page)]
    }

    /// Where the original of the image `src` on the page at `page` is published: a site path
    /// (`/politik/wahl/lead.jpg`), or `src` itself when it is an absolute URL.
    static func imagePath(_ src: String, page: String) -> String {
        if src.hasPrefix("http://") || src.hasPrefix("https://") || src.hasPrefix("//") { return src }
        if src.hasPrefix("/static/") { return String(src.dropFirst("/static".count)) }
        if src.hasPrefix("/") { return src }
        let relative = src.hasPrefix("./") ? String(src.dropFirst(2)) : src
        return String(concatenating: page, relative)
    }

    /// The link to a site path (see ``SiteRoot/link(_:)``).
    func link(_ path: String) -> String { root.link(path) }

    /// `path` (a site path) as an absolute URL under the site's base URL.
    func absolute(_ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        let base = config.baseURL.hasSuffix("/") ? String(config.baseURL.dropLast()) : config.baseURL
        return path.hasPrefix("/") ? String(concatenating: base, path) : String(concatenating: base, "/", path)
    }
}
