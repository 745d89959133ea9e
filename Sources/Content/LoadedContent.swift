import Diagnostics

/// Everything read from a site folder: settings, articles, plain pages, and the problems found.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// All articles, drafts and future ones included (publishing rules are the build's business),
    /// sorted by `file`.
    public var articles: [ArticleSource]
    /// The plain pages under `pages/`, sorted by `file`; a page with errors is left out.
    public var pages: [PageSource] = []
    /// The section profiles (`_index.md`) by section path; one with errors is left out.
    public var profiles: [String: SectionProfile] = [:]
    /// The author profiles under `authors/` by author name; one with errors is left out.
    public var authors: [String: AuthorProfile] = [:]
    /// Errors and warnings of `site.yml` and every article; an article with errors is left out of `articles`.
    public var diagnostics: [Diagnostic]

    public init(config: SiteConfig, articles: [ArticleSource], diagnostics: [Diagnostic]) {
        self.config = config
        self.articles = articles
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
