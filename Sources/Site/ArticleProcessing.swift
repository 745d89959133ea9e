import Basics
import Comments
import Content
import Diagnostics
import Foundation
import Markdown
import Search

/// Per-article work that needs nothing but the article: Markdown and comments.
/// Runs in parallel across articles.
enum ArticleProcessing {
    struct Result: Sendable {
        var article: PublishedArticle
        /// Nil for an article taken from the build cache.
        var rendered: RenderedArticle?
        /// The body's terms when the site has search; nil for an article taken from the build cache.
        var searchTerms: BodyTerms?
        var diagnostics: [Diagnostic]
        /// What the build cache keeps about the article.
        var record: ArticleRecord
    }

    /// Renders the article's Markdown and comments. `settings` is the digest of the site
    /// settings that every article's rendering depends on (part of the article's key).
    /// The published article drops its Markdown (a tenth of a large build's memory) unless
    /// `keepingMarkdown` (`magbuild check` quotes source lines in its findings); `loaded` is
    /// the same article as loaded without it, kept instead of another copy.
    static func process(
        _ source: ArticleSource, site: URL, config: SiteConfig, settings: Digest = .zero, keepingMarkdown: Bool = false,
        loaded: ArticleSource? = nil
    ) -> Result {
        let rendered = render(source, site: site, config: config)
        let size = leadImageFile(of: source).flatMap { ImageSize.read(site.path + "/" + $0) }
        let terms = config.search.enabled ? BodyTerms(utf8: rendered.article.body.plainText) : nil
        let (embeds, images) = measuringFigures(rendered.article.body.embeds, of: source, site: site)
        let facts = ArticleFacts(
            wordCount: rendered.article.body.wordCount, commentCount: rendered.article.comments.count, leadImageSize: size,
            embeds: embeds, searchTerms: terms?.summary)
        let inputs = ArticleRecord.inputs(
            of: source, site: site, known: rendered.commentsInput.map { [$0] } ?? [], images: images)
        let key = ArticleRecord.key(of: source, inputs: inputs, settings: settings)
        let stripped = (loaded ?? source).withoutBody
        var bodyWithoutText = rendered.article.body
        bodyWithoutText.plainText = []  // counted into `terms`
        return Result(
            article: PublishedArticle(source: keepingMarkdown ? source : stripped, facts: facts, key: key),
            rendered: RenderedArticle(body: bodyWithoutText, comments: rendered.article.comments), searchTerms: terms,
            diagnostics: rendered.diagnostics,
            record: ArticleRecord(
                source: stripped, inputs: inputs, key: key, facts: facts,
                warnings: rendered.diagnostics.filter { $0.severity == .warning }))
    }

    /// How an article's Markdown is rendered: embeds, the automatic ones from `site.yml`, and
    /// the plain text for the search index when the site has search.
    static func markdownOptions(_ source: ArticleSource, config: SiteConfig) -> MarkdownOptions {
        var options = MarkdownOptions(
            pageURL: source.url, rootPath: config.root.path, embeds: true, automaticEmbeds: config.automaticEmbeds.map(\.after))
        options.plainText = config.search.enabled
        return options
    }

    /// The article's body and comment section, and the comment file as read (for the build cache).
    static func render(
        _ source: ArticleSource, site: URL, config: SiteConfig
    ) -> (article: RenderedArticle, diagnostics: [Diagnostic], commentsInput: InputFile?) {
        let body = MarkdownRenderer.render(source.body, options: markdownOptions(source, config: config))
        var diagnostics = body.problems.map { problem in
            Diagnostic(
                .error, at: SourceLocation(file: source.file, line: source.bodyLine + problem.line - 1, column: problem.column),
                problem.message, hint: problem.hint, sourceLine: Diagnostic.line(problem.line, of: source.body))
        }
        var comments = CommentSection.empty
        var input: InputFile?
        if let file = source.commentsFile, source.frontMatter.comments != .off {
            do {
                // Stamped before it is read: a change while it is read shows as a changed stamp next time.
                let path = site.path + "/" + file
                let stamp = FileStamp.of(path)
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot read comments: the file cannot be read",
                                                 hint: "check that it exists and that magbuild may read it")])
                }
                input = InputFile(path: file, stamp: stamp, digest: Digest.of(data), byStamp: false)
                let parsed = try CommentFile.parse(data, file: file)
                comments = CommentThreading.section(from: parsed, options: threading(config))
            } catch let list as DiagnosticList {
                diagnostics += list.diagnostics
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: file), "cannot read comments: \(error.localizedDescription)"))
            }
        }
        return (RenderedArticle(body: body, comments: comments), diagnostics, input)
    }

    /// The local file of the lead image, relative to the site folder: in the bundle, or under
    /// `static/` for root paths.
    static func leadImageFile(of source: ArticleSource) -> String? {
        source.frontMatter.image.flatMap { localPicture($0.src, of: source) }
    }

    /// The local file of a picture `source` shows (``ArticleSource/localPath(_:bundleDirectory:)``),
    /// without empty or `.` parts: one name for one file, whatever way the `src` was written.
    /// Joined and compared as text; as `URL`s, standardized, this took 0.1 s of CPU in a build
    /// from scratch at N=10,000 (`perf`).
    static func localPicture(_ src: String, of source: ArticleSource) -> String? {
        guard let path = ArticleSource.localPath(src, bundleDirectory: source.bundleDirectory) else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// The body's embeds with the pixel size of each figure whose image is a local file
    /// magbuild can read, and those files (site-relative paths: inputs of the article).
    static func measuringFigures(_ embeds: [PlacedEmbed], of source: ArticleSource, site: URL) -> ([PlacedEmbed], [String]) {
        var embeds = embeds, files: [String] = []
        let folder = site.path
        for index in embeds.indices {
            guard case .figure(var figure) = embeds[index].embed, let file = localPicture(figure.originalPath, of: source)
            else { continue }
            files.append(file)
            guard let size = ImageSize.read(folder + "/" + file) else { continue }
            figure.width = size.width
            figure.height = size.height
            embeds[index].embed = .figure(figure)
        }
        return (embeds, files)
    }

    static func threading(_ config: SiteConfig) -> ThreadingOptions {
        let order = CommentOrder(rawValue: config.comments.order.rawValue) ?? .oldest
        return ThreadingOptions(order: order, maxDepth: config.comments.maxDepth, collapseAfter: config.comments.collapseAfter)
    }

    /// Which articles this build publishes.
    static func isPublished(_ article: ArticleSource, options: BuildOptions) -> Bool {
        if article.frontMatter.draft && !options.includeDrafts { return false }
        if article.frontMatter.date > options.now && !options.includeFuture { return false }
        return true
    }

    /// Errors for two articles at one URL and for `related:` entries that name no published article.
    /// Targets in `broken` (articles that failed to load, already reported) are not reported again.
    static func crossReferenceErrors(
        _ articles: [ArticleSource], names: ArticleNames, broken: Set<String>, site: URL
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byURL: [String: ArticleSource] = [:]
        for article in articles {
            if let other = byURL[article.url] {
                diagnostics.append(.error(
                    at: SourceLocation(file: article.file),
                    "two articles resolve to the URL \(article.url): \(other.file) and \(article.file)",
                    hint: "rename one of them or give it a different 'slug:'"))
            } else {
                byURL[article.url] = article
            }
        }
        diagnostics += aliasErrors(articles, urls: Set(byURL.keys), site: site)
        for article in articles {
            for target in article.frontMatter.related where !names.published.contains(target) && !broken.contains(target) {
                diagnostics.append(names.missing(
                    target, what: "related article", at: SiteFiles.locate(target, in: article.file, site: site)))
            }
        }
        return diagnostics
    }

    /// Aliases (already checked by the content loader to be paths inside the site) must not take
    /// the URL of a page or of another alias.
    private static func aliasErrors(_ articles: [ArticleSource], urls: Set<String>, site: URL) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        for article in articles {
            for alias in article.frontMatter.aliases {
                // Found in the file only for an error: reading every article with aliases costs.
                var location: SourceLocation { SiteFiles.locate(alias, in: article.file, site: site) }
                let normalized = PagePlan.aliasURL(alias)
                if urls.contains(normalized) || urls.contains(normalized + "/") {
                    diagnostics.append(.error(at: location, "alias '\(alias)' is the URL of an article", hint: "remove the alias"))
                } else if let other = owners[normalized], other != article.file {
                    diagnostics.append(.error(at: location, "alias '\(alias)' is also an alias of \(other)", hint: "keep it in one article only"))
                } else {
                    owners[normalized] = article.file
                }
            }
        }
        return diagnostics
    }

    /// Content paths of the article files that have errors, e.g. `kultur/foo` for `content/kultur/foo.md`.
    static func brokenContentPaths(_ diagnostics: [Diagnostic]) -> Set<String> {
        var paths = Set<String>()
        for diagnostic in diagnostics where diagnostic.severity == .error {
            guard var file = diagnostic.location?.file, file.hasPrefix("content/") else { continue }
            file.removeFirst("content/".count)
            if file.hasSuffix("/index.md") { file.removeLast("/index.md".count) }
            else if file.hasSuffix(".md") { file.removeLast(".md".count) }
            paths.insert(file)
        }
        return paths
    }
}
