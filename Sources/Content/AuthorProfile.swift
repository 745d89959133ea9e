import Basics
import Diagnostics
import Foundation
import Yams

/// An author's profile: one Markdown file per author in `authors/` (`authors/erika-muster.md`),
/// with the name the articles' `authors:` use, a role, a portrait (with its credit), links
/// to the author's other pages, and, as the file's body, a short bio in Markdown. The author's
/// page shows it above their articles. An author without a profile still gets a page.
public struct AuthorProfile: Sendable, Hashable {
    /// `authors/erika-muster.md`.
    public var file: String
    /// The name as the articles' `authors:` write it.
    public var name: String
    /// "Redakteurin Politik".
    public var role: String = ""
    /// The portrait: a file beside the profile, a `/static/…` path or an `https://` URL.
    public var image: LeadImage?
    /// The author's pages elsewhere (a website, a Mastodon account): `sameAs` for search engines.
    public var links: [String] = []
    /// The bio, in Markdown.
    public var body: String = ""
    /// Where the name is written, for diagnostics about it.
    public var nameLocation: SourceLocation

    /// The keys of a profile's front matter.
    public static let knownKeys = ["name", "role", "image", "links"]

    /// Parses a profile file's text; nil when its front matter has an error.
    public static func parse(text: String, file: String) -> (profile: Self?, diagnostics: [Diagnostic]) {
        let parsed = FrontMatterParser.parseBlock(text: text, file: file, expected: "the author's name") { yaml, root, opening in
            read(root, with: &yaml, file: file, opening: opening)
        }
        var profile = parsed.value
        profile?.body = parsed.body
        return (profile, parsed.diagnostics)
    }

    private static func read(_ root: Node?, with yaml: inout YAMLReader, file: String, opening: SourceLocation) -> Self? {
        var fields: [String: YAMLEntry] = [:]
        if let root, !YAMLReader.isNull(root) {
            guard let entries = yaml.entries(of: root, known: knownKeys, what: "an author profile") else { return nil }
            fields = entries
        }
        guard let entry = fields["name"] else {
            yaml.diagnostics.append(.error(at: opening, "missing required key 'name'",
                                           hint: "the name exactly as the articles' authors: write it, e.g. name: Erika Muster"))
            return nil
        }
        guard let name = yaml.requiredText(entry) else { return nil }
        var profile = Self(file: file, name: name, nameLocation: yaml.source.location(of: entry.value))
        profile.role = yaml.optionalText(fields["role"]) ?? ""
        profile.image = fields["image"].flatMap { yaml.image($0) }
        if let entry = fields["links"], let links = yaml.list(entry) {
            for link in links where !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
                yaml.error("each of 'links' must be an http(s) URL, not \"\(link)\"", at: entry.value,
                           hint: "e.g. https://mastodon.example/@erika")
            }
            profile.links = links
        }
        return profile
    }
}
