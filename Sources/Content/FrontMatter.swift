import Foundation
import Images

/// The YAML front matter of an article (README, "Writing an article"), validated.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var teaser: String
    public var date: Date
    public var updated: Date?
    public var authors: [String]
    public var column: String?
    public var tags: [String]
    public var image: LeadImage?
    /// Content paths of related articles, e.g. `politik/other-article`.
    public var related: [String]
    public var comments: CommentMode
    public var featured: Bool
    public var draft: Bool
    public var slug: String?
    public var aliases: [String]
    /// The Dachzeile above the title: replaces the section or column label.
    public var kicker: String?
    /// The post id the article had in WordPress, matched by `import-comments` against `?p=123` links.
    public var wordpressID: Int?

    public init(
        title: String, teaser: String, date: Date, updated: Date? = nil, authors: [String],
        column: String? = nil, tags: [String] = [], image: LeadImage? = nil, related: [String] = [],
        comments: CommentMode = .open, featured: Bool = false, draft: Bool = false,
        slug: String? = nil, aliases: [String] = [], kicker: String? = nil, wordpressID: Int? = nil
    ) {
        self.title = title
        self.teaser = teaser
        self.date = date
        self.updated = updated
        self.authors = authors
        self.column = column
        self.tags = tags
        self.image = image
        self.related = related
        self.comments = comments
        self.featured = featured
        self.draft = draft
        self.slug = slug
        self.aliases = aliases
        self.kicker = kicker
        self.wordpressID = wordpressID
    }
}

/// Whether and how reader comments are shown under an article.
public enum CommentMode: String, Sendable, Hashable, CaseIterable {
    /// Shown (the default).
    case open
    /// Shown with a note that the discussion is closed.
    case closed
    /// Not shown at all.
    case off
}

/// The lead image of an article. Licensing demands a credit whenever there is an image.
public struct LeadImage: Sendable, Hashable {
    /// Bundle-relative file name, `/static` path, or https URL, as written.
    public var src: String
    public var alt: String
    public var caption: String?
    public var credit: String
    /// The point crops keep in view (`focus: [x, y]`): fractions of the width and height from
    /// the top left corner; nil lets the build find the most interesting part itself.
    public var focus: Focus?

    public typealias Focus = CropSettings.Focus

    public init(src: String, alt: String, caption: String? = nil, credit: String, focus: Focus? = nil) {
        self.src = src
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.focus = focus
    }
}
