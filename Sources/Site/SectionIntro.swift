import Content
import Diagnostics
import Foundation
import Markdown

/// A section's profile from its `_index.md`, with the intro rendered.
struct SectionIntro: Sendable, Hashable {
    let profile: SectionProfile
    /// The intro's HTML.
    let html: String
    /// The description for search engines: the profile's, else the intro's first paragraph.
    let description: String

    /// Whether a profile picture's `src` names a file beside the `_index.md` (not a site path or URL).
    static func isBeside(_ src: String) -> Bool {
        !src.hasPrefix("/") && !src.contains("://") && !src.contains("..") && !src.hasPrefix("./")
    }

    /// An error for each profile whose picture beside its `_index.md` does not exist.
    static func missingImages(_ profiles: [String: SectionProfile], site: URL) -> [Diagnostic] {
        profiles.values.sorted { $0.file < $1.file }.compactMap { profile in
            guard let src = profile.image?.src, isBeside(src) else { return nil }
            let folder = (profile.file as NSString).deletingLastPathComponent
            guard !FileManager.default.fileExists(atPath: site.appendingPathComponent(folder + "/" + src).path) else { return nil }
            return .error(at: SiteFiles.locate(src, in: profile.file, site: site), "image '\(src)' not found beside \(profile.file)",
                          hint: "put the picture into \(folder)/, or give a /static/… path or an https URL")
        }
    }

    /// The profiles with their intros rendered (links under the site's root path).
    static func render(_ profiles: [String: SectionProfile], config: SiteConfig) -> [String: SectionIntro] {
        profiles.mapValues { profile in
            let url = profile.section.isEmpty ? "/" : "/\(profile.section)/"
            let rendered = MarkdownRenderer.render(profile.body, options: MarkdownOptions(pageURL: url, rootPath: config.root.path))
            let description = profile.description.isEmpty ? rendered.firstParagraph : profile.description
            return SectionIntro(profile: profile, html: rendered.html, description: description)
        }
    }
}
