import Content
import Foundation
import Synchronization

/// A build kept in memory from one rebuild to the next, for the preview server: the build
/// cache (so a rebuild redoes only what changed) and the last build's model, so that a saved
/// article's own page can be shown at once, before the pages around it are brought up to date.
public final class LiveBuild: Sendable {
    private struct State {
        var cache: BuildCache?
        var prepared: PreparedBuild?
        /// Model index of each published article by its Markdown and comment files.
        var articleByFile: [String: Int] = [:]
    }

    public let options: BuildOptions
    private let state = Mutex(State())

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The output keys of the last build, to seed a ``MemoryOutput`` with the last build's files.
    public var outputKeys: [String: Digest] { state.withLock { $0.cache?.outputs ?? [:] } }

    /// Builds into `sink`, reusing the last build unless `fromScratch` (site settings changed).
    /// A failed build keeps the last good state: it still describes what the preview shows.
    public func rebuild(into sink: any OutputSink, fromScratch: Bool) throws -> BuildSummary {
        var options = self.options
        options.now = Date()
        let pipeline = BuildPipeline(options: options, identity: SiteBuilder.identity(of: options))
        let previous = fromScratch ? nil : state.withLock { $0.cache }
        let preparation = try pipeline.prepare(previous: previous)
        // Nothing changed (an editor saved without a change): the last build's model stays.
        if case .unchanged(let cache, let warnings, let steps) = preparation,
            state.withLock({ $0.prepared != nil }), cache.outputs.allSatisfy({ sink.reuse($0.key, key: $0.value) })
        {
            return BuildSummary(unchanged: cache.counts, warnings: warnings, steps: steps)
        }
        let prepared: PreparedBuild
        switch preparation {
        case .planned(let planned): prepared = planned
        case .unchanged: prepared = try pipeline.plan(previous: previous)
        }
        let summary = try pipeline.produce(prepared, into: sink)
        var byFile: [String: Int] = [:]
        for (index, article) in prepared.values.model.articles.enumerated() {
            byFile[article.source.file] = index
            if let comments = article.source.commentsFile { byFile[comments] = index }
        }
        state.withLock { $0 = State(cache: prepared.cache, prepared: prepared, articleByFile: byFile) }
        return summary
    }

    /// The new pages of saved articles, rendered with the last build's everything else; nil
    /// unless every path in `paths` is the Markdown or comment file of a published article
    /// that still loads without errors at the same URL (or a file that is gone again). Their listings, related boxes and
    /// feeds wait for the next ``rebuild(into:fromScratch:)``.
    public func savedArticlePages(_ paths: Set<String>) -> [String: Data]? {
        let (last, byFile) = state.withLock { ($0.prepared, $0.articleByFile) }
        guard !paths.isEmpty, let prepared = last else { return nil }
        let site = options.source
        let model = prepared.values.model
        // A path that is gone again was an editor's temporary file, renamed over the article.
        let gone = { (path: String) in !FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path) }
        guard paths.allSatisfy({ byFile[$0] != nil || gone($0) }), paths.contains(where: { byFile[$0] != nil }) else { return nil }
        var pages: [String: Data] = [:]
        for index in Set(paths.compactMap { byFile[$0] }) {
            let old = model.articles[index]
            let (reloaded, diagnostics) = ContentLoader.reload(old.source, siteAt: site, timeZone: model.config.timeZone)
            guard let source = reloaded, source.url == old.url, !diagnostics.contains(where: { $0.severity == .error }),
                ArticleProcessing.isPublished(source, options: options)
            else { return nil }
            let processed = ArticleProcessing.process(source, site: site, config: model.config)
            guard !processed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            let values = prepared.values.replacing(index, with: processed.article, site: site)
            let page = PlannedPage(url: source.url, kind: .article(index))
            guard let data = PageRenderer.render(page, values: values, templates: prepared.templates).data else { return nil }
            pages[page.outputPath] = data
        }
        return pages
    }
}
