import Basics
import Foundation

/// Where a build's files go and how they replace what was there, as one transaction: `begin`
/// sees every planned output with its key and keeps what the current output already has; the
/// build makes the rest into the sink it returns; `commit` makes them the output in one step,
/// and `abort` leaves the output as it was.
protocol OutputTransaction {
    /// The outputs that must be made (their positions in `outputs`), and the sink to make them into.
    mutating func begin(_ outputs: [PlannedOutput], jobs: Int) throws -> (todo: [Int], sink: any OutputSink)
    /// Makes this build's files the output; returns how many output files were added, changed or removed.
    mutating func commit(_ outputs: [PlannedOutput], made: Int, jobs: Int) throws -> Int
    func abort()
}

/// Any ``OutputSink`` as a transaction: the sink keeps what it can (``OutputSink/reuse(_:key:)``)
/// and there is nothing to swap (the preview's memory output, tests).
struct SinkTransaction: OutputTransaction {
    let sink: any OutputSink

    func begin(_ outputs: [PlannedOutput], jobs: Int) throws -> (todo: [Int], sink: any OutputSink) {
        let sink = self.sink
        // Positions, not copies: in a build from scratch every output is to be made, and
        // copies of them all took 60 MB at N=10,000 (heaptrack).
        let kept = parallelMap(outputs, jobs: jobs) { sink.reuse($0.path, key: $0.key) }
        return (outputs.indices.filter { !kept[$0] }, sink)
    }

    func commit(_ outputs: [PlannedOutput], made: Int, jobs: Int) throws -> Int { made }

    func abort() {}
}

/// The output folder on disk, replaced in one step when everything succeeded, so a failed or
/// interrupted build never leaves a half-written site:
/// - nothing changed (every key as before, every file still there): nothing is touched;
/// - with the previous build's cache and a complete spare copy of the output before last
///   (in `.magbuild/<output>/spare`), only the files whose key changed are made into the
///   spare, which is then exchanged with the output (``SpareOutput``, ``FolderSwap``);
/// - otherwise (first build, `--clean`, a cache that cannot be trusted) a new folder is
///   written beside the output, hard-linking byte-identical files, and swapped in
///   (``StagedOutput``); with a cache, the old output becomes the spare copy.
struct DiskTransaction: OutputTransaction {
    let output: URL
    let folder: CacheFolder
    let previous: BuildCache?
    private var mode = Mode.unchanged
    /// What the commit added, changed and removed.
    private(set) var changes = OutputChanges()

    private enum Mode {
        case unchanged
        case spare(SpareOutput)
        case staged(StagedOutput)
    }

    init(folder: CacheFolder, previous: BuildCache?) {
        output = folder.output
        self.folder = folder
        self.previous = previous
    }

    /// Whether the build changed nothing on disk.
    var isUnchanged: Bool { if case .unchanged = mode { true } else { false } }

    mutating func begin(_ outputs: [PlannedOutput], jobs: Int) throws -> (todo: [Int], sink: any OutputSink) {
        let sink: any OutputSink
        if let previous, unchanged(outputs, since: previous, jobs: jobs) {
            mode = .unchanged
            return ([], MemoryOutput())
        } else if let previous, let spareKeys = folder.spareKeys(of: previous) {
            try folder.markSpareIncomplete()
            let spare = SpareOutput(spare: folder.spare, live: output, differences: spareKeys, liveKeys: previous.outputs)
            mode = .spare(spare)
            sink = spare
        } else {
            let staged = try StagedOutput(target: output)
            mode = .staged(staged)
            sink = staged.sink(previousKeys: previous?.outputs ?? [:])
        }
        return try SinkTransaction(sink: sink).begin(outputs, jobs: jobs)
    }

    mutating func commit(_ outputs: [PlannedOutput], made: Int, jobs: Int) throws -> Int {
        // Files taken from the spare copy were not made, but they did change the output.
        switch mode {
        case .unchanged:
            return 0
        case .spare(let spare):
            changes = OutputChanges(outputs, previous: spare.liveKeys, jobs: jobs)
            spare.removeFiles(goneFrom: changes)
            try FolderSwap.exchange(output, folder.spare)
        case .staged(let staged):
            if let old = try staged.commitKeepingPrevious() {
                if previous != nil {
                    try folder.keepAsSpare(old, jobs: jobs)
                } else {
                    StagedOutput.remove(old, jobs: jobs)
                    folder.removeUntrustedSpare(jobs: jobs)
                }
            }
            changes = previous.map { OutputChanges(outputs, previous: $0.outputs, jobs: jobs) } ?? OutputChanges(changed: outputs.map(\.path))
        }
        return previous == nil ? made : max(made, changes.count)
    }

    func abort() {
        if case .staged(let staged) = mode { staged.discard() }
    }

    /// `cache` with what describes the output folder and its spare copy as the commit left them.
    func describing(_ cache: BuildCache) -> BuildCache {
        var cache = cache
        cache.outputFolder = FolderSwap.identity(of: output)
        if let previous, FileManager.default.fileExists(atPath: folder.spare.path) {
            cache.spare = SpareKeys(previous: previous.outputs, changes: changes)
            cache.spareFolder = FolderSwap.identity(of: folder.spare)
        }
        return cache
    }

    /// Whether every output has the key it had and is still in the output folder.
    private func unchanged(_ outputs: [PlannedOutput], since previous: BuildCache, jobs: Int) -> Bool {
        guard outputs.count == previous.outputs.count, outputs.allSatisfy({ previous.outputs[$0.path] == $0.key })
        else { return false }
        return Self.filesExist(outputs.map(\.path), in: output, jobs: jobs)
    }

    /// Whether every one of `paths` is a file in `folder` (nobody deleted one by hand).
    static func filesExist(_ paths: [String], in folder: URL, jobs: Int) -> Bool {
        let root = folder.path
        return !parallelMap(paths, jobs: jobs) { path in
            FilePaths.join(root, path).map(FilePaths.exists) ?? false
        }.contains(false)
    }
}
