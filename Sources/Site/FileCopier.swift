import Basics
import Content
import Foundation

/// The files copied as they are: `static/` to the output root (fingerprinted assets a second
/// time under their fingerprinted names), each bundle's resources next to its page.
/// Markdown sources and comment exports are never resources (they hold unpublished comments).
enum FileCopier {
    /// Every file to copy: its source path and its output path. `site` is the site folder's path;
    /// `assets` maps site paths of static files to their fingerprinted paths (``Fingerprints``).
    static func copies(
        site: String, articles: [ArticleSource], assets: [String: String] = [:]
    ) -> [(source: String, path: String)] {
        var copies: [(source: String, path: String)] = []
        let staticFolder = site + "/" + SiteLayout.staticFiles
        for file in SiteFiles.list(URL(fileURLWithPath: staticFolder, isDirectory: true)) {
            copies.append((staticFolder + "/" + file, file))
        }
        for (file, fingerprinted) in assets.sorted(by: { $0.key < $1.key }) where fingerprinted != file {
            copies.append((staticFolder + file, String(fingerprinted.dropFirst())))
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
