import Basics
import Diagnostics
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells in a few `stat` calls per file that nothing changed since the last build, before
/// the build cache is even read: `quick.bin` beside the cache lists every folder and visible
/// file of `content/`, `static/` and `templates/` (and `site.yml`) with its stamp, and the
/// output files. A file added or removed changes its folder's stamp; a file written changes
/// its own. If every stamp is as recorded, the cache is the one it was written with, the
/// output folder is the one it describes, every output file is there and no future article
/// has become due, the build has nothing to do.
///
/// Recorded by a build from scratch and by a build that found nothing changed the full way
/// (not by builds that changed something: an editor at work would pay for a walk of the
/// site on every save). Stamps are taken after the build, so a file changed while the
/// build ran could look unchanged: a quick check is recorded only when no watched entry
/// changed (by its `ctime`, which tools cannot set back) after the build began. Otherwise
/// the next build takes the full way, which compares contents.
struct QuickCheck: Sendable {
    /// The format: a file with another number after `MAGBUILD-QUICK-` is ignored.
    static let magic = Array("MAGBUILD-QUICK-3".utf8)

    /// The build identity (binary, folders, options).
    var identity: Digest
    /// The stamp of the cache file written by the same build.
    var cacheFile: FileStamp
    var outputFolder: FolderIdentity
    /// The earliest date of an article that is not published yet only because of its date.
    var nextDue: Date?
    var counts: BuildCache.Counts
    var warnings: [Diagnostic]
    /// Paths relative to the site folder, with their stamps.
    var watched: SiteWalk.Entries
    /// Output files relative to the output folder.
    var outputs: [String]

    /// The record, if the build it describes is still exactly up to date: nothing to do.
    static func holds(in folder: CacheFolder, identity: Digest, site: URL, now: Date, jobs: Int) -> QuickCheck? {
        guard let check = folder.read(folder.quickFile, decode, instead: "comparing every input"), check.identity == identity,
            FileStamp.of(folder.cacheFile.path) == check.cacheFile,
            FolderSwap.identity(of: folder.output) == check.outputFolder,
            check.nextDue.map({ now < $0 }) ?? true,
            let watched = check.watched.decoded()
        else { return nil }
        let root = site.path, output = folder.output.path
        let unchanged = parallelMap(watched, jobs: jobs) { path, stamp in FileStamp.ofEntry(root + "/" + path) == stamp }
        guard !unchanged.contains(false) else { return nil }
        let present = parallelMap(check.outputs, jobs: jobs) { path in
            FilePaths.join(output, path).map(FilePaths.exists) ?? false
        }
        return present.contains(false) ? nil : check
    }

    /// What a quick-check file's bytes hold: a record of this format, read to its last byte, or not.
    static func decode(_ data: Data) -> CacheContents<QuickCheck> {
        guard data.starts(with: magic) else {
            return data.starts(with: magic.dropLast()) ? .otherFormat : .unreadable
        }
        var reader = CacheReader(data.dropFirst(magic.count))
        guard let check = try? QuickCheck(from: &reader), reader.isAtEnd, check.watched.decoded() != nil else { return .unreadable }
        return .value(check)
    }

    /// Records the site as it is now for the next build's check; removes the old record when
    /// an input changed after `began` (then the next build compares contents instead).
    /// `walk` is the site's entries, walked after the build began (see ``SiteWalk/start(site:began:)``).
    static func record(
        in folder: CacheFolder, identity: Digest, walk: SiteWalk.Running, nextDue: Date?,
        counts: BuildCache.Counts, warnings: [Diagnostic], outputs: [String]
    ) {
        try? FileManager.default.removeItem(at: folder.quickFile)
        guard let cacheFile = FileStamp.of(folder.cacheFile.path), let outputFolder = FolderSwap.identity(of: folder.output),
            let watched = walk.entries()
        else { return }
        let check = QuickCheck(
            identity: identity, cacheFile: cacheFile, outputFolder: outputFolder, nextDue: nextDue, counts: counts,
            warnings: warnings, watched: watched, outputs: outputs)
        try? CacheWriter.writeFile(folder.quickFile.path, header: magic) { check.write(to: &$0) }
    }
}

/// The folders and visible files a site's output is made from, with their stamps.
enum SiteWalk {
    /// The entries of a walk, each a path relative to the site folder and its stamp, packed
    /// as the quick-check file holds them: a build from scratch keeps them until it ends, and
    /// as a list of strings they took 80 MB at N=100,000 (heaptrack), packed a third of that.
    struct Entries: Sendable, Equatable {
        let count: Int
        /// Each entry's path and stamp as ``CacheWriter`` writes them.
        let packed: [UInt8]

        /// The entries; nil if the packed bytes do not hold `count` of them.
        func decoded() -> [(path: String, stamp: FileStamp)]? {
            var reader = CacheReader(packed)
            guard let entries = try? (0..<count).map({ _ in (try reader.string(), try reader.read(FileStamp.self)) }),
                reader.isAtEnd
            else { return nil }
            return entries
        }
    }

    /// A walk on another thread, so that it overlaps the build.
    final class Running: Sendable {
        private let result = Mutex<Entries??>(nil)
        private let done = DispatchSemaphore(value: 0)

        fileprivate init() {}

        fileprivate func finish(_ entries: Entries?) {
            result.withLock { $0 = .some(entries) }
            done.signal()
        }

        /// The walk's entries (waiting for it to end); nil if something changed after the build began.
        func entries() -> Entries? {
            done.wait()
            done.signal()
            return result.withLock { $0 ?? nil }
        }
    }

    /// Starts walking `site` for a build that began at `began`; entries changed less than a
    /// second before it make the walk's result nil.
    static func start(site: URL, began: Date) -> Running {
        let running = Running()
        let path = site.path, limit = began.addingTimeInterval(-1)
        DispatchQueue.global().async { running.finish(entries(of: path, changedBefore: limit)) }
        return running
    }

    /// `site.yml`, `content/`, `static/` and `templates/` (each also when it is missing) and
    /// everything visible under the folders; nil if any of it changed (by `ctime`) at or after `limit`.
    static func entries(of site: String, changedBefore limit: Date) -> Entries? {
        let limitSeconds = limit.timeIntervalSince1970
        var packed = CacheWriter(), count = 0
        var racy = false
        /// Records `path`; true if it is a folder.
        func add(_ path: String) -> Bool? {
            guard let (stamp, changed, isFolder) = FileStamp.withChangeTime(site + "/" + path) else { return nil }
            if changed >= limitSeconds { racy = true }
            packed.write(path)
            packed.write(stamp)
            count += 1
            return isFolder
        }
        for top in SiteLayout.roots {
            switch add(top) {
            case nil:
                packed.write(top)
                packed.write(FileStamp.absent)
                count += 1
            case true: DirectoryListing.walk(site + "/" + top) { path, _ in add(top + "/" + path) == true }
            case false: break
            }
        }
        // Copied at its size: the writer's buffer grew by doubling.
        return racy ? nil : Entries(count: count, packed: Array(packed.bytes[...]))
    }
}

extension FileStamp {
    /// What ``ofEntry(_:)`` says of a path where nothing is.
    static let absent = FileStamp(size: -1, seconds: 0, nanoseconds: 0, inode: 0)

    /// The stamp of a file or folder (`of` takes regular files only); ``absent`` if there is none.
    static func ofEntry(_ path: String) -> FileStamp {
        withChangeTime(path)?.stamp ?? .absent
    }

    /// The stamp of a file or folder, when its inode last changed (seconds since 1970) and whether it is a folder.
    static func withChangeTime(_ path: String) -> (stamp: FileStamp, changed: Double, isFolder: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec, change = info.st_ctimespec
        #else
        let time = info.st_mtim, change = info.st_ctim
        #endif
        let stamp = FileStamp(
            size: Int64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec),
            inode: UInt64(info.st_ino))
        return (stamp, Double(change.tv_sec) + Double(change.tv_nsec) / 1e9, (info.st_mode & S_IFMT) == S_IFDIR)
    }
}

extension QuickCheck: CacheCodable {
    init(from reader: inout CacheReader) throws {
        identity = try reader.read()
        cacheFile = try reader.read()
        outputFolder = try reader.read()
        nextDue = try reader.bool() ? try reader.date(since: Date(timeIntervalSince1970: 0)) : nil
        counts = try reader.read()
        warnings = try reader.array()
        // A path's length and a stamp's four numbers: five bytes at least.
        let count = try reader.natural(), packed = try reader.byteArray()
        guard count <= packed.count / 5 else { throw CacheFormatError() }
        watched = SiteWalk.Entries(count: count, packed: packed)
        outputs = try reader.strings()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(identity)
        writer.write(cacheFile)
        writer.write(outputFolder)
        writer.write(nextDue != nil)
        if let nextDue { writer.write(nextDue.timeIntervalSince1970) }
        writer.write(counts)
        writer.write(warnings)
        writer.write(watched.count)
        writer.write(bytes: watched.packed)
        writer.spillIfLarge()
        writer.write(outputs)
    }
}
