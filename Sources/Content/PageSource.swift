import Basics
import Diagnostics
import Foundation
import Yams

/// A plain page: the Impressum, the privacy policy, the Netiquette, "Über uns". A Markdown
/// file under `pages/` (not `content/`, so no editor takes it for an article) that needs only
/// a title; rendered with the theme's `page.html`, never in listings, feeds, tag or author
/// pages. `pages/impressum.md` and `pages/impressum/index.md` (a bundle, with pictures
/// beside it) are both published at `/impressum/`.
public struct PageSource: Sendable, Hashable {
    /// The Markdown file relative to the site folder: `pages/impressum.md`.
    public var file: String
    /// The page's site path: `/impressum/`.
    public var url: String
    /// The bundle folder relative to the site folder, nil for a flat file.
    public var bundleDirectory: String?
    /// Bundle resources relative to the bundle folder, sorted.
    public var resources: [String]
    public var frontMatter: PageFrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The file line (1-based) on which `body` starts.
    public var bodyLine: Int
}

/// The front matter of a plain page (docs/front-matter.md, "Plain pages").
public struct PageFrontMatter: Sendable, Hashable {
    /// The menus of the default theme a page can be linked from.
    public enum Menu: String, Sendable, Hashable, CaseIterable {
        case header, footer
    }

    public var title: String
    /// Plain text for `<meta name="description">`.
    public var description: String = ""
    /// The menu that links the page, if any.
    public var menu: Menu?
    /// Order in the menu: smaller first, then by title.
    public var weight: Int = 0
    /// Keep the page out of search engines and the sitemap.
    public var noindex = false

    /// The keys a plain page's front matter may have.
    public static let knownKeys = ["title", "description", "menu", "weight", "noindex"]

    /// Parses a page file's text; the front matter is nil when it has an error.
    public static func parse(text: String, file: String) -> (frontMatter: Self?, body: String, bodyLine: Int, diagnostics: [Diagnostic]) {
        let parsed = FrontMatterParser.parseBlock(text: text, file: file, expected: "a title") { yaml, root, opening in
            read(root, with: &yaml, opening: opening)
        }
        return (parsed.value, parsed.body, parsed.bodyLine, parsed.diagnostics)
    }

    private static func read(_ root: Node?, with yaml: inout YAMLReader, opening: SourceLocation) -> Self? {
        var fields: [String: YAMLEntry] = [:]
        if let root, !YAMLReader.isNull(root) {
            guard let entries = yaml.entries(of: root, known: knownKeys, what: "the front matter of a page") else { return nil }
            fields = entries
        }
        guard let entry = fields["title"] else {
            yaml.diagnostics.append(.error(at: opening, "missing required key 'title'", hint: "a page needs a title, e.g. title: Impressum"))
            return nil
        }
        guard let title = yaml.requiredText(entry) else { return nil }
        var page = Self(title: title)
        page.description = yaml.optionalText(fields["description"]) ?? ""
        page.menu = fields["menu"].flatMap { yaml.choice($0, of: Menu.allCases.map(\.rawValue)).flatMap(Menu.init(rawValue:)) }
        page.weight = fields["weight"].flatMap { yaml.int($0, minimum: Int.min) } ?? 0
        page.noindex = fields["noindex"].flatMap { yaml.bool($0) } ?? false
        return page
    }
}
