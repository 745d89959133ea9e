import Content
import Diagnostics
import Foundation
import Markdown
import Templates

/// The build pipeline: a readable list of named, timed steps from the site folder to the output.
///
///     load content → load templates → render articles → check references → plan pages
///     → render pages → write pages → copy files
///
/// Every step collects diagnostics instead of stopping at the first; the build fails
/// with all of them together before anything is written.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into a staging folder beside `options.output` and swaps it in when everything succeeded.
    /// - Throws: `DiagnosticList` when the site has errors; the previous output is untouched then.
    public func build() throws -> BuildSummary {
        let staged = try StagedOutput(target: options.output)
        do {
            var summary = try build(into: staged.sink)
            var clock = StepClock()
            try clock.measure("replace output") { try staged.commit(jobs: options.jobs) }
            summary.steps += clock.steps
            summary.seconds += clock.total
            return summary
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Builds the whole site into `sink`.
    public func build(into sink: any OutputSink) throws -> BuildSummary {
        var clock = StepClock()
        var diagnostics: [Diagnostic] = []
        let site = options.source

        var loaded = clock.measure("load content") { ContentLoader.load(siteAt: site) }
        diagnostics += loaded.diagnostics
        if let baseURL = options.baseURL {
            if let normalized = SiteConfig.normalizedBaseURL(baseURL) {
                loaded.config.baseURL = normalized
            } else {
                diagnostics.append(.error(at: nil, "--base-url '\(baseURL)' is not an absolute http(s) URL", hint: "e.g. https://preview.magazin.example/"))
            }
        }
        let config = loaded.config

        let templates: TemplateSet? = clock.measure("load templates") {
            let (sources, problems) = SiteFiles.templateSources(in: site)
            diagnostics += problems
            return SiteFiles.templateSet(from: sources, config: config, diagnostics: &diagnostics)
        }

        let published = loaded.articles.filter { ArticleProcessing.isPublished($0, options: options) }
        let jobs = options.jobs
        let articleProgress = ProgressCounter(step: "render articles", total: published.count, report: options.progress)
        let processed = clock.measure("render articles") {
            parallelMap(published, jobs: jobs) { source in
                defer { articleProgress.advance() }
                return ArticleProcessing.process(source, site: site, config: config)
            }
        }
        diagnostics += processed.flatMap(\.diagnostics)
        diagnostics += clock.measure("check references") {
            ArticleProcessing.crossReferenceErrors(
                published, all: loaded.articles, broken: ArticleProcessing.brokenContentPaths(loaded.diagnostics), site: site)
        }
        try Self.failOnErrors(diagnostics)
        guard let templates else { throw DiagnosticList(diagnostics) }

        let notice = MarkdownRenderer.render(config.comments.notice).html
        let model = SiteModel(config: config, articles: processed.map(\.article), commentNotice: notice)
        let values = clock.measure("prepare pages") { PageValues(model: model, jobs: jobs) }
        let pages = PagePlan.pages(for: model, urls: values.urls, templates: Set(templates.names))

        // Each worker writes the page it rendered: pages are not held in memory until the end.
        // On errors the sink holds part of the site; `build()` then discards its staging folder.
        let pageProgress = ProgressCounter(step: "render pages", total: pages.count, report: options.progress)
        let rendered = clock.measure("render and write pages") {
            parallelMap(pages, jobs: jobs) { page -> PageRenderer.Result in
                defer { pageProgress.advance() }
                var result = PageRenderer.render(page, values: values, templates: templates)
                if result.diagnostics.isEmpty, let html = result.html {
                    do {
                        try sink.write(Data(html.utf8), to: result.path)
                    } catch {
                        result.writeError = "\(result.path): \(error)"
                    }
                }
                result.html = nil
                return result
            }
        }
        try Self.failOnErrors(diagnostics + rendered.flatMap(\.diagnostics).uniqued())
        if let first = rendered.lazy.compactMap(\.writeError).first { throw OutputError.writeFailed(first) }

        var summary = BuildSummary()
        summary.warnings = diagnostics.filter { $0.severity == .warning }
        try clock.measure("feeds and sitemap") {
            for file in MachineFiles.all(model: model, urls: values.urls, pages: pages, jobs: jobs) {
                try sink.write(Data(file.text.utf8), to: file.path)
            }
        }
        summary.files = try clock.measure("copy files") {
            try FileCopier.copy(site: site, articles: model.articles, into: sink, jobs: jobs)
        }
        summary.pages = rendered.count
        summary.templates = Self.templateTimes(rendered)
        summary.comments = model.articles.reduce(0) { $0 + ($1.frontMatter.comments == .off ? 0 : $1.comments.count) }
        summary.steps = clock.steps
        summary.seconds = clock.total
        return summary
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

    private static func failOnErrors(_ diagnostics: [Diagnostic]) throws {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(DiagnosticList.sorted(diagnostics))
        }
    }
}
