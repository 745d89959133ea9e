import Foundation

/// The files copied as they are: `static/` to the output root, each bundle's resources next to its page.
/// Markdown sources and comment exports are never resources (they hold unpublished comments).
enum FileCopier {
    /// Every file to copy: its source and its output path.
    static func copies(site: URL, articles: [PublishedArticle]) -> [(source: URL, path: String)] {
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
        return copies
    }
}
