import Foundation

/// `.magbuild/<output name>/` beside the output folder: the build cache and the spare copy
/// of the output that incremental builds update and swap in.
struct CacheFolder {
    let output: URL
    let root: URL

    init(output: URL) {
        self.output = output.standardizedFileURL
        root = self.output.deletingLastPathComponent()
            .appendingPathComponent(".magbuild", isDirectory: true)
            .appendingPathComponent(self.output.lastPathComponent, isDirectory: true)
    }

    var cacheFile: URL { root.appendingPathComponent("cache.bin") }
    /// The record of the last build's inputs for a quick "nothing changed" (``QuickCheck``).
    var quickFile: URL { root.appendingPathComponent("quick.bin") }
    var spare: URL { root.appendingPathComponent("spare", isDirectory: true) }
    /// Present while the spare is being changed: a spare with this marker is not trusted.
    private var spareMarker: URL { root.appendingPathComponent("spare-incomplete") }

    /// The cache of the build that made the output folder as it is now, if it can be trusted.
    func cache(matching identity: Digest) -> BuildCache? {
        guard let cache = BuildCache.read(from: cacheFile), cache.matches(identity),
            let folder = cache.outputFolder, folder == FolderSwap.identity(of: output)
        else { return nil }
        return cache
    }

    /// The keys of the spare copy, if it is complete and is the one the cache describes.
    func spareKeys(of cache: BuildCache) -> [String: Digest]? {
        guard let keys = cache.spare, let folder = cache.spareFolder, folder == FolderSwap.identity(of: spare),
            !FileManager.default.fileExists(atPath: spareMarker.path)
        else { return nil }
        return keys
    }

    func markSpareIncomplete() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data().write(to: spareMarker)
    }

    func markSpareComplete() {
        try? FileManager.default.removeItem(at: spareMarker)
    }

    /// Deletes a spare copy the cache does not describe (left by an interrupted build).
    func removeUntrustedSpare(jobs: Int) {
        guard FileManager.default.fileExists(atPath: spare.path) else { return }
        StagedOutput.remove(spare, jobs: jobs)
        markSpareComplete()
    }

    /// Keeps `folder` (the previous output) as the spare copy.
    func keepAsSpare(_ folder: URL, jobs: Int) throws {
        removeUntrustedSpare(jobs: jobs)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder, to: spare)
    }
}
