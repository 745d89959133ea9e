import Content

/// The URLs of generated pages: authors, tags, columns, images, absolute links.
struct SiteURLs: Sendable {
    let config: SiteConfig
    /// Column name → URL of the section that holds the column, when there is one.
    private let columnSections: [String: String]
    /// Slugs of every tag, author and column name, made once per name.
    private let slugs: [String: String]

    init(config: SiteConfig, sections: [Section], articles: [PublishedArticle]) {
        self.config = config
        var slugs: [String: String] = [:]
        for article in articles {
            let front = article.frontMatter
            for name in front.tags + front.authors + [front.column].compactMap({ $0 }) where slugs[name] == nil {
                slugs[name] = Slug.make(name)
            }
        }
        self.slugs = slugs
        var columns: [String: String] = [:]
        let prefix = config.paths.columns + "/"
        for section in sections where section.path.hasPrefix(prefix) {
            columns[section.name] = section.url
        }
        columnSections = columns
    }

    func author(_ name: String) -> String { "/\(config.paths.authors)/\(slug(name))/" }
    func tag(_ name: String) -> String { "/\(config.paths.tags)/\(slug(name))/" }

    private func slug(_ name: String) -> String { slugs[name] ?? Slug.make(name) }

    /// A column's page: its section page when the column has a folder under `paths.columns`.
    func column(_ name: String) -> String {
        columnSections[name] ?? "/\(config.paths.columns)/\(slug(name))/"
    }

    /// The URL of an image given as bundle-relative file, `/static/…` or root path, or absolute URL.
    func imageURL(_ src: String, article: PublishedArticle) -> String {
        if src.hasPrefix("http://") || src.hasPrefix("https://") || src.hasPrefix("//") { return src }
        if src.hasPrefix("/static/") { return String(src.dropFirst("/static".count)) }
        if src.hasPrefix("/") { return src }
        let relative = src.hasPrefix("./") ? String(src.dropFirst(2)) : src
        return article.url + relative
    }

    /// `path` as an absolute URL under the site's base URL.
    func absolute(_ path: String) -> String {
        if path.hasPrefix("http://") || path.hasPrefix("https://") { return path }
        let base = config.baseURL.hasSuffix("/") ? String(config.baseURL.dropLast()) : config.baseURL
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
