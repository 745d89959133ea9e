import Content
import Foundation
import Synchronization

/// A build kept in memory from one rebuild to the next, for the preview server: the build
/// cache (so a rebuild redoes only what changed) and the last build's values, so that a saved
/// article's own page can be shown at once, before the pages around it are brought up to date.
public final class LiveBuild: Sendable {
    private struct State {
        var built: BuiltSite?
        /// Model index of each published article by its Markdown and comment files.
        var articleByFile: [String: Int] = [:]
    }

    public let options: BuildOptions
    /// The moment each rebuild decides what is "future" by: the wall clock, or a test's.
    private let clock: @Sendable () -> Date
    private let state = Mutex(State())

    public convenience init(options: BuildOptions) {
        self.init(options: options, clock: { Date() })
    }

    init(options: BuildOptions, clock: @escaping @Sendable () -> Date) {
        self.options = options
        self.clock = clock
    }

    /// The output keys of the last build, to seed a ``MemoryOutput`` with the last build's files.
    public var outputKeys: [String: Digest] { state.withLock { $0.built?.cache.outputs ?? [:] } }

    /// Builds into `sink`, reusing the last build unless `fromScratch` (site settings changed).
    /// A failed build keeps the last good state: it still describes what the preview shows.
    public func rebuild(into sink: any OutputSink, fromScratch: Bool) throws -> BuildSummary {
        var options = self.options
        options.now = clock()
        let previous = fromScratch ? nil : state.withLock { $0.built?.cache }
        var output = SinkTransaction(sink: sink)
        let built = try BuildDriver(options: options).run(previous: previous, into: &output)
        var byFile: [String: Int] = [:]
        for (index, article) in built.site.model.articles.enumerated() {
            byFile[article.source.file] = index
            if let comments = article.source.commentsFile { byFile[comments] = index }
        }
        state.withLock { $0 = State(built: built, articleByFile: byFile) }
        return built.summary
    }

    /// The new pages of saved articles, rendered with the last build's everything else; nil
    /// unless every path in `paths` is the Markdown or comment file of a published article
    /// that still loads without errors at the same URL (or a file that is gone again). Their
    /// listings, related boxes and feeds wait for the next ``rebuild(into:fromScratch:)``.
    public func savedArticlePages(_ paths: Set<String>) -> [String: Data]? {
        let (last, byFile) = state.withLock { ($0.built?.site, $0.articleByFile) }
        guard !paths.isEmpty, let site = last else { return nil }
        let folder = options.source
        let model = site.model
        // A path that is gone again was an editor's temporary file, renamed over the article.
        let gone = { (path: String) in !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }
        guard paths.allSatisfy({ byFile[$0] != nil || gone($0) }), paths.contains(where: { byFile[$0] != nil }) else { return nil }
        var pages: [String: Data] = [:]
        for index in Set(paths.compactMap { byFile[$0] }) {
            let old = model.articles[index]
            let (reloaded, diagnostics) = ContentLoader.reload(old.source, siteAt: folder, config: model.config)
            guard let source = reloaded, source.url == old.url, !diagnostics.contains(where: { $0.severity == .error }),
                ArticleProcessing.isPublished(source, options: options)
            else { return nil }
            let processed = ArticleProcessing.process(source, site: folder, config: model.config)
            guard let rendered = processed.rendered, !processed.diagnostics.contains(where: { $0.severity == .error })
            else { return nil }
            let values = site.values.replacing(index, with: processed.article, rendered: rendered)
            let page = PlannedPage(url: source.url, kind: .article(index))
            guard let data = PageRenderer.render(page, values: values, templates: site.maker.templates).data else { return nil }
            pages[page.outputPath] = data
        }
        return pages
    }
}
