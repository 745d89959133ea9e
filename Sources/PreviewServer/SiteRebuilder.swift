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

    /// A first, partial snapshot to show at once while `rebuild` runs (e.g. a saved article's
    /// own page), or nil. The default has none.
    func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> SiteSnapshot?
}

extension SiteRebuilder {
    public func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> SiteSnapshot? { nil }
}

/// Rebuilds into memory doing only what the changes call for: unchanged articles are not
/// read or rendered again, and a page whose inputs are unchanged keeps its bytes from the
/// previous snapshot. A change to `site.yml` starts from scratch.
///
/// A save of article files first gets a quick snapshot with just those articles' pages
/// re-rendered (milliseconds, whatever the size of the site), then the full rebuild.
public final class IncrementalRebuilder: SiteRebuilder {
    private let live: LiveBuild

    public init(options: BuildOptions) {
        live = LiveBuild(options: options)
    }

    public func quickRebuild(after changes: ChangeSet, previous: SiteSnapshot) -> SiteSnapshot? {
        guard !changes.touchesConfig, let pages = live.savedArticlePages(changes.paths) else { return nil }
        var files = previous.files
        var changed: [String] = []
        for (path, data) in pages where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        return SiteSnapshot(files: files, changes: changed.sorted())
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
