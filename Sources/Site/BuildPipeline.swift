import Basics
import Content
import Diagnostics
import Foundation
import Markdown
import Synchronization
import Templates

/// A build planned up to the point where files are made: the site model, and every output
/// file with the key of what it is made from.
struct PreparedBuild: Sendable {
    let model: SiteModel
    let values: PageValues
    let templates: TemplateSet
    let outputs: [PlannedOutput]
    /// The cache for the next build; its `outputs` are this build's keys.
    var cache: BuildCache
    var warnings: [Diagnostic]
    /// Articles whose Markdown and comments this build rendered (the others came from the cache).
    var articlesRendered: Int
    var steps: [(name: String, seconds: Double)]
}

/// The steps of a build, from the site folder to the files:
///
///     load content → load templates → render articles → check references
///     → plan pages (each output with its key) → render and write what changed
///
/// With the previous build's cache, unchanged articles are not read or rendered again, and
/// a page whose key is unchanged is kept as it is.
struct BuildPipeline: Sendable {
    let options: BuildOptions
    /// The magbuild binary, the site and the options: a cache made under another identity is ignored.
    let identity: Digest

    /// What `prepare` found: nothing changed since the build `previous` describes, or the plan.
    enum Preparation {
        case unchanged(BuildCache, warnings: [Diagnostic], steps: [(name: String, seconds: Double)])
        case planned(PreparedBuild)
    }

    /// Loads and renders what changed and plans every output; when no input changed at all
    /// since `previous` (same articles, files, templates, static files and publishing
    /// decisions), stops after loading and says so.
    /// - Throws: `DiagnosticList` when the site has errors.
    func prepare(previous: BuildCache?, shortcut: Bool = true) throws -> Preparation {
        var clock = StepClock()
        var diagnostics: [Diagnostic] = []
        let site = options.source
        let settings = settingsDigest()
        let known = previous.flatMap { $0.settings == settings ? $0.articles : nil } ?? [:]
        let reused = Mutex<[String: ArticleRecord]>([:])

        let sitePath = site.path
        let reuse: @Sendable (ArticleFile) -> ArticleSource? = { found in
            guard let record = known[found.file]?.refreshed(for: found, site: sitePath) else { return nil }
            reused.withLock { $0[found.file] = record }
            return record.source
        }
        var loaded = clock.measure("load content") {
            ContentLoader.load(siteAt: site, reusing: known.isEmpty ? nil : reuse)
        }
        let reusedRecords = reused.withLock { $0 }
        diagnostics += loaded.diagnostics
        if let baseURL = options.baseURL {
            if let normalized = SiteConfig.normalizedBaseURL(baseURL) {
                loaded.config.baseURL = normalized
            } else {
                diagnostics.append(.error(at: nil, "--base-url '\(baseURL)' is not an absolute http(s) URL", hint: "e.g. https://preview.magazin.example/"))
            }
        }
        let config = loaded.config

        let (sources, templates): ([String: String], TemplateSet?) = clock.measure("load templates") {
            let (sources, problems) = SiteFiles.templateSources(in: site)
            diagnostics += problems
            return (sources, SiteFiles.templateSet(from: sources, config: config, diagnostics: &diagnostics))
        }

        var published = loaded.articles.filter { ArticleProcessing.isPublished($0, options: options) }
        if shortcut, let previous, let last = previous.inputs, reusedRecords.count == loaded.articles.count, templates != nil,
            !diagnostics.contains(where: { $0.severity == .error }),
            inputsDigest(
                loaded.articles, records: reusedRecords, published: published, templates: sources,
                copies: copyKeys(site: site.path, published: published)) == last
        {
            let references = ArticleProcessing.crossReferenceErrors(
                published, all: loaded.articles, broken: [], site: site)
            let warnings = diagnostics + reusedRecords.values.flatMap(\.warnings) + references
            return .unchanged(previous, warnings: warnings.filter { $0.severity == .warning }, steps: clock.steps)
        }
        let loadWarnings = Dictionary(grouping: loaded.diagnostics.filter { $0.severity == .warning }) { (warning: Diagnostic) in
            warning.location?.file ?? ""
        }
        let jobs = options.jobs
        let toRender = published.filter { reusedRecords[$0.file] == nil }.count
        let articleProgress = ProgressCounter(step: "render articles", total: toRender, report: options.progress)
        // Each article's Markdown is freed once it is rendered, so the Markdown and the HTML
        // of a large site are not all in memory at once.
        let markdown = HandOut(published.map(\.body))
        for index in loaded.articles.indices { loaded.articles[index].body = "" }
        for index in published.indices { published[index].body = "" }
        let withoutMarkdown = published
        let processed = clock.measure("render articles") {
            parallelMap(Array(withoutMarkdown.indices), jobs: jobs) { index -> (PublishedArticle, ArticleRecord, [Diagnostic]) in
                let stripped = withoutMarkdown[index]
                let markdown = markdown.take(index) ?? ""
                if let record = reusedRecords[stripped.file], record.key != .zero {
                    return (PublishedArticle(source: stripped, facts: record.facts, key: record.key, rendered: nil), record, record.warnings)
                }
                defer { articleProgress.advance() }
                var source = stripped
                source.body = markdown
                // Known but never rendered (it was a draft or in the future): the cache has no body.
                if reusedRecords[source.file] != nil { source = ContentLoader.withBody(source, siteAt: site) ?? source }
                var result = ArticleProcessing.process(source, site: site, config: config, settings: settings)
                result.record.warnings = (loadWarnings[source.file] ?? []) + result.record.warnings
                return (result.article, result.record, result.diagnostics)
            }
        }
        diagnostics += processed.flatMap(\.2)
        let publishedFiles = Set(published.map(\.file))
        for (file, record) in reusedRecords where !publishedFiles.contains(file) { diagnostics += record.warnings }
        diagnostics += clock.measure("check references") {
            ArticleProcessing.crossReferenceErrors(
                published, all: loaded.articles, broken: ArticleProcessing.brokenContentPaths(loaded.diagnostics), site: site)
        }
        try Self.failOnErrors(diagnostics)
        guard let templates else { throw DiagnosticList(diagnostics) }

        let notice = MarkdownRenderer.render(config.comments.notice).html
        let model = SiteModel(config: config, articles: processed.map(\.0), commentNotice: notice)
        let (values, outputs) = clock.measure("plan pages") { () -> (PageValues, [PlannedOutput]) in
            let bodies = ArticleBodies(articles: model.articles, site: site, config: config)
            let values = PageValues(model: model, bodies: bodies, jobs: jobs)
            let keys = PageKeys(values: values, templates: templates, sources: sources, settings: settings, jobs: jobs)
            return (values, plan(model: model, values: values, keys: keys, templates: templates))
        }
        var records: [String: ArticleRecord] = [:]
        for (_, record, _) in processed { records[record.source.file] = record }
        // Drafts and future articles are kept unrendered (key zero), so they are not parsed again either.
        for source in loaded.articles where records[source.file] == nil {
            records[source.file] = reusedRecords[source.file] ?? ArticleRecord.unrendered(
                source, site: site, warnings: loadWarnings[source.file] ?? [])
        }
        var cache = BuildCache(
            identity: identity, settings: settings, articles: records,
            outputs: Dictionary(outputs.map { ($0.path, $0.key) }, uniquingKeysWith: { _, last in last }))
        cache.inputs = inputsDigest(
            loaded.articles, records: records, published: published, templates: sources,
            copies: outputs.compactMap { if case .copy = $0.source { $0.key } else { nil } })
        cache.counts = BuildCache.Counts(
            pages: outputs.filter { if case .page = $0.source { true } else { false } }.count,
            files: outputs.filter { if case .copy = $0.source { true } else { false } }.count,
            comments: model.articles.reduce(0) { $0 + ($1.frontMatter.comments == .off ? 0 : $1.facts.commentCount) })
        return .planned(PreparedBuild(
            model: model, values: values, templates: templates, outputs: outputs, cache: cache,
            warnings: diagnostics.filter { $0.severity == .warning },
            articlesRendered: processed.filter { $0.0.rendered != nil }.count, steps: clock.steps))
    }

    /// Everything a build is made from, in one digest: the settings, every article's files
    /// and whether it is published, the templates, and the keys of the copied files (static
    /// files and bundle resources: paths and stamps). Equal digests mean an equal output.
    private func inputsDigest(
        _ articles: [ArticleSource], records: [String: ArticleRecord], published: [ArticleSource],
        templates: [String: String], copies: [Digest]
    ) -> Digest? {
        var hasher = DigestHasher(tag: "inputs")
        hasher.combine(settingsDigest())
        let publishedFiles = Set(published.map(\.file))
        hasher.combine(articles.count)
        for article in articles {
            guard let record = records[article.file] else { return nil }
            hasher.combine(article.file)
            hasher.combine(publishedFiles.contains(article.file))
            for input in record.inputs {
                hasher.combine(input.path)
                hasher.combine(input.digest)
            }
        }
        for name in templates.keys.sorted() {
            hasher.combine(name)
            hasher.combine(templates[name] ?? "")
        }
        hasher.combine(copies.count)
        // Sorted: the caller may list them in any order.
        for key in copies.sorted(by: { ($0.high, $0.low) < ($1.high, $1.low) }) { hasher.combine(key) }
        return hasher.finalize()
    }

    /// Every output file with its key: pages, feeds, sitemap, robots.txt, static files and
    /// bundle resources. A later entry for the same path wins (a static file over a page).
    private func plan(model: SiteModel, values: PageValues, keys: PageKeys, templates: TemplateSet) -> [PlannedOutput] {
        let pages = PagePlan.pages(for: model, urls: values.urls, templates: Set(templates.names))
        var outputs = parallelMap(pages, jobs: options.jobs) { page in
            PlannedOutput(path: page.outputPath, key: keys.key(for: page, values: values), source: .page(page))
        }
        for feed in MachineFiles.feeds(model: model) {
            outputs.append(PlannedOutput(path: feed.path, key: keys.key(for: feed, model: model), source: .feed(feed)))
        }
        let sitemap = MachineFiles.sitemapEntries(model: model, urls: values.urls, pages: pages)
        outputs.append(PlannedOutput(path: "sitemap.xml", key: PageKeys.key(forSitemap: sitemap), source: .sitemap(sitemap)))
        let robots = MachineFiles.robots(urls: values.urls)
        outputs.append(PlannedOutput(path: "robots.txt", key: PageKeys.key(forText: robots, path: "robots.txt"), source: .text(robots)))
        let copies = FileCopier.copies(site: options.source.path, articles: model.articles.map(\.source))
        outputs += parallelMap(copies, jobs: options.jobs) { copy in
            PlannedOutput(path: copy.path, key: Self.copyKey(copy), source: .copy(copy.source))
        }
        var seen = Set<String>()
        return outputs.reversed().filter { seen.insert($0.path).inserted }.reversed()
    }

    /// The key of a copied file: its paths and stamp.
    private static func copyKey(_ copy: (source: String, path: String)) -> Digest {
        PageKeys.key(forCopyOf: copy.source, path: copy.path) ?? DigestHasher(tag: copy.path).finalize()
    }

    private func copyKeys(site: String, published: [ArticleSource]) -> [Digest] {
        parallelMap(FileCopier.copies(site: site, articles: published), jobs: options.jobs, Self.copyKey)
    }

    /// Plans even when nothing changed (the output lost files the cache says it has).
    func plan(previous: BuildCache?) throws -> PreparedBuild {
        guard case .planned(let prepared) = try prepare(previous: previous, shortcut: false) else {
            throw OutputError.writeFailed("the build could not be planned")
        }
        return prepared
    }

    /// Makes every output `sink` cannot reuse, in parallel; each worker writes what it made.
    func produce(_ prepared: PreparedBuild, into sink: any OutputSink) throws -> BuildSummary {
        var clock = StepClock()
        let todo = clock.measure("keep unchanged files") {
            parallelMap(prepared.outputs, jobs: options.jobs) { sink.reuse($0.path, key: $0.key) ? nil : $0 }.compactMap { $0 }
        }
        let progress = ProgressCounter(step: "render pages", total: todo.count, report: options.progress)
        let values = prepared.values, templates = prepared.templates
        let made = clock.measure("render and write pages") {
            parallelMap(todo, jobs: options.jobs) { output -> PageRenderer.Result in
                defer { progress.advance() }
                return Self.make(output, values: values, templates: templates, into: sink)
            }
        }
        try Self.failOnErrors(prepared.warnings + made.flatMap(\.diagnostics).uniqued())
        if let first = made.lazy.compactMap(\.writeError).first { throw OutputError.writeFailed(first) }

        var summary = BuildSummary()
        summary.warnings = prepared.warnings
        summary.pages = prepared.outputs.filter { if case .page = $0.source { true } else { false } }.count
        summary.files = prepared.outputs.filter { if case .copy = $0.source { true } else { false } }.count
        summary.written = todo.count
        summary.articlesRendered = prepared.articlesRendered + prepared.values.bodies.renderedOnDemand
        summary.templates = Self.templateTimes(made)
        summary.comments = prepared.model.articles.reduce(0) { $0 + ($1.frontMatter.comments == .off ? 0 : $1.facts.commentCount) }
        summary.steps = prepared.steps + clock.steps
        summary.seconds = summary.steps.reduce(0) { $0 + $1.seconds }
        return summary
    }

    private static func make(
        _ output: PlannedOutput, values: PageValues, templates: TemplateSet, into sink: any OutputSink
    ) -> PageRenderer.Result {
        var result: PageRenderer.Result
        switch output.source {
        case .page(let page):
            result = PageRenderer.render(page, values: values, templates: templates)
        case .feed(let feed):
            result = PageRenderer.Result(
                path: output.path, html: MachineFiles.text(of: feed, model: values.model, urls: values.urls, bodies: values.bodies))
        case .text(let text):
            result = PageRenderer.Result(path: output.path, html: text)
        case .sitemap(let entries):
            result = PageRenderer.Result(path: output.path, html: MachineFiles.sitemap(entries))
        case .copy(let source):
            result = PageRenderer.Result(path: output.path, html: nil)
            do { try sink.copyFile(at: URL(fileURLWithPath: source), to: output.path) } catch {
                result.writeError = "\(output.path): \(error.localizedDescription)"
            }
            return result
        }
        if result.diagnostics.isEmpty, let data = result.data {
            do { try sink.write(data, to: result.path) } catch { result.writeError = "\(result.path): \(error)" }
        }
        result.data = nil
        return result
    }

    /// The site settings every article's rendering depends on: `site.yml`, the base URL
    /// override and the build identity.
    func settingsDigest() -> Digest {
        var hasher = DigestHasher(tag: "settings")
        hasher.combine(identity)
        hasher.combine(FileManager.default.contents(atPath: options.source.appendingPathComponent("site.yml").path) ?? Data())
        hasher.combine(options.baseURL)
        return hasher.finalize()
    }

    private static func templateTimes(_ pages: [PageRenderer.Result]) -> [(name: String, pages: Int, seconds: Double)] {
        var totals: [String: (pages: Int, seconds: Double)] = [:]
        for page in pages {
            guard let template = page.template else { continue }
            totals[template, default: (0, 0)].pages += 1
            totals[template, default: (0, 0)].seconds += page.seconds
        }
        return totals.map { (name: $0.key, pages: $0.value.pages, seconds: $0.value.seconds) }
            .sorted { ($1.seconds, $0.name) < ($0.seconds, $1.name) }
    }

    static func failOnErrors(_ diagnostics: [Diagnostic]) throws {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(DiagnosticList.sorted(diagnostics))
        }
    }
}
