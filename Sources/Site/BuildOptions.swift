import Foundation

/// What to build and how: the site folder, where the output goes, and the publishing rules.
public struct BuildOptions: Sendable {
    /// The site folder (holding `site.yml`, `content/`, `templates/`, `static/`).
    public var source: URL
    /// The output folder; replaced as a whole when the build succeeds.
    public var output: URL
    /// Publish articles with `draft: true`.
    public var includeDrafts: Bool
    /// Publish articles dated after `now`.
    public var includeFuture: Bool
    /// Overrides `baseURL` from `site.yml` (preview deploys).
    public var baseURL: String?
    /// A preview for the newsroom, not for search engines, even without drafts or future articles.
    public var preview = false
    /// Ignore the build cache: read, render and write everything (the cache is made anew).
    public var clean = false
    /// Publish CSS and JavaScript files a second time under fingerprinted names (see
    /// ``Fingerprints``). The preview server does not: a saved stylesheet is then served at
    /// once, without re-rendering every page that links it.
    public var fingerprintAssets = true
    /// Where picture derivatives are kept between builds (``PictureStore``); nil:
    /// `.magbuild/<output name>/images/` beside the output folder (``pictureFolder``).
    public var pictureStore: URL?
    /// The folder of the picture store.
    var pictureFolder: URL {
        pictureStore ?? CacheFolder(output: output).root.appendingPathComponent("images", isDirectory: true)
    }
    /// Number of threads for parallel steps.
    public var jobs: Int
    /// The moment that decides what is "future"; never written into the output.
    public var now: Date
    /// Called from worker threads as a long step advances: step name, items done, items in all.
    public var progress: (@Sendable (_ step: String, _ done: Int, _ total: Int) -> Void)?

    public init(
        source: URL, output: URL? = nil, includeDrafts: Bool = false, includeFuture: Bool = false,
        baseURL: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date()
    ) {
        self.source = source
        self.output = output ?? source.appendingPathComponent("public", isDirectory: true)
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
        self.now = now
    }

    /// Whether this build is a preview: drafts, future articles or `preview` asked for. Its
    /// `robots.txt` disallows everything and `site.preview` lets the theme add `noindex`.
    public var isPreview: Bool { preview || includeDrafts || includeFuture }
}
