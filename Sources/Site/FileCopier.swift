import Basics
import Content
import Foundation

/// The files copied as they are: `static/` to the output root, each bundle's resources next to its page.
/// Markdown sources and comment exports are never resources (they hold unpublished comments).
enum FileCopier {
    /// Every file to copy: its source path and its output path. `site` is the site folder's path.
    static func copies(site: String, articles: [ArticleSource]) -> [(source: String, path: String)] {
        var copies: [(source: String, path: String)] = []
        let staticFolder = site + "/" + SiteLayout.staticFiles
        for file in SiteFiles.list(URL(fileURLWithPath: staticFolder, isDirectory: true)) {
            copies.append((staticFolder + "/" + file, file))
        }
        for article in articles {
            guard let bundle = article.bundleDirectory else { continue }
            let folder = site + "/" + bundle + "/"
            let pageFolder = String(article.url.dropFirst())
            for resource in article.resources {
                copies.append((folder + resource, pageFolder + resource))
            }
        }
        return copies
    }
}
