import Basics
import Diagnostics
import Foundation

/// Builds a site: `magbuild build` into a folder on disk, tests into memory. The steps are in
/// ``BuildDriver``; this type decides where the files go and keeps the build cache.
///
/// On disk (``DiskTransaction``) the output is replaced in one step when everything
/// succeeded, so a failed or interrupted build never leaves a half-written site. Before
/// anything else a build compares the stamps the last build recorded (``QuickCheck``) and
/// stops at once when no file changed.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into `options.output` on disk, reusing the previous build's cache unless `options.clean`.
    /// - Throws: `DiagnosticList` when the site has errors; the previous output is untouched then.
    public func build() throws -> BuildSummary {
        let driver = BuildDriver(options: options)
        let folder = CacheFolder(output: options.output)
        let total = StepClock()
        let began = Date()
        var clock = StepClock()
        if !options.clean, let check = clock.measure("quick check", {
            QuickCheck.holds(in: folder, identity: driver.identity, site: options.source, now: options.now, jobs: options.jobs)
        }) {
            var summary = BuildSummary(unchanged: check.counts, warnings: check.warnings, steps: clock.steps)
            summary.seconds = total.total
            return summary
        }
        let previous = options.clean ? nil : clock.measure("read cache") { () -> BuildCache? in
            // The search memo (20 MB at N=10,000) is decoded on a thread of its own, beside the cache.
            let identity = driver.identity
            let memo = Concurrent { folder.searchMemo(identity: identity) }
            var cache = folder.cache(matching: identity)
            cache?.search = memo.value
            return cache
        }
        // A build from scratch records the quick check: the walk of the site overlaps the build.
        let walk = previous == nil ? SiteWalk.start(site: options.source, began: began) : nil
        var output = DiskTransaction(folder: folder, previous: previous)
        let built = try driver.run(previous: previous, into: &output)
        var summary = built.summary
        summary.changes = output.changes
        var saving = StepClock()
        saving.measure("save cache") {
            if output.isUnchanged, let previous {
                // Nothing changed: the cache still describes the output; the quick check is recorded anew.
                recordQuickCheck(
                    in: folder, identity: driver.identity, walk: SiteWalk.start(site: options.source, began: began),
                    cache: previous, warnings: summary.warnings)
                return
            }
            let cache = output.describing(built.cache)
            // The search index's memo (30 MB for 10,000 articles) is written beside the cache,
            // on a thread of its own: this step is otherwise serial.
            let memo = cache.search
            let identity = driver.identity
            let writingMemo = memo != previous?.search ? Concurrent { folder.write(search: memo, identity: identity) } : nil
            // A cache that cannot be written costs the next build its speed, not its correctness.
            try? cache.write(to: folder.cacheFile)
            // Derivatives of pictures no longer shown (or made with other settings) go.
            PictureStore(root: options.pictureFolder.path).removeAll(except: Set(cache.pictures.values.flatMap { $0.entries.map(\.key) }))
            _ = writingMemo?.value
            folder.markSpareComplete()
            if let walk {
                recordQuickCheck(in: folder, identity: driver.identity, walk: walk, cache: cache, warnings: summary.warnings)
            } else {
                try? FileManager.default.removeItem(at: folder.quickFile)
            }
        }
        summary.steps = clock.steps + summary.steps + saving.steps
        summary.seconds = total.total
        Self.releaseInBackground(built)
        return summary
    }

    /// Builds the whole site into `sink`, making every file. Pictures are made in
    /// `options.pictureStore`, or else in a picture store of their own, removed afterwards
    /// (the site folder is not written to).
    public func build(into sink: any OutputSink) throws -> BuildSummary {
        var options = options
        let temporary = options.pictureStore == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-pictures-\(UUID().uuidString)") : nil
        if let temporary { options.pictureStore = temporary }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        var output = SinkTransaction(sink: sink)
        return try BuildDriver(options: options).run(previous: nil, into: &output).summary
    }

    /// Records what the next build's ``QuickCheck`` compares with.
    private func recordQuickCheck(
        in folder: CacheFolder, identity: Digest, walk: SiteWalk.Running, cache: BuildCache, warnings: [Diagnostic]
    ) {
        QuickCheck.record(
            in: folder, identity: identity, walk: walk, nextDue: nextDue(in: cache),
            counts: cache.counts, warnings: warnings, outputs: Array(cache.outputs.keys))
    }

    /// The earliest date at which an article that is not published yet only because of its date becomes due.
    private func nextDue(in cache: BuildCache) -> Date? {
        guard !options.includeFuture else { return nil }
        return cache.articles.values.lazy.map(\.source.frontMatter)
            .filter { (!$0.draft || self.options.includeDrafts) && $0.date > self.options.now }
            .map(\.date).min()
    }

    /// Frees the model of a large site (hundreds of thousands of small objects) off the
    /// caller's path: `magbuild build` can exit meanwhile. The caller's own copy goes when
    /// `build()` returns; the box lets go a moment later, so that the last reference, which
    /// does the freeing, is the box's.
    private static func releaseInBackground(_ built: consuming BuiltSite) {
        let box = ReleaseBox(built)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.2) { box.release() }
    }
}

/// Holds a build's values until they are released on another thread.
private final class ReleaseBox: @unchecked Sendable {
    // Unchecked: `built` is set once by the initializer and cleared once by `release()`,
    // which runs on one queue after the initializer returned.
    private var built: BuiltSite?
    init(_ built: BuiltSite) { self.built = built }
    func release() { built = nil }
}
