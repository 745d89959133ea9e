import Foundation

/// One file of the output with the key of what it is made from, and how to make it.
struct PlannedOutput: Sendable {
    enum Source: Sendable {
        case page(PlannedPage)
        case feed(MachineFiles.Feed)
        case text(String)
        case sitemap([MachineFiles.SitemapEntry])
        /// A file copied as it is, by path.
        case copy(String)
    }

    let path: String
    let key: Digest
    let source: Source
}

extension OutputSink {
    /// Sinks without a previous build to reuse from make every file.
    public func reuse(_ path: String, key: Digest) -> Bool { false }
}
