import Basics
import Diagnostics
import Foundation

/// Builds a site: `magbuild build` into a folder on disk, the preview server into memory.
/// The steps are in ``BuildPipeline``; this type decides where the files go.
///
/// On disk the output is replaced in one step when everything succeeded, so a failed or
/// interrupted build never leaves a half-written site:
/// - the first build (or `--clean`, or a cache that cannot be trusted) writes a new folder
///   beside the output, hard-linking files that are byte-identical, and swaps it in;
/// - later builds update the spare copy kept in `.magbuild/<output>/` (the output before
///   last) with only the files whose key changed, and swap that in. A build with nothing
///   changed writes nothing at all.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into `options.output` on disk, reusing the previous build's cache unless `options.clean`.
    /// - Throws: `DiagnosticList` when the site has errors; the previous output is untouched then.
    public func build() throws -> BuildSummary {
        let pipeline = BuildPipeline(options: options, identity: Self.identity(of: options))
        let folder = CacheFolder(output: options.output)
        let total = StepClock()
        let began = Date()
        var reading = StepClock()
        if !options.clean, let check = reading.measure("quick check", {
            QuickCheck.holds(in: folder, identity: pipeline.identity, site: options.source, now: options.now, jobs: options.jobs)
        }) {
            var summary = BuildSummary(unchanged: check.counts, warnings: check.warnings, steps: reading.steps)
            summary.seconds = total.total
            return summary
        }
        let previous = options.clean ? nil : reading.measure("read cache") { folder.cache(matching: pipeline.identity) }
        // A build from scratch records the quick check: the walk of the site overlaps the build.
        let walk = previous == nil ? SiteWalk.start(site: options.source, began: began) : nil
        let preparation = try pipeline.prepare(previous: previous)
        var clock = StepClock()
        if case .unchanged(let cache, let warnings, let steps) = preparation,
            clock.measure("compare with output", { outputsExist(cache.outputs.keys) })
        {
            var summary = BuildSummary(unchanged: cache.counts, warnings: warnings, steps: reading.steps + steps + clock.steps)
            recordQuickCheck(
                in: folder, identity: pipeline.identity, walk: SiteWalk.start(site: options.source, began: began), cache: cache,
                warnings: warnings)
            summary.seconds = total.total
            return summary
        }
        var prepared: PreparedBuild
        // Consumed: the model must be freed by `releaseInBackground`, not when this function returns.
        switch consume preparation {
        case .planned(let planned): prepared = planned
        case .unchanged: prepared = try pipeline.plan(previous: previous)
        }
        prepared.steps = reading.steps + prepared.steps

        if let previous, clock.measure("compare with output", { unchanged(prepared.outputs, since: previous) }) {
            var summary = try pipeline.produce(prepared, into: UnchangedOutput())
            summary.steps += clock.steps
            summary.seconds = total.total
            Self.releaseInBackground(prepared)
            return summary
        }

        var summary: BuildSummary
        if let previous, let spareKeys = folder.spareKeys(of: previous) {
            try folder.markSpareIncomplete()
            let spare = SpareOutput(spare: folder.spare, live: options.output, spareKeys: spareKeys, liveKeys: previous.outputs)
            summary = try pipeline.produce(prepared, into: spare)
            try clock.measure("replace output") {
                spare.removeFiles(notIn: Set(prepared.outputs.map(\.path)))
                try FolderSwap.exchange(options.output, folder.spare)
            }
        } else {
            let staged = try StagedOutput(target: options.output)
            do {
                summary = try pipeline.produce(prepared, into: staged.sink(previousKeys: previous?.outputs ?? [:]))
            } catch {
                staged.discard()
                throw error
            }
            try clock.measure("replace output") {
                guard let old = try staged.commitKeepingPrevious() else { return }
                if previous != nil {
                    try folder.keepAsSpare(old, jobs: options.jobs)
                } else {
                    StagedOutput.remove(old, jobs: options.jobs)
                    folder.removeUntrustedSpare(jobs: options.jobs)
                }
            }
        }
        if let previous {
            // Files taken from the spare copy were not written, but they did change the output.
            let paths = Set(prepared.outputs.map(\.path))
            let changed = prepared.outputs.filter { previous.outputs[$0.path] != $0.key }.count
                + previous.outputs.keys.filter { !paths.contains($0) }.count
            summary.written = max(summary.written, changed)
        }
        prepared.cache.outputFolder = FolderSwap.identity(of: options.output)
        if let previous, FileManager.default.fileExists(atPath: folder.spare.path) {
            prepared.cache.spare = previous.outputs
            prepared.cache.spareFolder = FolderSwap.identity(of: folder.spare)
        }
        clock.measure("save cache") {
            // A cache that cannot be written costs the next build its speed, not its correctness.
            try? prepared.cache.write(to: folder.cacheFile)
            folder.markSpareComplete()
            if let walk {
                recordQuickCheck(in: folder, identity: pipeline.identity, walk: walk, cache: prepared.cache, warnings: summary.warnings)
            } else {
                try? FileManager.default.removeItem(at: folder.quickFile)
            }
        }
        summary.steps += clock.steps
        summary.seconds = total.total
        Self.releaseInBackground(prepared)
        return summary
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
    private static func releaseInBackground(_ prepared: consuming PreparedBuild) {
        let box = ReleaseBox(prepared)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 0.2) { box.release() }
    }

    /// Builds the whole site into `sink`, making every file.
    public func build(into sink: any OutputSink) throws -> BuildSummary {
        try build(into: sink, previous: nil).summary
    }

    /// Builds into `sink`, which may keep files of the build that `previous` describes
    /// (the preview server's memory output). Returns the cache for the next build.
    public func build(into sink: any OutputSink, previous: BuildCache?) throws -> (summary: BuildSummary, cache: BuildCache) {
        let pipeline = BuildPipeline(options: options, identity: Self.identity(of: options))
        let usable = previous.flatMap { $0.matches(pipeline.identity) ? $0 : nil }
        let preparation = try pipeline.prepare(previous: usable)
        if case .unchanged(let cache, let warnings, let steps) = preparation,
            cache.outputs.allSatisfy({ sink.reuse($0.key, key: $0.value) })
        {
            return (BuildSummary(unchanged: cache.counts, warnings: warnings, steps: steps), cache)
        }
        let prepared: PreparedBuild
        switch preparation {
        case .planned(let planned): prepared = planned
        case .unchanged: prepared = try pipeline.plan(previous: usable)
        }
        return (try pipeline.produce(prepared, into: sink), prepared.cache)
    }

    /// Whether every output has the key it had and is still in the output folder.
    private func unchanged(_ outputs: [PlannedOutput], since previous: BuildCache) -> Bool {
        guard outputs.count == previous.outputs.count, outputs.allSatisfy({ previous.outputs[$0.path] == $0.key })
        else { return false }
        return outputsExist(outputs.map(\.path))
    }

    /// Whether every one of `paths` is a file in the output folder (nobody deleted one by hand).
    private func outputsExist(_ paths: some Collection<String>) -> Bool {
        let root = options.output.path
        return !parallelMap(Array(paths), jobs: options.jobs) { path in
            FilePaths.join(root, path).map(FilePaths.exists) ?? false
        }.contains(false)
    }

    /// The magbuild binary (its stamp), the site and output folders and the
    /// options that change the output: a cache made under another identity is not used.
    static func identity(of options: BuildOptions) -> Digest {
        var hasher = DigestHasher(tag: "magbuild build cache")
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        if let stamp = FileStamp.of(executable) { hasher.combine(stamp) }
        hasher.combine(options.source.standardizedFileURL.path)
        hasher.combine(options.output.standardizedFileURL.path)
        hasher.combine(options.includeDrafts)
        hasher.combine(options.includeFuture)
        hasher.combine(options.baseURL)
        return hasher.finalize()
    }
}

/// The sink of a build in which every output is unchanged: it keeps everything.
private struct UnchangedOutput: OutputSink {
    func write(_ data: Data, to path: String) throws { throw OutputError.writeFailed("\(path): the output is unchanged") }
    func copyFile(at source: URL, to path: String) throws { throw OutputError.writeFailed("\(path): the output is unchanged") }
    func reuse(_ path: String, key: Digest) -> Bool { true }
}

/// Holds a prepared build until it is released on another thread.
private final class ReleaseBox: @unchecked Sendable {
    private var prepared: PreparedBuild?
    init(_ prepared: PreparedBuild) { self.prepared = prepared }
    func release() { prepared = nil }
}
