import Basics
import Diagnostics
import Foundation

/// The settings in `site.yml` (docs/site-yml.md), with defaults for everything optional.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute, always ends with `/`.
    public var baseURL: String
    /// `de` or `en` (other values are accepted; built-in words fall back to English).
    public var language: String
    public var timeZone: TimeZone
    public var paginate: Int
    public var paths: Paths
    public var comments: CommentSettings
    /// Markdown text for the footer of every page (an imprint line, a disclaimer).
    public var footer: String
    /// The home page's "Meistdiskutiert" list.
    public var mostDiscussed = MostDiscussed()
    /// The colours browsers use around the site (`colors:`): the web app manifest and `theme-color`.
    public var colors = Colors()

    public struct Colors: Sendable, Hashable {
        /// The browser's toolbar and task switcher (`theme_color`).
        public var theme = "#a3142a"
        /// The splash screen of the site saved to a home screen (`background_color`).
        public var background = "#fbfaf7"
        public init() {}
    }

    /// The share links under each article, in this order (`share:`).
    public var share: [ShareTarget] = ShareTarget.allCases
    /// Site search (`search:`).
    public var search = Search()
    /// How pictures are published (`images:`).
    public var images = Images()

    /// Where readers can share an article: plain links, no third-party script.
    public enum ShareTarget: String, Sendable, Hashable, CaseIterable {
        case mail, whatsapp, telegram, x, facebook, linkedin, copy
    }

    /// What goes into the bodies of articles whose editors placed no teaser or slot themselves.
    public var automaticEmbeds: [AutomaticEmbed] = []

    /// One rule of `embeds.auto`: after which top-level paragraph, and what.
    public struct AutomaticEmbed: Sendable, Hashable {
        public enum Content: Sendable, Hashable {
            /// The article's first related article that no earlier rule placed.
            case related
            /// A slot of the theme.
            case slot(String)
        }
        public var after: Int
        public var content: Content
        /// Where the rule's content is written in `site.yml`, for errors about it.
        public var location: SourceLocation

        public init(after: Int, content: Content, location: SourceLocation) {
            self.after = after
            self.content = content
            self.location = location
        }
    }

    /// Site search (`search:`): an index the build writes and a search page.
    public struct Search: Sendable, Hashable {
        /// Off unless `site.yml` has `search:`.
        public var enabled = false
        /// The URL folder of the search page.
        public var page = "suche"
        public init() {}
    }

    /// How pictures are published (`images:`): the widths of their derivatives, AVIF beside
    /// WebP, and whether bundles' original files are published too.
    public struct Images: Sendable, Hashable {
        /// The widths of the derivatives, in pixels, ascending; a picture is never enlarged.
        public var widths = [480, 800, 1200, 1600, 2400]
        /// AVIF beside WebP and the original format, where this machine's libvips can encode it.
        public var avif = false
        /// Publish a bundle's original picture files beside their derivatives.
        public var originals = false
        public init() {}
    }

    /// The articles with the most comments among the recent ones.
    public struct MostDiscussed: Sendable, Hashable {
        /// Articles published at most this many days before the newest article count.
        public var days = 14
        /// How many the list shows; 0 turns it off.
        public var count = 5
        public init() {}
    }

    /// The origin and root path of `baseURL`: links into a site under a path of its host
    /// (`https://verlag.example/magazin/`) start with that path.
    public var root: SiteRoot { SiteRoot(baseURL: baseURL) }

    /// URL folders of generated listings.
    public struct Paths: Sendable, Hashable {
        public var tags = "tags"
        public var authors = "autoren"
        public var columns = "kolumnen"
        public init() {}
    }

    /// How reader comments are shown.
    public struct CommentSettings: Sendable, Hashable {
        public enum Order: String, Sendable, Hashable, CaseIterable {
            case oldest, newest, best
        }
        public var order: Order = .oldest
        public var maxDepth = 3
        public var collapseAfter = 600
        /// Markdown text shown above the comments.
        public var notice = ""
        /// The author `import-comments` gives comments the export names nobody for.
        public var anonymous = "Anonym"
        public init() {}
    }

    public init(
        title: String = "Magazin",
        baseURL: String = "http://localhost/",
        language: String = "de",
        timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .current,
        paginate: Int = 20,
        paths: Paths = Paths(),
        comments: CommentSettings = CommentSettings(),
        footer: String = ""
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.timeZone = timeZone
        self.paginate = paginate
        self.paths = paths
        self.comments = comments
        self.footer = footer
    }
}
