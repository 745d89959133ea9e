/// Where things are in a site folder, defined once for the loader, the build, its quick
/// check and the preview's watchers.
public enum SiteLayout {
    /// The site settings.
    public static let config = "site.yml"
    /// Articles (and their bundles and comment files).
    public static let content = "content"
    /// Plain pages: the Impressum, the privacy policy, "Über uns".
    public static let pages = "pages"
    /// Author profiles: one Markdown file per author, portraits beside them.
    public static let authors = "authors"
    public static let templates = "templates"
    /// Files copied to the output as they are.
    public static let staticFiles = "static"

    /// The folders a site is built from.
    public static let folders = [content, pages, authors, templates, staticFiles]
    /// Everything a site is built from, relative to the site folder: the settings file and the folders.
    public static let roots = [config] + folders

    /// Whether the site-relative `path` is an input of the build (the settings or something in a folder).
    public static func isInput(_ path: String) -> Bool {
        path == config || folders.contains { path.hasPrefix($0 + "/") }
    }

    /// The comments of a bundle article, beside its `index.md`.
    public static let bundleComments = "comments.json"
    /// The ending of a flat article's comment file: `<slug>.comments.json` beside `<slug>.md`.
    public static let commentsSuffix = ".comments.json"

    /// The comment file of the article `file` (site-relative): `comments.json` in its bundle
    /// folder `bundle`, or `<slug>.comments.json` beside a flat `<slug>.md`.
    public static func commentsFile(ofArticle file: String, bundle: String?) -> String {
        if let bundle { return bundle + "/" + bundleComments }
        return String(file.dropLast(".md".count)) + commentsSuffix
    }

    /// Whether a file `name` holds comments (is not a bundle resource).
    public static func isCommentsFile(_ name: String) -> Bool {
        name == bundleComments || name.hasSuffix(commentsSuffix)
    }
}
