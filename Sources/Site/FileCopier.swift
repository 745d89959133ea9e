import Foundation

/// Copies `static/` to the output root and each bundle's resources next to its page.
/// Markdown sources and comment exports are never resources (they hold unpublished comments).
enum FileCopier {
    /// Returns the number of files copied.
    static func copy(site: URL, articles: [PublishedArticle], into sink: any OutputSink, jobs: Int) throws -> Int {
        var copies: [(source: URL, path: String)] = []
        let staticFolder = site.appendingPathComponent("static", isDirectory: true)
        for file in SiteFiles.list(staticFolder) {
            copies.append((staticFolder.appendingPathComponent(file), file))
        }
        for article in articles {
            guard let bundle = article.source.bundleDirectory else { continue }
            let folder = site.appendingPathComponent(bundle, isDirectory: true)
            let pageFolder = String(article.url.dropFirst())
            for resource in article.source.resources {
                copies.append((folder.appendingPathComponent(resource), pageFolder + resource))
            }
        }
        let failures = parallelMap(copies.map { Copy(source: $0.source, path: $0.path) }, jobs: jobs) { copy -> String? in
            do {
                try sink.copyFile(at: copy.source, to: copy.path)
                return nil
            } catch {
                return "\(copy.path): \(error.localizedDescription)"
            }
        }.compactMap { $0 }
        if let first = failures.first { throw OutputError.writeFailed(first) }
        return copies.count
    }

    private struct Copy: Sendable {
        let source: URL
        let path: String
    }
}
