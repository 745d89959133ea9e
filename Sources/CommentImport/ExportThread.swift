import Comments

/// One discussion of an export: a WordPress post or page, a Disqus or Isso thread, a Remark42 page.
/// Matched to an article by `link`, then by `slug`.
public struct ExportThread: Sendable, Hashable {
    /// Unique within the export: `post-12` for WordPress, the `dsq:id` for Disqus.
    public var key: String
    /// The page the discussion belonged to, as written in the export.
    public var link: String?
    /// WordPress's `post_name`, when the export has one.
    public var slug: String?
    public var title: String?
    /// WordPress's `post_id`, matched against the `?p=123` links of an article's `aliases`
    /// and its `wordpress_id`.
    public var postID: String?

    public init(key: String, link: String? = nil, slug: String? = nil, title: String? = nil, postID: String? = nil) {
        self.key = key
        self.link = link
        self.slug = slug
        self.title = title
        self.postID = postID
    }
}

/// The kinds of export `magbuild import-comments` reads.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// WordPress eXtended RSS, versions 1.0 to 1.2, with wpDiscuz vote meta.
    case wordpress
    /// Disqus XML export.
    case disqus
    /// Isso's SQLite database.
    case isso
    /// Remark42 backup: JSON lines, gzipped or plain.
    case remark42
}
