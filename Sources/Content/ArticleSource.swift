import Basics
import Foundation

/// One article as found on disk: where it lives, its front matter and its Markdown body.
///
/// A value like any other, whose fields live in one shared allocation until a copy is
/// changed (copy on write): a build holds each article in several places at once (the
/// loaded content, the published list, the build cache's record, the model), and as an
/// inline struct of 400 bytes each place kept a copy of its own, 1.6 KB per article, and
/// dictionaries of records reserved a third more room on top (heaptrack at N=10,000 and
/// N=100,000; BENCHMARKS.md, "articles shared, not copied").
public struct ArticleSource: Sendable, Hashable {
    /// The Markdown file, relative to the site folder: `content/politik/foo/index.md`.
    @inlinable public var file: String { _read { yield storage.fields.file } set { change { $0.file = newValue } } }
    /// The article's URL path without slashes (section + slug, slug override applied):
    /// `politik/foo`. `related:` names articles by ``sourcePath`` (see ``ContentPaths``).
    @inlinable public var contentPath: String { _read { yield storage.fields.contentPath } set { change { $0.contentPath = newValue } } }
    /// The section path, possibly nested: `politik`, `kolumnen/spahns-spitzwege`; `""` at the root.
    @inlinable public var section: String { _read { yield storage.fields.section } set { change { $0.section = newValue } } }
    /// The URL path of the article page: `/politik/foo/`.
    @inlinable public var url: String { _read { yield storage.fields.url } set { change { $0.url = newValue } } }
    /// The bundle folder relative to the site folder (`content/politik/foo`), or nil for a flat file.
    @inlinable public var bundleDirectory: String? { _read { yield storage.fields.bundleDirectory } set { change { $0.bundleDirectory = newValue } } }
    /// Files in the bundle that are published next to the page (images, PDFs …),
    /// relative to the bundle folder, sorted; never Markdown or comment exports.
    @inlinable public var resources: [String] { _read { yield storage.fields.resources } set { change { $0.resources = newValue } } }
    /// The comment export beside the article, relative to the site folder, if it exists.
    @inlinable public var commentsFile: String? { _read { yield storage.fields.commentsFile } set { change { $0.commentsFile = newValue } } }
    @inlinable public var frontMatter: FrontMatter { _read { yield storage.fields.frontMatter } set { change { $0.frontMatter = newValue } } }
    /// The Markdown after the front matter.
    @inlinable public var body: String { _read { yield storage.fields.body } set { change { $0.body = newValue } } }
    /// The line of the file on which `body` starts (1-based), to map body positions to file positions.
    @inlinable public var bodyLine: Int { _read { yield storage.fields.bodyLine } set { change { $0.bodyLine = newValue } } }

    public init(
        file: String, contentPath: String, section: String, url: String, bundleDirectory: String?,
        resources: [String], commentsFile: String?, frontMatter: FrontMatter, body: String, bodyLine: Int
    ) {
        storage = Storage(Fields(
            file: file, contentPath: contentPath, section: section, url: url, bundleDirectory: bundleDirectory,
            resources: resources, commentsFile: commentsFile, frontMatter: frontMatter, body: body, bodyLine: bodyLine))
    }

    /// The article without its Markdown; the same value (sharing its fields) when it has none.
    public var withoutBody: ArticleSource {
        guard !body.isEmpty else { return self }
        var stripped = self
        stripped.body = ""
        return stripped
    }

    public static func == (lhs: ArticleSource, rhs: ArticleSource) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    @usableFromInline var storage: Storage

    /// Gives this value fields of its own, changed by `body`: storage is never changed in
    /// place, so values that share it only ever read it. Articles change while they are
    /// loaded (a few times each); they are read all through the build.
    @usableFromInline mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Storage(fields)
    }

    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var file: String
        @usableFromInline var contentPath: String
        @usableFromInline var section: String
        @usableFromInline var url: String
        @usableFromInline var bundleDirectory: String?
        @usableFromInline var resources: [String]
        @usableFromInline var commentsFile: String?
        @usableFromInline var frontMatter: FrontMatter
        @usableFromInline var body: String
        @usableFromInline var bodyLine: Int
    }

    /// Immutable, so shared by copies across threads as it is.
    @usableFromInline final class Storage: Sendable {
        @usableFromInline let fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
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
