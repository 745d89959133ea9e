/// The result of rendering one Markdown document: HTML plus what the site build
/// needs to know about it.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML of the document (safe to print as is).
    public var html: String
    /// Every heading, in document order, with its unique `id`.
    public var headings: [Heading]
    /// Links and images whose target is inside the site (relative or root-relative URLs),
    /// with their source position, for link checking.
    public var internalLinks: [Link]
    /// The first paragraph as plain text (no markup), e.g. for a fallback description.
    public var firstParagraph: String
    /// Number of words of body text, for reading time.
    public var wordCount: Int
    /// The embeds of the body, in document order, each at its place in `html` (which holds
    /// no trace of them). Only with ``MarkdownOptions/embeds``.
    public var embeds: [PlacedEmbed]
    /// Embeds that cannot be read and images without credit. Only with ``MarkdownOptions/embeds``.
    public var problems: [MarkdownProblem]
    /// The text readers read as UTF-8, words apart by spaces: what search finds the document
    /// by. Only with ``MarkdownOptions/plainText``.
    public var plainText: [UInt8] = []

    public init(
        html: String, headings: [Heading] = [], internalLinks: [Link] = [], firstParagraph: String = "", wordCount: Int = 0,
        embeds: [PlacedEmbed] = [], problems: [MarkdownProblem] = []
    ) {
        self.html = html
        self.headings = headings
        self.internalLinks = internalLinks
        self.firstParagraph = firstParagraph
        self.wordCount = wordCount
        self.embeds = embeds
        self.problems = problems
    }
}

/// A heading of a rendered document.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image target found in a document, as written and as rewritten.
public struct Link: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }
    public var kind: Kind
    /// The URL as the author wrote it.
    public var original: String
    /// The URL as it appears in the HTML (bundle-relative URLs rewritten to the page's URL).
    public var resolved: String
    /// 1-based line and column of the link's `[` (or the image's `!`) in the Markdown
    /// source (the body, not the file); lines and columns follow
    /// `SourceText`'s rule (a lone `\r` ends a line; columns count Unicode scalars, a tab as one).
    public var line: Int
    public var column: Int

    public init(kind: Kind, original: String, resolved: String, line: Int, column: Int) {
        self.kind = kind
        self.original = original
        self.resolved = resolved
        self.line = line
        self.column = column
    }
}

/// How to render a document.
public struct MarkdownOptions: Sendable, Hashable {
    /// The URL path of the page the document belongs to, e.g. `/politik/kasachstan/`.
    /// Relative link and image URLs (`lead.jpg`, `./img/a.png`) are rewritten against it.
    public var pageURL: String
    /// Allow raw HTML blocks written by editors (tagfilter still neuters `<script>` and friends).
    public var allowRawHTML: Bool
    /// The path of the site's root on its host (`/magazin` for `https://verlag.example/magazin/`),
    /// put in front of every link into the site; empty for a site at the host's root.
    public var rootPath: String
    /// Read the embeds of an article body (teaser boxes, slots, figures; see ``BodyEmbed``)
    /// and require a credit on every image.
    public var embeds: Bool
    /// With `embeds`: automatic placement rule `i` goes after top-level paragraph
    /// `automaticEmbeds[i]`, in a body whose editor placed no teaser or slot.
    public var automaticEmbeds: [Int]
    /// Collect ``RenderedMarkdown/plainText``.
    public var plainText = false

    public init(pageURL: String = "/", allowRawHTML: Bool = true, rootPath: String = "", embeds: Bool = false, automaticEmbeds: [Int] = []) {
        self.pageURL = pageURL
        self.allowRawHTML = allowRawHTML
        self.rootPath = rootPath
        self.embeds = embeds
        self.automaticEmbeds = automaticEmbeds
    }
}
