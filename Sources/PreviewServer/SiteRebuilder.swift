import Foundation
import Site

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

/// Rebuilds the whole site into memory with the same pipeline as `magbuild build`.
public struct FullRebuilder: SiteRebuilder {
    /// The build settings; `now` is refreshed for every build, so articles whose
    /// time has come appear on the next save.
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func rebuild(after changes: ChangeSet?, previous: SiteSnapshot?) throws -> SiteSnapshot {
        var options = self.options
        options.now = Date()
        let output = MemoryOutput()
        _ = try SiteBuilder(options: options).build(into: output)
        return SiteSnapshot(files: output.files)
    }
}
