/// Something a page puts into an article's body at a place the editor (or `site.yml`)
/// chose: an "Auch lesen" teaser box, a named slot of the theme, or a body image as a
/// figure with caption and credit. The site build renders each through a theme partial.
///
/// Editors write them in plain Markdown that still reads well elsewhere:
/// `> [!teaser] politik/wahl` on a line of its own, `> [!slot] newsletter`, and an image
/// with its credit in quotes, optionally followed by a caption line:
/// `![Alt text](bild.jpg "Foto: Name")`.
public enum BodyEmbed: Sendable, Hashable {
    /// A teaser box for the article at a content path.
    case teaser(String)
    /// A slot of the theme, by name.
    case slot(String)
    /// A body image with caption and credit.
    case figure(BodyFigure)
    /// What the automatic placement rule with this index (in `site.yml`) puts there.
    case automatic(Int)

    /// The kinds an editor writes as `> [!kind] …`.
    public static let directiveKinds = ["teaser", "slot"]
}

/// A body image that stands in a paragraph of its own, with an optional caption below it.
public struct BodyFigure: Sendable, Hashable {
    /// The URL as it goes into the HTML (rewritten against the page, with the site's root path).
    public var src: String
    /// The URL as the editor wrote it.
    public var original: String
    /// ``original`` with its percent escapes decoded: the path of a local file.
    public var originalPath: String { original.removingPercentEncoding ?? original }
    public var alt: String
    /// The caption's HTML (the paragraph's text after the image), possibly empty.
    public var caption: String
    /// The image's title: its credit ("Foto: Name/Agentur").
    public var credit: String
    /// Pixel size, when the site build could read the image file.
    public var width: Int?
    public var height: Int?

    public init(src: String, original: String, alt: String, caption: String, credit: String, width: Int? = nil, height: Int? = nil) {
        self.src = src
        self.original = original
        self.alt = alt
        self.caption = caption
        self.credit = credit
        self.width = width
        self.height = height
    }
}

/// An embed and where it goes: a place in the body's HTML and the source position it came from.
public struct PlacedEmbed: Sendable, Hashable {
    public var embed: BodyEmbed
    /// UTF-8 offset into ``RenderedMarkdown/html`` at which the embed's markup goes.
    public var offset: Int
    /// 1-based line and column in the Markdown body (not the file) of what the editor
    /// wrote; 0 for an automatic placement.
    public var line: Int
    public var column: Int

    public init(embed: BodyEmbed, offset: Int, line: Int, column: Int) {
        self.embed = embed
        self.offset = offset
        self.line = line
        self.column = column
    }
}

/// A mistake in the Markdown itself (an embed that cannot be read, an image without
/// credit), at a 1-based line and column of the body.
public struct MarkdownProblem: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public init(line: Int, column: Int, message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }
}
