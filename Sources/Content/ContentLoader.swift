import Basics
import Diagnostics
import Foundation

/// Reads a site folder: `site.yml`, every article under `content/` and every plain page under `pages/`.
/// The only place that reads content files; parsing itself works on strings
/// (``SiteConfig/parse(yaml:file:)``, ``FrontMatterParser/parse(text:file:timeZone:)``).
public enum ContentLoader {
    /// Loads the site at `root`. Never throws: problems are diagnostics, all of them collected.
    /// Article files are parsed concurrently; the result is the same for the same folder.
    ///
    /// `reusing` may hand back an article already parsed by an earlier build for a file it
    /// knows to be unchanged; the loader then skips reading it and refreshes only what the
    /// folder scan tells (resources, comment file). Articles are read on up to `jobs` threads.
    /// With `keepingBodies: false` the articles come without their Markdown (read it with
    /// ``withBody(_:siteAt:)`` when needed), so the Markdown of a large site is never all in
    /// memory at once.
    public static func load(
        siteAt root: URL, reusing: (@Sendable (ArticleFile) -> ArticleSource?)? = nil,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, keepingBodies: Bool = true
    ) -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let config = loadConfig(siteAt: root, diagnostics: &diagnostics)
        let tree = ContentTree(siteAt: root, jobs: jobs)
        diagnostics += tree.diagnostics

        let results = parallelMap(tree.articles, jobs: jobs) { found -> (ArticleSource?, [Diagnostic]) in
            if var known = reusing?(found) {
                known.bundleDirectory = found.bundleDirectory
                known.resources = found.resources
                known.commentsFile = found.commentsFile
                return (known, [])
            }
            var (article, diagnostics) = loadArticle(found, siteAt: root, config: config)
            if !keepingBodies { article = article?.withoutBody }
            return (article, diagnostics)
        }
        // Sized at once: every article is kept for the whole build, and an array grown by
        // doubling held up to twice their room.
        var articles: [ArticleSource] = []
        articles.reserveCapacity(results.count)
        var owners: [String: String] = [:]
        owners.reserveCapacity(results.count)
        for (article, found) in results {
            diagnostics += found
            guard let article else { continue }
            if let owner = owners[article.contentPath] {
                diagnostics.append(.error(
                    at: SourceLocation(file: article.file), "'\(article.contentPath)' is also the path of \(owner)",
                    hint: "two articles cannot share the URL \(article.url); rename one or set 'slug:'"))
                continue
            }
            owners[article.contentPath] = article.file
            articles.append(article)
        }
        var content = LoadedContent(config: config, articles: articles, diagnostics: diagnostics)
        for (file, section) in tree.profiles {
            guard let text = readText(file, in: root) else {
                content.diagnostics.append(.error(at: SourceLocation(file: file), "cannot read the file as UTF-8 text"))
                continue
            }
            let parsed = SectionProfile.parse(text: text, file: file, section: section)
            content.diagnostics += parsed.diagnostics
            if let profile = parsed.profile { content.profiles[section] = profile }
        }
        (content.pages, content.diagnostics) = loadPages(siteAt: root, diagnostics: content.diagnostics)
        content.authors = loadAuthors(siteAt: root, diagnostics: &content.diagnostics)
        return content
    }

    /// Every author profile under `authors/` (`*.md`, any depth); two for one name are an error naming both.
    static func loadAuthors(siteAt root: URL, diagnostics: inout [Diagnostic]) -> [String: AuthorProfile] {
        let folder = root.appendingPathComponent(SiteLayout.authors)
        var profiles: [String: AuthorProfile] = [:]
        for path in DirectoryListing.files(below: folder.path) where path.hasSuffix(".md") {
            let file = SiteLayout.authors + "/" + path
            guard let text = readText(file, in: root) else {
                diagnostics.append(.error(at: SourceLocation(file: file), "cannot read the file as UTF-8 text"))
                continue
            }
            let parsed = AuthorProfile.parse(text: text, file: file)
            diagnostics += parsed.diagnostics
            guard let profile = parsed.profile else { continue }
            if let other = profiles[profile.name] {
                diagnostics.append(.error(
                    at: profile.nameLocation, "'\(profile.name)' has a profile in \(other.file) already",
                    hint: "keep one profile per author"))
                continue
            }
            profiles[profile.name] = profile
        }
        return profiles
    }

    /// Every plain page under `pages/`; two pages with one URL are an error naming both.
    static func loadPages(siteAt root: URL, diagnostics: [Diagnostic]) -> ([PageSource], [Diagnostic]) {
        var diagnostics = diagnostics
        let tree = ContentTree(siteAt: root, folder: SiteLayout.pages)
        diagnostics += tree.diagnostics
        var pages: [PageSource] = []
        var owners: [String: String] = [:]
        for found in tree.articles {
            guard let text = readText(found.file, in: root) else {
                diagnostics.append(.error(at: SourceLocation(file: found.file), "cannot read the file as UTF-8 text"))
                continue
            }
            let parsed = PageFrontMatter.parse(text: text, file: found.file)
            diagnostics += parsed.diagnostics
            guard let frontMatter = parsed.frontMatter else { continue }
            let url = "/" + (found.section + [found.slug]).joined(separator: "/") + "/"
            if let owner = owners[url] {
                diagnostics.append(.error(
                    at: SourceLocation(file: found.file), "the page's URL \(url) is also the URL of \(owner)",
                    hint: "keep one of the two files"))
                continue
            }
            owners[url] = found.file
            pages.append(PageSource(
                file: found.file, url: url, bundleDirectory: found.bundleDirectory, resources: found.resources,
                frontMatter: frontMatter, body: parsed.body, bodyLine: parsed.bodyLine))
        }
        return (pages, diagnostics)
    }

    /// `site.yml`, or the defaults with an error if it is missing or unreadable.
    static func loadConfig(siteAt root: URL, diagnostics: inout [Diagnostic]) -> SiteConfig {
        let url = root.appendingPathComponent(SiteLayout.config)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(.error(at: nil, "no site.yml in \(root.path)",
                                      hint: "is this the site folder? pass it with --source DIR"))
            return SiteConfig()
        }
        guard let text = readText(SiteLayout.config, in: root) else {
            diagnostics.append(.error(at: SourceLocation(file: "site.yml"), "cannot read site.yml as UTF-8 text"))
            return SiteConfig()
        }
        let (config, found) = SiteConfig.parse(yaml: text, file: "site.yml")
        diagnostics += found
        return config
    }

    /// One article file read and parsed; nil with diagnostics if it has errors.
    static func loadArticle(_ found: ArticleFile, siteAt root: URL, config: SiteConfig) -> (ArticleSource?, [Diagnostic]) {
        guard let text = readText(found.file, in: root) else {
            return (nil, [.error(at: SourceLocation(file: found.file), "cannot read the file as UTF-8 text")])
        }
        let credits = PictureCredits(site: root, bundleDirectory: found.bundleDirectory, language: config.language)
        let parsed = FrontMatterParser.parse(text: text, file: found.file, timeZone: config.timeZone, pictureCredit: credits.credit(of:))
        guard let frontMatter = parsed.frontMatter else { return (nil, parsed.diagnostics) }
        let section = found.section.joined(separator: "/")
        let slug = frontMatter.slug ?? found.slug
        let contentPath = section.isEmpty ? slug : section + "/" + slug
        let article = ArticleSource(
            file: found.file, contentPath: contentPath, section: section, url: "/\(contentPath)/",
            bundleDirectory: found.bundleDirectory, resources: found.resources, commentsFile: found.commentsFile,
            frontMatter: frontMatter, body: parsed.body, bodyLine: parsed.bodyLine)
        return (article, parsed.diagnostics)
    }

    /// The article read and parsed again from its file (after an editor saved it), keeping what
    /// the folder scan found (resources, comment file); nil with diagnostics if it has errors.
    public static func reload(
        _ article: ArticleSource, siteAt root: URL, config: SiteConfig
    ) -> (ArticleSource?, [Diagnostic]) {
        let slug = article.bundleDirectory.flatMap { $0.split(separator: "/").last.map(String.init) }
            ?? String(article.file.split(separator: "/").last?.dropLast(3) ?? "")
        let section = article.section.isEmpty ? [] : article.section.split(separator: "/").map(String.init)
        let found = ArticleFile(
            file: article.file, section: section, slug: slug, bundleDirectory: article.bundleDirectory,
            resources: article.resources, commentsFile: article.commentsFile)
        return loadArticle(found, siteAt: root, config: config)
    }

    /// The article with its Markdown body read again from disk (articles restored from a build
    /// cache carry no body); nil if the file cannot be read or has lost its front matter.
    public static func withBody(_ article: ArticleSource, siteAt root: URL) -> ArticleSource? {
        guard let text = readText(article.file, in: root),
            case .success(let block) = FrontMatterBlock.split(FrontMatterBlock.normalized(text))
        else { return nil }
        var article = article
        article.body = block.body
        article.bodyLine = block.bodyLine
        return article
    }

    /// The text of `file` in the site folder `root`. The path is joined as text: with
    /// `URL.appendingPathComponent` and `Data(contentsOf:)` reading the Markdown files of a build
    /// from scratch at N=10,000 took 0.13 s more CPU (`perf`).
    private static func readText(_ file: String, in root: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: root.path + "/" + file) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
