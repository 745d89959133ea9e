import Foundation
import Search
#if canImport(Glibc)
import Glibc
#endif

/// What one build leaves for the next so that it redoes only what changed
/// (kept in `.magbuild/<output name>/` beside the output folder, or in memory by the preview).
///
/// It is never trusted blindly: a cache of another format, another magbuild binary, another
/// site folder or other build options, or one that does not describe the output folder as
/// it is now, is ignored and the build starts from scratch.
public struct BuildCache: Sendable {
    static let format = 13

    var format = BuildCache.format
    /// The magbuild binary, the site folder and the build options.
    var identity: Digest
    /// The site settings; articles are reused only while these are the same.
    var settings: Digest
    /// By Markdown file (`content/politik/foo/index.md`).
    var articles: [String: ArticleRecord]
    /// The pictures the site shows, by file (`content/politik/wahl/lead.jpg`).
    var pictures: [String: PictureRecord] = [:]
    /// The key of every file in the output, by output path.
    public internal(set) var outputs: [String: Digest]
    /// Disk builds: the identity of the output folder these outputs describe.
    var outputFolder: FolderIdentity? = nil
    /// Disk builds: the keys of the spare copy of the previous output, when it is complete.
    var spare: SpareKeys? = nil
    /// What the summary line counts, for a build that had nothing to do.
    var counts = Counts(pages: 0, files: 0, comments: 0)
    /// Disk builds: the identity of the spare folder.
    var spareFolder: FolderIdentity? = nil
    /// The search index's memo, when the site has search: kept in its own file
    /// (``CacheFolder/searchFile``), which the build rewrites only when the index changed.
    var search: IndexMemo? = nil

    struct Counts: Sendable {
        var pages: Int
        var files: Int
        var comments: Int
    }

    /// Whether this cache may be used for a build with `identity`.
    func matches(_ identity: Digest) -> Bool {
        format == Self.format && self.identity == identity
    }
}

/// The keys of the spare copy of the output (the output before last), as the entries in which
/// they differ from the output's (``BuildCache/outputs``): after an edit, a dozen of 59,000.
struct SpareKeys: Sendable, Equatable {
    /// The spare's key of each path whose file there has another key than in the output, or
    /// that the output lacks.
    var differing: [String: Digest]
    /// The output's paths that the spare lacks.
    var lacking: [String]

    init(differing: [String: Digest], lacking: [String]) {
        self.differing = differing
        self.lacking = lacking
    }

    /// The keys of an output that was `previous` before `changes` made it the output now.
    init(previous: [String: Digest], changes: OutputChanges) {
        var differing: [String: Digest] = [:]
        for path in changes.changed + changes.removed { differing[path] = previous[path] }
        self.init(differing: differing, lacking: changes.added)
    }

    /// The spare's keys, given the output's.
    func keys(outputs: [String: Digest]) -> [String: Digest] {
        var keys = outputs
        keys.merge(differing) { _, spare in spare }
        for path in lacking { keys[path] = nil }
        return keys
    }
}

extension BuildCache {
    /// Writes the cache file under a temporary name and renames it into place, so a killed
    /// build leaves the old cache or the new one. Not flushed to disk: after a power failure
    /// the cache may be unreadable, and the next build then starts from scratch.
    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try CacheWriter.writeFile(url.path, header: Self.magic) { write(to: &$0) }
    }
}
