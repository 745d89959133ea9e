import Basics
import Content
import Foundation

/// The files copied as they are: `static/` to the output root (fingerprinted assets a second
/// time under their fingerprinted names), each bundle's resources (of articles and plain pages) next to its page.
/// Markdown sources and comment exports are never resources (they hold unpublished comments).
enum FileCopier {
    /// Every file to copy: its source path and its output path. `site` is the site folder's path;
    /// `assets` maps site paths of static files to their fingerprinted paths (``Fingerprints``).
    static func copies(
        site: String, articles: [ArticleSource], pages: [PageSource] = [], profiles: [SectionProfile] = [],
        assets: [String: String] = [:]
    ) -> [(source: String, path: String)] {
        var copies: [(source: String, path: String)] = []
        let staticFolder = site + "/" + SiteLayout.staticFiles
        for file in SiteFiles.list(URL(fileURLWithPath: staticFolder, isDirectory: true)) {
            copies.append((staticFolder + "/" + file, file))
        }
        // A profile's picture beside its `_index.md` is published in the section's folder.
        for profile in profiles {
            guard let src = profile.image?.src, SectionIntro.isBeside(src) else { continue }
            copies.append((site + "/" + SiteLayout.content + "/" + profile.section + "/" + src, profile.section + "/" + src))
        }
        for (file, fingerprinted) in assets.sorted(by: { $0.key < $1.key }) where fingerprinted != file {
            copies.append((staticFolder + file, String(fingerprinted.dropFirst())))
        }
        let bundles = articles.map { ($0.bundleDirectory, $0.url, $0.resources) } + pages.map { ($0.bundleDirectory, $0.url, $0.resources) }
        for (bundle, url, resources) in bundles {
            guard let bundle else { continue }
            let folder = site + "/" + bundle + "/"
            let pageFolder = String(url.dropFirst())
            for resource in resources {
                copies.append((folder + resource, pageFolder + resource))
            }
        }
        return copies
    }
}
