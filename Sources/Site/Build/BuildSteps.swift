import Basics
import Content
import Diagnostics
import Foundation
import Markdown
import Synchronization
import Templates

/// The steps of a build (see ``BuildDriver``), each a function from what the steps before it
/// made to what the steps after it need.
enum BuildSteps {}

/// What "load content" found: the settings and every article, with the previous build's
/// records of the articles whose files are unchanged.
struct LoadedSite: Sendable {
    let config: SiteConfig
    /// The site settings every article's rendering depends on: `site.yml`, `--base-url` and
    /// the build identity. Articles are taken from the cache only while these are the same.
    let settings: Digest
    /// All articles, drafts and future ones too, without their Markdown (which "render
    /// articles" reads again, so the Markdown of a large site is never all in memory), sorted by file.
    let articles: [ArticleSource]
    /// The articles this build publishes, without their Markdown.
    let published: [ArticleSource]
    /// The plain pages under `pages/`, with their Markdown.
    let pages: [PageSource]
    /// The section profiles (`_index.md`) by section path.
    let profiles: [String: SectionProfile]
    /// The author profiles by name.
    let authors: [String: AuthorProfile]
    /// The previous build's records of the articles whose files are unchanged, by Markdown file.
    let unchanged: [String: ArticleRecord]
    let diagnostics: [Diagnostic]
}

/// The parsed templates (nil when a template has a syntax error) and their sources.
struct LoadedTemplates: Sendable {
    let sources: [String: String]
    let set: TemplateSet?
    let diagnostics: [Diagnostic]
}

/// What "render articles" made: the published articles with what listings need, the bodies
/// rendered by this build, and the cache records of every article.
struct RenderedArticles: Sendable {
    let published: [PublishedArticle]
    /// The bodies and comment sections this build rendered, by Markdown file; articles taken
    /// from the cache have none there.
    let bodies: BodyStore
    /// How many articles this build rendered.
    let rendered: Int
    /// By Markdown file, for the next build: every article, published or not.
    let records: [String: ArticleRecord]
    let diagnostics: [Diagnostic]
}

extension BuildSteps {
    /// Reads `site.yml` and every article's front matter; articles whose files are unchanged
    /// since `previous` are taken from its records without being read.
    static func loadContent(_ options: BuildOptions, identity: Digest, previous: BuildCache?) -> LoadedSite {
        let site = options.source
        let settings = settingsDigest(options, identity: identity)
        let known = previous.flatMap { $0.settings == settings ? $0.articles : nil } ?? [:]
        // The loader asks for each article file it finds; unchanged ones are noted here.
        let unchanged = Mutex<[String: ArticleRecord]>([:])
        let sitePath = site.path
        let reuse: @Sendable (ArticleFile) -> ArticleSource? = { found in
            guard let record = known[found.file]?.refreshed(for: found, site: sitePath) else { return nil }
            unchanged.withLock { $0[found.file] = record }
            return record.source
        }
        let loaded = ContentLoader.load(siteAt: site, reusing: known.isEmpty ? nil : reuse, jobs: options.jobs, keepingBodies: false)
        var diagnostics = loaded.diagnostics
        var config = loaded.config
        if let baseURL = options.baseURL {
            if let normalized = SiteConfig.normalizedBaseURL(baseURL) {
                config.baseURL = normalized
            } else {
                diagnostics.append(.error(at: nil, "--base-url '\(baseURL)' is not an absolute http(s) URL", hint: "e.g. https://preview.magazin.example/"))
            }
        }
        let published = loaded.articles.filter { ArticleProcessing.isPublished($0, options: options) }
        return LoadedSite(
            config: config, settings: settings, articles: loaded.articles, published: published, pages: loaded.pages,
            profiles: loaded.profiles, authors: loaded.authors,
            unchanged: unchanged.withLock { $0 }, diagnostics: diagnostics)
    }

    /// Reads and parses every template once, with the fingerprints of the assets they link.
    static func loadTemplates(_ config: SiteConfig, options: BuildOptions) -> LoadedTemplates {
        let site = options.source
        var (sources, diagnostics) = SiteFiles.templateSources(in: site)
        let assets = Fingerprints.of(site: site, fingerprinting: options.fingerprintAssets)
        let set = SiteFiles.templateSet(from: sources, config: config, assets: assets, diagnostics: &diagnostics)
        return LoadedTemplates(sources: sources, set: set, diagnostics: diagnostics)
    }

    /// Renders the Markdown and comments of every published article that is not unchanged
    /// since the previous build, in parallel.
    static func renderArticles(_ content: LoadedSite, options: BuildOptions) -> RenderedArticles {
        let site = options.source, config = content.config, settings = content.settings
        let loadWarnings = Dictionary(grouping: content.diagnostics.filter { $0.severity == .warning }) { $0.location?.file ?? "" }
        // Unchanged and rendered before: taken as it is, with its key.
        let taken = { @Sendable (file: String) -> (ArticleRecord, Digest)? in
            content.unchanged[file].flatMap { record in record.key.map { (record, $0) } }
        }
        let progress = ProgressCounter(
            step: "render articles", total: content.published.filter { taken($0.file) == nil }.count, report: options.progress)
        let store = BodyStore()
        let results = parallelMap(Array(content.published.indices), jobs: options.jobs) { index -> ArticleProcessing.Result in
            let stripped = content.published[index]
            if let (record, key) = taken(stripped.file) {
                return ArticleProcessing.Result(
                    article: PublishedArticle(source: stripped, facts: record.facts, key: key), rendered: nil, searchTerms: nil,
                    diagnostics: record.warnings, record: record)
            }
            defer { progress.advance() }
            // A file that vanished since it was loaded is rendered empty; the next build reports it.
            let source = ContentLoader.withBody(stripped, siteAt: site) ?? stripped
            var result = ArticleProcessing.process(
                source, site: site, config: config, settings: settings, loaded: source.bodyLine == stripped.bodyLine ? stripped : nil)
            result.record.warnings = (loadWarnings[source.file] ?? []) + result.record.warnings
            // Out of memory until its pages are made.
            if let rendered = result.rendered { store.put(rendered, for: source.file) }
            if let terms = result.searchTerms { store.put(terms, for: source.file) }
            result.rendered = nil
            result.searchTerms = nil
            return result
        }
        var diagnostics = results.flatMap(\.diagnostics)
        // Sized at once: a dictionary grown by doubling kept up to twice the room of the records.
        var records: [String: ArticleRecord] = [:]
        records.reserveCapacity(content.articles.count)
        for result in results { records[result.record.source.file] = result.record }
        for source in content.articles where records[source.file] == nil {
            if let record = content.unchanged[source.file] {
                diagnostics += record.warnings
                records[source.file] = record
            } else {
                records[source.file] = ArticleRecord.unrendered(source, site: site, warnings: loadWarnings[source.file] ?? [])
            }
        }
        return RenderedArticles(
            published: results.map(\.article), bodies: store, rendered: store.count, records: records, diagnostics: diagnostics)
    }

    /// The settings digest of a build: `site.yml`, the base URL override and the build identity.
    static func settingsDigest(_ options: BuildOptions, identity: Digest) -> Digest {
        var hasher = DigestHasher(tag: "settings")
        hasher.combine(identity)
        hasher.combine(FileManager.default.contents(atPath: options.source.appendingPathComponent(SiteLayout.config).path) ?? Data())
        hasher.combine(options.baseURL)
        return hasher.finalize()
    }

    /// Throws the diagnostics, sorted, when one of them is an error.
    static func failOnErrors(_ diagnostics: [Diagnostic]) throws {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(DiagnosticList.sorted(diagnostics))
        }
    }
}
