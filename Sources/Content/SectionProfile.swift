import Basics
import Diagnostics
import Foundation
import Yams

/// What an editor says about a section or a column, in `content/<section>/_index.md` (the
/// convention Hugo and Zola users know): its name ("Außenpolitik" for the folder
/// `aussenpolitik`), a description for search engines, its place in the navigation, a
/// picture (a column's portrait of its columnist), and, as the file's body, an intro in
/// Markdown shown above the section's articles. Sections without one keep the name of their
/// folder and sort by it.
public struct SectionProfile: Sendable, Hashable {
    /// `content/politik/_index.md`.
    public var file: String
    /// The section path: `politik`, `kolumnen/am-rand`.
    public var section: String
    /// The section's name; nil keeps the name made from the folder (or the column's name).
    public var title: String?
    /// Plain text for `<meta name="description">`; empty: the intro's first paragraph.
    public var description: String = ""
    /// Order in the navigation: smaller first, then by name.
    public var weight: Int = 0
    public var image: LeadImage?
    /// The intro, in Markdown.
    public var body: String = ""

    /// The keys of a profile's front matter.
    public static let knownKeys = ["title", "description", "weight", "image"]

    /// The file name of a profile in a section's folder.
    public static let fileName = "_index.md"

    /// Parses a profile file's text; nil when its front matter has an error. A profile
    /// without front matter is just an intro.
    public static func parse(text: String, file: String, section: String) -> (profile: Self?, diagnostics: [Diagnostic]) {
        let normalized = FrontMatterBlock.normalized(text)
        if case .failure(.missing) = FrontMatterBlock.split(normalized) {
            return (Self(file: file, section: section, body: normalized), [])
        }
        let parsed = FrontMatterParser.parseBlock(text: text, file: file, expected: "title and description") { yaml, root, _ in
            read(root, with: &yaml, file: file, section: section)
        }
        var profile = parsed.value
        profile?.body = parsed.body
        return (profile, parsed.diagnostics)
    }

    private static func read(_ root: Node?, with yaml: inout YAMLReader, file: String, section: String) -> Self? {
        var profile = Self(file: file, section: section)
        guard let root, !YAMLReader.isNull(root) else { return profile }
        guard let fields = yaml.entries(of: root, known: knownKeys, what: "a section profile") else { return nil }
        profile.title = yaml.optionalText(fields["title"])
        profile.description = yaml.optionalText(fields["description"]) ?? ""
        profile.weight = fields["weight"].flatMap { yaml.int($0, minimum: Int.min) } ?? 0
        profile.image = fields["image"].flatMap { yaml.image($0) }
        return profile
    }
}
