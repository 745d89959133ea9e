import Comments
import Foundation

/// An article comments can be imported into.
public struct ImportTarget: Sendable, Hashable {
    /// The article's URL path, `/politik/foo/`.
    public var url: String
    /// Where its comments live, relative to the site folder: `content/politik/foo/comments.json`
    /// or `content/kultur/bar.comments.json`.
    public var commentsFile: String

    public init(url: String, commentsFile: String) {
        self.url = url
        self.commentsFile = commentsFile
    }
}

/// Finds the article of an export thread: by the path of its link (scheme, host, query,
/// fragment, `index.html` and a missing trailing slash do not matter; case does not matter),
/// then by slug (the last segment of the link, then WordPress's `post_name`), when exactly
/// one article has that slug.
public struct ThreadMatcher: Sendable {
    private var byPath: [String: Int] = [:]
    private var bySlug: [String: Int] = [:]
    private var ambiguousSlugs: Set<String> = []
    public let targets: [ImportTarget]

    public init(targets: [ImportTarget]) {
        self.targets = targets
        for (index, target) in targets.enumerated() {
            byPath[Self.normalizedPath(target.url)] = index
            guard let slug = Self.lastSegment(of: Self.normalizedPath(target.url)) else { continue }
            if bySlug[slug] != nil { ambiguousSlugs.insert(slug) } else { bySlug[slug] = index }
        }
    }

    /// The index into `targets` of the thread's article, or nil.
    public func match(_ thread: ExportThread) -> Int? {
        var slugs: [String] = []
        if let link = thread.link, !link.isEmpty {
            let path = Self.normalizedPath(link)
            if let index = byPath[path] { return index }
            if let slug = Self.lastSegment(of: path) { slugs.append(slug) }
        }
        if let slug = thread.slug, !slug.isEmpty { slugs.append(Self.decoded(slug).lowercased()) }
        for slug in slugs where !ambiguousSlugs.contains(slug) {
            if let index = bySlug[slug] { return index }
        }
        return nil
    }

    /// `https://Magazin.example/Politik/foo?p=1#x` → `/politik/foo/`.
    public static func normalizedPath(_ link: String) -> String {
        var rest = Substring(link.trimmingCharacters(in: .whitespacesAndNewlines))
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        var segments = decoded(String(rest)).lowercased().split(separator: "/").map(String.init)
        segments.removeAll { $0 == "." }
        if let last = segments.last, last == "index.html" || last == "index.htm" || last == "index.php" {
            segments.removeLast()
        }
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    private static func lastSegment(of path: String) -> String? {
        guard var last = path.split(separator: "/").last.map(String.init) else { return nil }
        for suffix in [".html", ".htm", ".php"] where last.hasSuffix(suffix) { last.removeLast(suffix.count) }
        return last.isEmpty ? nil : last
    }

    private static func decoded(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
