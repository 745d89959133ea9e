import Basics
import Foundation

/// One article as found on disk: where it lives, its front matter and its Markdown body.
public struct ArticleSource: Sendable, Hashable {
    /// The Markdown file, relative to the site folder: `content/politik/foo/index.md`.
    public var file: String
    /// The article's URL path without slashes (section + slug, slug override applied):
    /// `politik/foo`. `related:` names articles by ``sourcePath`` (see ``ContentPaths``).
    public var contentPath: String
    /// The section path, possibly nested: `politik`, `kolumnen/spahns-spitzwege`; `""` at the root.
    public var section: String
    /// The URL path of the article page: `/politik/foo/`.
    public var url: String
    /// The bundle folder relative to the site folder (`content/politik/foo`), or nil for a flat file.
    public var bundleDirectory: String?
    /// Files in the bundle that are published next to the page (images, PDFs …),
    /// relative to the bundle folder, sorted; never Markdown or comment exports.
    public var resources: [String]
    /// The comment export beside the article, relative to the site folder, if it exists.
    public var commentsFile: String?
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the file on which `body` starts (1-based), to map body positions to file positions.
    public var bodyLine: Int

    public init(
        file: String, contentPath: String, section: String, url: String, bundleDirectory: String?,
        resources: [String], commentsFile: String?, frontMatter: FrontMatter, body: String, bodyLine: Int
    ) {
        self.file = file
        self.contentPath = contentPath
        self.section = section
        self.url = url
        self.bundleDirectory = bundleDirectory
        self.resources = resources
        self.commentsFile = commentsFile
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
    }
}

extension ArticleSource {
    /// The local file of a picture an article shows (its lead image, a figure of its body): a
    /// relative `src` is in the article's bundle, a root path (`/static/…` or `/…`) under
    /// `static/`; nil for remote pictures, for a path that climbs out with `..` and for a
    /// relative `src` of an article without a bundle.
    public static func localFile(_ src: String, bundleDirectory: String?, site: URL) -> URL? {
        localPath(src, bundleDirectory: bundleDirectory).map { site.appendingPathComponent($0) }
    }

    /// ``localFile(_:bundleDirectory:site:)`` relative to the site folder
    /// (`content/politik/wahl/lead.jpg`, `static/img/karte.png`).
    public static func localPath(_ src: String, bundleDirectory: String?) -> String? {
        guard !src.contains("://"), !src.hasPrefix("//"), !src.hasPrefix("data:"),
              !src.split(separator: "/").contains("..") else { return nil }
        if src.hasPrefix("/") {
            let path = src.hasPrefix("/static/") ? String(src.dropFirst("/static/".count)) : String(src.dropFirst())
            return SiteLayout.staticFiles + "/" + path
        }
        guard let bundle = bundleDirectory else { return nil }
        return bundle + "/" + (src.hasPrefix("./") ? String(src.dropFirst(2)) : src)
    }
}
