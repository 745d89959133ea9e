import Diagnostics
import Foundation
import Search
import Synchronization

/// `.magbuild/<output name>/` beside the output folder: the build cache and the spare copy
/// of the output that incremental builds update and swap in.
struct CacheFolder {
    let output: URL
    let root: URL
    /// Says, once for each file, that a file here was unreadable and is ignored.
    private let unreadable: NoteOnce

    /// `note` receives the line saying that a cache file is unreadable (by default printed on standard error).
    init(output: URL, note: @escaping @Sendable (String) -> Void = NoteOnce.printWarning) {
        unreadable = NoteOnce(note)
        self.output = output.standardizedFileURL
        root = self.output.deletingLastPathComponent()
            .appendingPathComponent(".magbuild", isDirectory: true)
            .appendingPathComponent(self.output.lastPathComponent, isDirectory: true)
    }

    var cacheFile: URL { root.appendingPathComponent("cache.bin") }
    /// The record of the last build's inputs for a quick "nothing changed" (``QuickCheck``).
    var quickFile: URL { root.appendingPathComponent("quick.bin") }
    /// The search index's memo (``BuildCache/search``).
    var searchFile: URL { root.appendingPathComponent("search.bin") }
    var spare: URL { root.appendingPathComponent("spare", isDirectory: true) }
    /// Present while the spare is being changed: a spare with this marker is not trusted.
    private var spareMarker: URL { root.appendingPathComponent("spare-incomplete") }

    /// The cache of the build that made the output folder as it is now, if it can be trusted.
    func cache(matching identity: Digest) -> BuildCache? {
        guard let cache = read(cacheFile, BuildCache.decode), cache.matches(identity),
            let folder = cache.outputFolder, folder == FolderSwap.identity(of: output)
        else { return nil }
        return cache
    }

    /// The contents of the cache file `file`; nil if it is missing, of another format or
    /// unreadable (then noted with what the build does instead, `instead`).
    func read<Value>(_ file: URL, _ decode: (Data) -> CacheContents<Value>, instead: String = "building from scratch") -> Value? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        let contents = decode(data)
        if case .unreadable = contents { unreadable.say("build cache \(file.path) is unreadable, \(instead)") }
        return contents.value
    }

    /// The search index's memo of the last build that had search, if there is a readable one
    /// made by a build of `identity` (the same magbuild binary, site and options).
    func searchMemo(identity: Digest) -> IndexMemo? {
        guard let data = try? Data(contentsOf: searchFile), data.count >= 16 else { return nil }
        let bytes = [UInt8](data)
        guard Array(bytes.prefix(16)) == Self.header(identity) else { return nil }
        guard let memo = IndexMemo(encoded: Array(bytes.dropFirst(16))) else {
            unreadable.say("search index memo \(searchFile.path) is unreadable, indexing every document")
            return nil
        }
        return memo
    }

    /// Replaces the search memo file with `memo` (under a temporary name first), or removes
    /// it when the site has no search. A memo that cannot be written costs the next build
    /// the time of indexing every document, nothing else.
    func write(search memo: IndexMemo?, identity: Digest) {
        guard let memo else {
            try? FileManager.default.removeItem(at: searchFile)
            return
        }
        let temporary = searchFile.path + ".magbuild-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let written: Bool
        do {
            try Self.header(identity).withUnsafeBytes { try FilePaths.write($0, to: descriptor, path: temporary) }
            try memo.encode { bytes in try bytes.withUnsafeBytes { try FilePaths.write($0, to: descriptor, path: temporary) } }
            written = true
        } catch {
            written = false
        }
        close(descriptor)
        if !written || rename(temporary, searchFile.path) != 0 { unlink(temporary) }
    }

    /// The first bytes of a search memo file: the identity of the build that wrote it.
    private static func header(_ identity: Digest) -> [UInt8] {
        withUnsafeBytes(of: (identity.high.littleEndian, identity.low.littleEndian)) { Array($0) }
    }

    /// The keys of the spare copy (as their difference from the output's), if it is complete
    /// and is the one the cache describes.
    func spareKeys(of cache: BuildCache) -> SpareKeys? {
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

/// Notes, each said at most once however often it comes up.
final class NoteOnce: Sendable {
    private let said = Mutex<Set<String>>([])
    private let output: @Sendable (String) -> Void

    init(_ output: @escaping @Sendable (String) -> Void) {
        self.output = output
    }

    func say(_ note: String) {
        guard said.withLock({ $0.insert(note).inserted }) else { return }
        output(note)
    }

    /// Prints `note` on standard error as a warning, as magbuild prints diagnostics.
    @Sendable static func printWarning(_ note: String) {
        FileHandle.standardError.write(Data((Diagnostic(.warning, at: nil, note).rendered + "\n").utf8))
    }
}
