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
            let summary = try build(into: staged.sink)
            try staged.commit()
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
            let settings = TemplateSettings(language: config.language, timeZone: config.timeZone, baseURL: config.baseURL)
            do {
                return try TemplateSet(sources: sources, settings: settings)
            } catch let list as DiagnosticList {
                diagnostics += list.diagnostics
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: "templates/"), "\(error)"))
            }
            return nil
        }

        let published = loaded.articles.filter { ArticleProcessing.isPublished($0, options: options) }
        let jobs = options.jobs
        let processed = clock.measure("render articles") {
            parallelMap(published, jobs: jobs) { ArticleProcessing.process($0, site: site, config: config) }
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

        let rendered = clock.measure("render pages") {
            parallelMap(pages, jobs: jobs) { PageRenderer.render($0, values: values, templates: templates) }
        }
        try Self.failOnErrors(diagnostics + Self.unique(rendered.flatMap(\.diagnostics)))

        var summary = BuildSummary()
        summary.warnings = diagnostics.filter { $0.severity == .warning }
        let machineFiles = clock.measure("feeds and sitemap") {
            MachineFiles.all(model: model, urls: values.urls, pages: pages).map { OutputFile(path: $0.path, text: $0.text) }
        }
        let files = rendered.map { OutputFile(path: $0.path, text: $0.html) } + machineFiles
        let writeErrors = clock.measure("write pages") {
            parallelMap(files, jobs: jobs) { page -> String? in
                do {
                    try sink.write(Data(page.text.utf8), to: page.path)
                    return nil
                } catch {
                    return "\(page.path): \(error)"
                }
            }.compactMap { $0 }
        }
        if let first = writeErrors.first { throw OutputError.swapFailed(first) }
        summary.files = try clock.measure("copy files") {
            try FileCopier.copy(site: site, articles: model.articles, into: sink, jobs: jobs)
        }
        summary.pages = rendered.count
        summary.comments = model.articles.reduce(0) { $0 + ($1.frontMatter.comments == .off ? 0 : $1.comments.count) }
        summary.steps = clock.steps
        summary.seconds = clock.total
        return summary
    }

    private struct OutputFile: Sendable {
        let path: String
        let text: String
    }

    private static func failOnErrors(_ diagnostics: [Diagnostic]) throws {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticList(DiagnosticList.sorted(diagnostics))
        }
    }

    /// The same template error shows up once per page that hits it; report it once.
    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
