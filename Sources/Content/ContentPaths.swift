import Basics
import Diagnostics

/// How `related:` (and links to Markdown files) name articles: by *content path*, the path
/// of the article's file under `content/` without `index.md` or `.md`
/// (`content/politik/wahl/index.md` and `content/politik/wahl.md` are both `politik/wahl`).
/// It stays the same when `slug:` changes the article's URL.
///
/// The URL form (`politik/neuer-slug` for an article whose `slug:` is `neuer-slug`) is
/// accepted too, as long as it names exactly one article and is no article's content path.
public enum ContentPaths {
    /// Every name of each article: content path → position in `articles`, then the URL forms
    /// that are unambiguous.
    public static func index(_ articles: [ArticleSource]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, article) in articles.enumerated() where index[article.sourcePath] == nil {
            index[article.sourcePath] = position
        }
        var urlForms: [String: Int] = [:]
        var ambiguous = Set<String>()
        for (position, article) in articles.enumerated() where article.contentPath != article.sourcePath {
            if urlForms[article.contentPath] != nil { ambiguous.insert(article.contentPath) }
            urlForms[article.contentPath] = position
        }
        for (name, position) in urlForms where index[name] == nil && !ambiguous.contains(name) {
            index[name] = position
        }
        return index
    }
}

extension ContentPaths {
    /// The content path an editor most likely meant by `target`: the closest by spelling, else
    /// the one path that starts with it (`kultur/zweite` → `kultur/zweite-meldung`), else the
    /// one path with its last segment in another section (`politik/wahl` → `archiv/wahl`).
    public static func suggestion(for target: String, in paths: [String]) -> String? {
        if let closest = Suggestion.closest(to: target, in: paths) { return closest }
        let extended = paths.filter { $0.hasPrefix(target) }
        if extended.count == 1 { return extended[0] }
        let last = target.split(separator: "/").last.map { "/" + $0 } ?? target
        let moved = paths.filter { $0.hasSuffix(last) }
        return moved.count == 1 ? moved[0] : nil
    }
}

extension ArticleSource {
    /// The article's content path: its file under `content/` without `index.md` or `.md`
    /// (`politik/wahl`), whatever its `slug:`.
    public var sourcePath: String {
        // Compared as UTF-8 bytes: the folder names are ASCII, and String's Unicode-aware
        // hasPrefix showed up when every article's path is named several times a build.
        var path = Substring(file).utf8
        let folder = ArticleSource.contentFolder
        if path.starts(with: folder) { path = path.dropFirst(folder.count) }
        for ending in ["/index.md", ".md"] where path.suffix(ending.utf8.count).elementsEqual(ending.utf8) {
            path = path.dropLast(ending.utf8.count)
            break
        }
        return String(Substring(path))
    }

    private static let contentFolder = Array((SiteLayout.content + "/").utf8)
}
