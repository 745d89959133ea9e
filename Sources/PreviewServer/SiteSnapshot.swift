import Foundation

/// One successful build held in memory: every output file keyed by site path
/// (`politik/foo/index.html`, no leading slash). Immutable, so requests can read
/// it from any thread while the next build is being made.
public struct SiteSnapshot: Sendable {
    public let files: [String: Data]

    public init(files: [String: Data]) {
        self.files = files
    }

    public func contains(_ path: String) -> Bool { files[path] != nil }

    public subscript(path: String) -> Data? { files[path] }

    /// Site paths that were added, removed or changed since `previous`, sorted.
    public func changedPaths(since previous: SiteSnapshot?) -> [String] {
        guard let previous else { return files.keys.sorted() }
        var changed = Set<String>()
        for (path, data) in files where previous.files[path] != data {
            changed.insert(path)
        }
        for path in previous.files.keys where files[path] == nil {
            changed.insert(path)
        }
        return changed.sorted()
    }
}
