import Basics

/// The source files that changed in one burst of saves, as paths relative to the
/// site folder (`content/politik/foo/index.md`, `site.yml`).
///
/// This is the boundary between watching and rebuilding: a rebuilder receives the
/// exact set, so an incremental one can decide what to re-render from it.
public struct ChangeSet: Sendable, Hashable {
    public var paths: Set<String>

    public init(paths: some Sequence<String>) {
        self.paths = Set(paths)
    }

    public var isEmpty: Bool { paths.isEmpty }

    /// `site.yml` changed: everything depends on it.
    public var touchesConfig: Bool { paths.contains(SiteLayout.config) }
    /// Paths below `content/`.
    public var content: [String] { below(SiteLayout.content) }
    /// Paths below `templates/`.
    public var templates: [String] { below(SiteLayout.templates) }
    /// Paths below `static/`.
    public var statics: [String] { below(SiteLayout.staticFiles) }

    private func below(_ folder: String) -> [String] { paths.filter { $0.hasPrefix(folder + "/") }.sorted() }

    /// Merges a later burst into this one.
    public mutating func formUnion(_ other: ChangeSet) {
        paths.formUnion(other.paths)
    }

    /// Whether a site-relative path is one the preview watches: `site.yml` and
    /// anything below `content/`, `templates/` and `static/`, except editors'
    /// swap, backup and lock files.
    public static func isWatched(_ path: String) -> Bool {
        guard SiteLayout.isInput(path) else { return false }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix("~") || name.hasPrefix(".#") || name == "4913" { return false }
        if name.hasPrefix("."), name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") { return false }
        return true
    }
}
