import Basics
import Diagnostics
import Foundation
import Images

/// A site's build, as the steps a reader can name:
///
///     load content → load templates → render articles → make pictures → resolve references
///     → plan pages → index search (beside the plan in a build from scratch) → render pages
///     → commit output
///
/// `magbuild build` (into a folder on disk), the preview server (into memory) and the tests
/// all run this driver; `magbuild check` runs its first steps (``BuildSteps``). The previous
/// build's cache goes in and the next build's cache comes out: nothing else carries state
/// from one build to the next. With a cache, unchanged articles are not read or rendered
/// again, and a file whose key is unchanged is kept as it is.
struct BuildDriver: Sendable {
    let options: BuildOptions
    /// The magbuild binary, the site and the options: a cache made under another identity is not used.
    let identity: Digest

    init(options: BuildOptions) {
        self.options = options
        identity = Self.identity(of: options)
    }

    /// Builds the site into `output`.
    /// - Throws: `DiagnosticList` when the site has errors; `output` is left as it was then.
    func run(previous: BuildCache?, into output: inout some OutputTransaction) throws -> BuiltSite {
        var clock = StepClock()
        let usable = previous.flatMap { $0.matches(identity) ? $0 : nil }
        let content = clock.measure("load content") { BuildSteps.loadContent(options, identity: identity, previous: usable) }
        let templates = clock.measure("load templates") { BuildSteps.loadTemplates(content.config, options: options) }
        let articles = clock.measure("render articles") { BuildSteps.renderArticles(content, options: options) }
        let pictures = clock.measure("make pictures") {
            BuildSteps.makePictures(content, articles: articles, previous: usable, options: options)
        }
        let site = try clock.measure("resolve references") {
            try BuildSteps.resolveReferences(content, templates: templates, articles: articles, pictures: pictures, options: options)
        }
        // The index is made while the pages are planned: both only read the resolved site, and
        // each has serial parts that leave cores idle.
        let previousIndex = usable?.search
        let indexing = site.model.config.search.enabled ? Concurrent {
            StepClock.timed { BuildSteps.indexSearch(site, previous: previousIndex, options: options) }
        } : nil
        var plan: [PlannedOutput]
        do {
            plan = try clock.measure("plan pages") { try BuildSteps.planPages(site, options: options) }
        } catch {
            _ = indexing?.value  // no index work outlives its build
            throw error
        }
        let search = indexing.map { clock.record("index search", $0.value) }
            ?? clock.measure("index search") { BuildSteps.indexSearch(site, previous: previousIndex, options: options) }
        plan += BuildSteps.searchOutputs(search.outputs, besides: plan)
        let pages = try clock.measure("render pages") { try BuildSteps.renderPages(plan, site: site, into: &output, options: options) }
        let changed = try clock.measure("commit output") { try output.commit(plan, made: pages.made, jobs: options.jobs) }

        var summary = BuildSummary(site: site, plan: plan, pages: pages, steps: clock.steps)
        summary.written = changed
        summary.articlesRendered = articles.rendered + site.values.bodies.renderedOnDemand
        summary.picturesMade = pictures.decoded
        summary.avif = site.model.config.images.avif ? Derivatives.canEncodeAVIF : nil
        var cache = BuildCache(identity: identity, content: content, articles: articles, plan: plan, counts: summary.counts)
        cache.search = search.memo
        cache.pictures = pictures.records
        return BuiltSite(summary: summary, cache: cache, site: site)
    }

    /// The magbuild binary (its stamp), the site and output folders and the options that
    /// change the output.
    static func identity(of options: BuildOptions) -> Digest {
        var hasher = DigestHasher(tag: "magbuild build cache")
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        if let stamp = FileStamp.of(executable) { hasher.combine(stamp) }
        hasher.combine(options.source.standardizedFileURL.path)
        hasher.combine(options.output.standardizedFileURL.path)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.includeFuture)
        hasher.combine(options.isPreview)
        hasher.combine(options.fingerprintAssets)
        hasher.combine(options.baseURL)
        return hasher.finalize()
    }
}

/// What a build made: its summary, the cache for the next build, and the values its pages
/// were made from (the preview renders a saved article's page with them at once).
struct BuiltSite: Sendable {
    var summary: BuildSummary
    var cache: BuildCache
    let site: ResolvedSite
}
