import Basics
import Content
import Diagnostics
import Foundation
import Search
import Synchronization
import Markdown
import Templates

/// The site ready to be written: the template variables of every page and the maker that
/// keys and makes each output file.
struct ResolvedSite: Sendable {
    let values: PageValues
    let maker: OutputMaker
    /// Every warning of the steps so far.
    let warnings: [Diagnostic]

    var model: SiteModel { values.model }
}

/// What "render pages" did: how many files it made, and the time per page template.
struct RenderedPages: Sendable {
    let made: Int
    let templates: [(name: String, pages: Int, seconds: Double)]
}

extension BuildSteps {
    /// Checks what articles say about each other (URLs, aliases, `related:`), fails on every
    /// error found so far, and builds the model and the template variables.
    /// - Throws: `DiagnosticList` when the site has errors.
    static func resolveReferences(
        _ content: LoadedSite, templates: LoadedTemplates, articles: RenderedArticles, pictures: PictureMaker.Made,
        options: BuildOptions
    ) throws -> ResolvedSite {
        var diagnostics = content.diagnostics + templates.diagnostics + articles.diagnostics + pictures.diagnostics
        let names = ArticleNames(published: content.published, all: content.articles)
        diagnostics += ArticleProcessing.crossReferenceErrors(
            content.published, names: names, broken: ArticleProcessing.brokenContentPaths(content.diagnostics),
            site: options.source)
        if let set = templates.set {
            diagnostics += PlainPage.missingTemplate(content.pages, templates: Set(set.names))
            diagnostics += SiteSearch.missingTemplate(config: content.config, templates: Set(set.names))
            diagnostics += ArticleEmbeds.problems(
                articles.published, names: names, config: content.config, templates: Set(set.names))
        }
        diagnostics += SectionIntro.missingImages(content.profiles, site: options.source)
        diagnostics += AuthorIntro.missingPortraits(content.authors, site: options.source)
        try failOnErrors(diagnostics)
        guard let set = templates.set else { throw DiagnosticList(diagnostics) }
        let config = content.config
        let texts = MarkdownOptions(rootPath: config.root.path)
        let model = SiteModel(
            config: config, articles: articles.published,
            pages: PlainPage.render(content.pages, config: config, jobs: options.jobs),
            intros: SectionIntro.render(content.profiles, config: config), authors: content.authors,
            commentNotice: MarkdownRenderer.render(config.comments.notice, options: texts).html,
            footer: MarkdownRenderer.render(config.footer, options: texts).html, pictures: pictures.pictures)
        let bodies = ArticleBodies(store: articles.bodies, site: options.source, config: config)
        let values = PageValues(model: model, bodies: bodies, preview: options.isPreview, jobs: options.jobs)
        return ResolvedSite(
            values: values, maker: OutputMaker(
                values: values, templates: set, sources: templates.sources,
                pictures: PictureStore(root: options.pictureFolder.path)),
            warnings: diagnostics.filter { $0.severity == .warning })
    }

    /// Every output file with its key: pages, feeds, sitemap, robots.txt, static files and
    /// bundle resources. A later entry for the same path wins (a static file over a page).
    /// - Throws: `DiagnosticList` when a plain page's URL is also another page's.
    static func planPages(_ site: ResolvedSite, options: BuildOptions) throws -> [PlannedOutput] {
        let values = site.values, maker = site.maker, model = site.model
        let groups = PagePlan.listingGroups(model, urls: values.urls)
        let pages = PagePlan.pages(for: model, urls: values.urls, templates: Set(maker.templates.names), groups: groups)
        if !model.pages.isEmpty {
            try failOnErrors(CheckURLs.collisions(pages, model: model, site: options.source, plainPagesOnly: true))
        }
        let pageOutputs = parallelMap(pages, jobs: options.jobs) { maker.plan(.page($0), at: $0.outputPath) }
        let feedOutputs = maker.plan(feeds: MachineFiles.feeds(model: model, groups: groups), jobs: options.jobs)
        var machineOutputs = MachineFiles.sitemapFiles(
            MachineFiles.sitemapEntries(model: model, urls: values.urls, pages: pages), urls: values.urls
        ).map { path, file in maker.plan(.sitemap(file), at: path) }
        let news = MachineFiles.newsEntries(model: model, urls: values.urls, now: options.now)
        machineOutputs.append(maker.plan(
            .text(MachineFiles.newsSitemap(news, name: model.config.title, language: model.config.language)),
            at: MachineFiles.newsSitemapPath))
        machineOutputs.append(maker.plan(.text(MachineFiles.robots(urls: values.urls, preview: options.isPreview)), at: "robots.txt"))
        var copies = FileCopier.copies(
            site: options.source.path, articles: model.articles.map(\.source), pages: model.pages.map(\.source),
            profiles: model.sections.compactMap { $0.intro?.profile },
            assets: maker.templates.settings.assets)
        copies += AuthorIntro.portraitCopies(
            model.authorProfiles.values.sorted { $0.file < $1.file }, urls: values.urls, site: options.source.path)
        // A bundle's original picture gives way to its derivatives unless `images.originals`.
        let withheld = model.config.images.originals ? [] : Set(model.pictures.byPath.values.filter { !$0.files.isEmpty }.map { String($0.path.dropFirst()) })
        let bundles = options.source.path + "/" + SiteLayout.content + "/"
        copies.removeAll { withheld.contains($0.path) && $0.source.hasPrefix(bundles) }
        let copyOutputs = parallelMap(copies, jobs: options.jobs) { maker.plan(.copy($0.source), at: $0.path) }
        let pictures = model.pictures.byPath.values.sorted { $0.path < $1.path }
        // The plan is kept for the whole build: made at its size, not grown by doubling.
        var outputs: [PlannedOutput] = []
        outputs.reserveCapacity(
            pageOutputs.count + feedOutputs.count + machineOutputs.count + copyOutputs.count
                + pictures.reduce(0) { $0 + $1.files.count } + 1)
        outputs += pageOutputs
        outputs += feedOutputs
        outputs += machineOutputs
        outputs += copyOutputs
        for picture in pictures {
            guard let entry = picture.entry else { continue }
            for file in picture.files { outputs.append(maker.plan(.derivative(entry: entry, file), at: picture.path(of: file))) }
        }
        let icons = Set(MachineFiles.manifestIcons.map(\.0))
        let manifest = MachineFiles.manifest(
            config: model.config, urls: values.urls, published: Set(copies.lazy.map(\.path).filter { icons.contains($0) }))
        outputs.append(maker.plan(.text(manifest), at: "manifest.webmanifest"))
        // The last entry for a path wins; kept in place rather than filtered into copies (the
        // plan of N=100,000 holds 730,000 outputs).
        var seen = Set<String>(minimumCapacity: outputs.count)
        let superseded = outputs.indices.reversed().filter { !seen.insert(outputs[$0].path).inserted }
        guard !superseded.isEmpty else { return outputs }
        let dropped = Set(superseded)
        return outputs.indices.filter { !dropped.contains($0) }.map { outputs[$0] }
    }

    /// The files of the search index (``SiteSearch``), made from the previous build's index
    /// (`previous`), whose memo for the next build comes back with the files.
    static func indexSearch(_ site: ResolvedSite, previous: IndexMemo?, options: BuildOptions)
        -> (outputs: [PlannedOutput], memo: IndexMemo?) {
        SiteSearch.outputs(
            model: site.model, urls: site.values.urls, bodies: site.values.bodies, maker: site.maker, previous: previous, jobs: options.jobs)
    }

    /// The index's files but those at the path of a planned page or static file, which wins.
    static func searchOutputs(_ outputs: [PlannedOutput], besides plan: [PlannedOutput]) -> [PlannedOutput] {
        // The few index paths looked up in the plan, not the plan's paths gathered (730,000 at N=100,000).
        let wanted = Set(outputs.map(\.path))
        let taken = Set(plan.lazy.map(\.path).filter { wanted.contains($0) })
        return outputs.filter { !taken.contains($0.path) }
    }

    /// Makes every output that `output` does not keep, in parallel; each worker writes what it made.
    /// - Throws: `DiagnosticList` for template errors, `OutputError` when a file cannot be
    ///   written; `output` is aborted then.
    static func renderPages(
        _ plan: [PlannedOutput], site: ResolvedSite, into output: inout some OutputTransaction, options: BuildOptions
    ) throws -> RenderedPages {
        let (todo, sink) = try output.begin(plan, jobs: options.jobs)
        let progress = ProgressCounter(step: "render pages", total: todo.count, report: options.progress)
        let maker = site.maker
        // What each output's making says is gathered as it comes, not kept per output: in a
        // build from scratch of N=100,000 that would be 730,000 results.
        let gathered = Mutex(Gathered())
        parallelForEach(todo, jobs: options.jobs, worker: { maker.copy() }) { maker, position in
            defer { progress.advance() }
            let result = maker.make(plan[position], into: sink)
            guard result.template != nil || !result.diagnostics.isEmpty || result.writeError != nil else { return }
            gathered.withLock { $0.add(result, at: position) }
        }
        let made = gathered.withLock { $0 }
        do {
            try failOnErrors(site.warnings + made.diagnostics.sorted { $0.position < $1.position }.flatMap(\.found).uniqued())
            if let first = made.writeErrors.min(by: { $0.position < $1.position }) { throw OutputError.writeFailed(first.error) }
        } catch {
            output.abort()
            throw error
        }
        return RenderedPages(made: todo.count, templates: made.templateTimes)
    }

    /// What "render pages" keeps of the outputs it made: their problems, by their position in
    /// the plan (so that they are reported in the same order whatever thread made them), and the
    /// time per template.
    private struct Gathered: Sendable {
        var diagnostics: [(position: Int, found: [Diagnostic])] = []
        var writeErrors: [(position: Int, error: String)] = []
        var templates: [String: (pages: Int, seconds: Double)] = [:]

        mutating func add(_ result: PageRenderer.Result, at position: Int) {
            if !result.diagnostics.isEmpty { diagnostics.append((position, result.diagnostics)) }
            if let error = result.writeError { writeErrors.append((position, error)) }
            if let template = result.template {
                templates[template, default: (0, 0)].pages += 1
                templates[template, default: (0, 0)].seconds += result.seconds
            }
        }

        var templateTimes: [(name: String, pages: Int, seconds: Double)] {
            templates.map { (name: $0.key, pages: $0.value.pages, seconds: $0.value.seconds) }
                .sorted { ($1.seconds, $0.name) < ($0.seconds, $1.name) }
        }
    }
}

extension BuildSummary {
    /// The summary of a build that planned `plan`.
    init(site: ResolvedSite, plan: [PlannedOutput], pages: RenderedPages, steps: [(name: String, seconds: Double)]) {
        self.init()
        warnings = site.warnings
        self.pages = plan.lazy.filter { if case .page = $0.source { true } else { false } }.count
        files = plan.lazy.filter { if case .copy = $0.source { true } else if case .derivative = $0.source { true } else { false } }.count
        comments = site.model.articles.reduce(0) { $0 + ($1.frontMatter.comments == .off ? 0 : $1.facts.commentCount) }
        written = pages.made
        templates = pages.templates
        self.steps = steps
        seconds = steps.reduce(0) { $0 + $1.seconds }
    }

    /// What the next build reports when it finds nothing to do.
    var counts: BuildCache.Counts { BuildCache.Counts(pages: pages, files: files, comments: comments) }
}

extension BuildCache {
    /// The cache a build leaves for the next.
    init(identity: Digest, content: LoadedSite, articles: RenderedArticles, plan: [PlannedOutput], counts: Counts) {
        // Filled in place: a list of pairs made first would hold every output twice.
        var outputs: [String: Digest] = [:]
        outputs.reserveCapacity(plan.count)
        for output in plan { outputs[output.path] = output.key }
        self.init(identity: identity, settings: content.settings, articles: articles.records, outputs: outputs)
        self.counts = counts
    }
}
