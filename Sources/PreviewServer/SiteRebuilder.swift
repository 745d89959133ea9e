import Basics
import Foundation
import Site

/// Makes a new snapshot of the site after some source files changed.
///
/// The watcher hands over the exact `ChangeSet` and the rebuilder gets the previous
/// snapshot, so it can redo only what the change affects (re-render a changed article
/// and the pages showing it, re-serve a changed static file).
public protocol SiteRebuilder: Sendable {
    /// Builds the site. `changes` is `nil` for the first build.
    /// - Throws: what the build throws (a `DiagnosticList` for errors in the site).
    func rebuild(after changes: ChangeSet?, previous: SiteSnapshot?) throws -> SiteSnapshot

    /// A snapshot to show at once, before `rebuild` runs (e.g. a saved article's own page),
    /// or nil. The default has none.
    func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> QuickSnapshot?
}

extension SiteRebuilder {
    public func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> QuickSnapshot? { nil }
}

/// The result of ``SiteRebuilder/quickRebuild(after:previous:)``.
public struct QuickSnapshot: Sendable {
    public var snapshot: SiteSnapshot
    /// The snapshot is the whole answer to the changes: no rebuild follows (static files).
    public var isComplete: Bool

    public init(snapshot: SiteSnapshot, isComplete: Bool) {
        self.snapshot = snapshot
        self.isComplete = isComplete
    }
}

/// Rebuilds into memory doing only what the changes call for: unchanged articles are not
/// read or rendered again, and a page whose inputs are unchanged keeps its bytes from the
/// previous snapshot. A change to `site.yml` starts from scratch.
///
/// A save of article files first gets a quick snapshot with just those articles' pages
/// re-rendered (milliseconds, whatever the size of the site), then the rebuild. Changed
/// static files are just served anew, without a rebuild.
public final class IncrementalRebuilder: SiteRebuilder {
    private let live: LiveBuild

    public init(options: BuildOptions) {
        live = LiveBuild(options: options)
    }

    public func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> QuickSnapshot? {
        if !changes.statics.isEmpty, changes.statics.count == changes.paths.count {
            let snapshot = staticFilesServedAnew(changes.statics, previous: previous)
            // A stylesheet or script that comes or goes changes what `asset_url` knows: pages follow.
            let assetsKept = changes.statics.allSatisfy { path in
                let served = String(path.dropFirst("static/".count))
                return !Fingerprints.isAsset(path) || (snapshot.files[served] == nil) == (previous.files[served] == nil)
            }
            return QuickSnapshot(snapshot: snapshot, isComplete: assetsKept)
        }
        guard !changes.touchesConfig, let pages = live.savedArticlePages(changes.paths) else { return nil }
        return QuickSnapshot(snapshot: previous.replacing(pages), isComplete: false)
    }

    /// `static/x` is served at `x`: read again, or gone if it was deleted. Hidden files (an
    /// editor's temporary file) are never published, as in any build. The next rebuild sees
    /// the files' new stamps and copies them like any build.
    private func staticFilesServedAnew(_ paths: [String], previous: SiteSnapshot) -> SiteSnapshot {
        var pages: [String: Data?] = [:]
        for path in paths where !path.split(separator: "/").contains(where: DirectoryListing.isHidden) {
            let file = live.options.source.appendingPathComponent(path)
            pages.updateValue(FileManager.default.contents(atPath: file.path), forKey: String(path.dropFirst("static/".count)))
        }
        return previous.replacing(pages)
    }

    public func rebuild(after changes: ChangeSet?, previous: SiteSnapshot?) throws -> SiteSnapshot {
        let fromScratch = previous == nil || changes?.touchesConfig == true
        let output = MemoryOutput(previous: previous?.files ?? [:], keys: fromScratch ? [:] : live.outputKeys)
        _ = try live.rebuild(into: output, fromScratch: fromScratch)
        let files = output.files
        guard let previous else { return SiteSnapshot(files: files) }
        var changed = output.writtenPaths.filter { previous.files[$0] != files[$0] }
        changed.formUnion(previous.files.keys.filter { files[$0] == nil })
        return SiteSnapshot(files: files, changes: changed.sorted())
    }
}
