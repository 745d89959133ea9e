import Foundation
import Site
import Synchronization

/// Makes a new snapshot of the site after some source files changed.
///
/// The watcher hands over the exact `ChangeSet`, and the rebuilder gets the
/// previous snapshot, so an incremental rebuilder (re-render only what a changed
/// article or template affects, re-serve a changed static file) can replace the
/// full one without touching the server, the watcher or the live reload.
public protocol SiteRebuilder: Sendable {
    /// Builds the site. `changes` is `nil` for the first build.
    /// - Throws: what the build throws (a `DiagnosticList` for errors in the site).
    func rebuild(after changes: ChangeSet?, previous: SiteSnapshot?) throws -> SiteSnapshot
}

/// Rebuilds into memory doing only what the changes call for: unchanged articles are not
/// read or rendered again, and a page whose inputs are unchanged keeps its bytes from the
/// previous snapshot. The build cache stays in memory between rebuilds; a change to
/// `site.yml` (or a failed build) starts from scratch.
public final class IncrementalRebuilder: SiteRebuilder {
    public let options: BuildOptions
    private let cache = Mutex<BuildCache?>(nil)

    public init(options: BuildOptions) {
        self.options = options
    }

    public func rebuild(after changes: ChangeSet?, previous: SiteSnapshot?) throws -> SiteSnapshot {
        var options = self.options
        options.now = Date()
        var known = cache.withLock { $0 }
        if changes?.touchesConfig == true || previous == nil { known = nil }
        let output = MemoryOutput(previous: previous?.files ?? [:], keys: known?.outputs ?? [:])
        // A failed build keeps the cache: it describes the snapshot still being served.
        let (_, next) = try SiteBuilder(options: options).build(into: output, previous: known)
        cache.withLock { $0 = next }
        let files = output.files
        guard let previous else { return SiteSnapshot(files: files) }
        var changed = output.writtenPaths.filter { previous.files[$0] != files[$0] }
        changed.formUnion(previous.files.keys.filter { files[$0] == nil })
        return SiteSnapshot(files: files, changes: changed.sorted())
    }
}
