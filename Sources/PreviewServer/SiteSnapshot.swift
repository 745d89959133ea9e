import Foundation

/// One successful build held in memory: every output file keyed by site path
/// (`politik/foo/index.html`, no leading slash). Immutable, so requests can read
/// it from any thread while the next build is being made.
public struct SiteSnapshot: Sendable {
    public let files: [String: Data]
    /// The paths that differ from the snapshot this one was built after, when the build knows
    /// them (an incremental rebuild does); otherwise every file is compared.
    private let knownChanges: [String]?

    public init(files: [String: Data], changes: [String]? = nil) {
        self.files = files
        knownChanges = changes
    }

    public func contains(_ path: String) -> Bool { files[path] != nil }

    public subscript(path: String) -> Data? { files[path] }

    /// This snapshot with some files replaced (nil: removed); it knows which paths changed.
    public func replacing(_ replacements: [String: Data?]) -> SiteSnapshot {
        var files = self.files
        var changed: [String] = []
        for (path, data) in replacements where files[path] != data {
            files[path] = data
            changed.append(path)
        }
        return SiteSnapshot(files: files, changes: changed.sorted())
    }

    /// Site paths that were added, removed or changed since `previous`, sorted.
    public func changedPaths(since previous: SiteSnapshot?) -> [String] {
        guard let previous else { return files.keys.sorted() }
        if let knownChanges { return knownChanges }
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
