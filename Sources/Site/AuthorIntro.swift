import Content
import Diagnostics
import Foundation
import Markdown

/// An author's profile from `authors/`, with the bio rendered and the portrait's site path.
struct AuthorIntro: Sendable, Hashable {
    let profile: AuthorProfile
    /// The bio's HTML.
    let html: String
    /// The portrait as a site path or URL; nil without a portrait.
    let portrait: String?

    /// The profiles of `profiles` with their bios rendered; a portrait beside its profile file
    /// is published in the author page's folder (see ``portraitCopies(_:urls:site:)``).
    static func render(_ profiles: [String: AuthorProfile], urls: SiteURLs) -> [String: AuthorIntro] {
        profiles.mapValues { profile in
            let page = urls.author(profile.name)
            let rendered = MarkdownRenderer.render(profile.body, options: MarkdownOptions(pageURL: page, rootPath: urls.root.path))
            let portrait = profile.image.map { urls.imageURL($0.src, page: page) }
            return AuthorIntro(profile: profile, html: rendered.html, portrait: portrait)
        }
    }

    /// Whether a portrait's `src` names a file beside the profile.
    static func isBeside(_ src: String) -> Bool { SectionIntro.isBeside(src) }

    /// The folder of a profile file, relative to the site folder.
    private static func folder(of profile: AuthorProfile) -> String {
        (profile.file as NSString).deletingLastPathComponent
    }

    /// Portraits beside their profile files, copied into the author pages' folders.
    static func portraitCopies(_ profiles: [AuthorProfile], urls: SiteURLs, site: String) -> [(source: String, path: String)] {
        profiles.compactMap { profile in
            guard let src = profile.image?.src, isBeside(src) else { return nil }
            return (site + "/" + folder(of: profile) + "/" + src, String(urls.author(profile.name).dropFirst()) + src)
        }
    }

    /// An error for each profile whose portrait beside it does not exist.
    static func missingPortraits(_ profiles: [String: AuthorProfile], site: URL) -> [Diagnostic] {
        profiles.values.sorted { $0.file < $1.file }.compactMap { profile in
            guard let src = profile.image?.src, isBeside(src) else { return nil }
            let path = folder(of: profile) + "/" + src
            guard !FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path) else { return nil }
            return .error(at: SiteFiles.locate(src, in: profile.file, site: site), "portrait '\(src)' not found beside \(profile.file)",
                          hint: "put the picture into \(folder(of: profile))/, or give a /static/… path or an https URL")
        }
    }

    /// A warning for each profile no published article names (`magbuild check`).
    static func unused(_ profiles: [String: AuthorProfile], articles: [PublishedArticle]) -> [Diagnostic] {
        let named = Set(articles.flatMap(\.frontMatter.authors))
        return profiles.values.filter { !named.contains($0.name) }.sorted { $0.file < $1.file }.map { profile in
            .warning(at: profile.nameLocation,
                     "no published article names the author '\(profile.name)'",
                     hint: "check the spelling against the articles' authors:, or remove the profile")
        }
    }
}
