/// What one build of the preview did, for the terminal.
public struct BuildReport: Sendable {
    /// The generation the build produced.
    public var generation: Int
    /// The changes that triggered it; `nil` for the first build.
    public var changes: ChangeSet?
    public var seconds: Double
    /// When the saved articles' own pages were shown first: seconds until then.
    public var quickSeconds: Double?
    /// Output files added, changed or removed (empty after a failure).
    public var changedFiles: [String]
    /// Set when the build failed; the server goes on showing the last good build.
    public var failure: BuildFailure?

    public var succeeded: Bool { failure == nil }

    /// One line for the terminal, e.g. `Rebuilt in 0.21 s: 3 files changed (content/politik/foo/index.md)`.
    public var line: String {
        let time = String(format: "%.2f s", seconds)
        guard let changes else {
            return failure == nil ? "Built in \(time)" : "Build failed in \(time)"
        }
        let trigger = changes.paths.sorted().prefix(3).joined(separator: ", ") + (changes.paths.count > 3 ? ", …" : "")
        if let failure {
            let count = failure.diagnostics.count
            return "Rebuild failed in \(time) with \(count) error\(count == 1 ? "" : "s") (\(trigger))"
        }
        let count = changedFiles.count
        let first = quickSeconds.map { String(format: " (its page after %.0f ms)", $0 * 1000) } ?? ""
        return "Rebuilt in \(time)\(first): \(count) file\(count == 1 ? "" : "s") changed (\(trigger))"
    }
}
