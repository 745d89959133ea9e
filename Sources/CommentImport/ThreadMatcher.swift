import Comments
import Foundation

/// An article comments can be imported into.
public struct ImportTarget: Sendable, Hashable {
    /// The article's URL path, `/politik/foo/`.
    public var url: String
    /// Where its comments live, relative to the site folder: `content/politik/foo/comments.json`
    /// or `content/kultur/bar.comments.json`.
    public var commentsFile: String
    /// WordPress post ids the article answers to: its `wordpress_id` and the `p` of any
    /// `/?p=123` alias.
    public var postIDs: [String]

    public init(url: String, commentsFile: String, postIDs: [String] = []) {
        self.url = url
        self.commentsFile = commentsFile
        self.postIDs = postIDs
    }
}

/// Finds the article of an export thread: by the path of its link (scheme, host, query,
/// fragment, `index.html`/`index.php`, percent-encoding, case and a missing trailing slash
/// do not matter), then by WordPress post id (the thread's `wp:post_id` or the `p` of a
/// `?p=123` link against an article's ``ImportTarget/postIDs``), then by slug (the last
/// segment of the link, then WordPress's `post_name`) when exactly one article has that slug.
public struct ThreadMatcher: Sendable {
    private var byPath: [String: Int] = [:]
    private var byPostID: [String: Int] = [:]
    private var bySlug: [String: Int] = [:]
    private var ambiguousSlugs: Set<String> = []
    public let targets: [ImportTarget]

    public init(targets: [ImportTarget]) {
        self.targets = targets
        for (index, target) in targets.enumerated() {
            byPath[Self.normalizedPath(target.url)] = index
            for id in target.postIDs where byPostID[id] == nil { byPostID[id] = index }
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
            if let id = Self.postID(inLink: link), let index = byPostID[id] { return index }
            if let slug = Self.lastSegment(of: path) { slugs.append(slug) }
        }
        if let id = thread.postID, let index = byPostID[id] { return index }
        if let slug = thread.slug, !slug.isEmpty { slugs.append(Self.decoded(slug).lowercased()) }
        for slug in slugs where !ambiguousSlugs.contains(slug) {
            if let index = bySlug[slug] { return index }
        }
        return nil
    }

    /// Where an unmatched thread may belong: the articles sharing its slug, else the article
    /// whose slug is closest to it (a few letters apart), as URL paths.
    public func hint(for thread: ExportThread) -> String? {
        var slugs: [String] = []
        if let link = thread.link, let slug = Self.lastSegment(of: Self.normalizedPath(link)) { slugs.append(slug) }
        if let slug = thread.slug, !slug.isEmpty { slugs.append(Self.decoded(slug).lowercased()) }
        for slug in slugs where ambiguousSlugs.contains(slug) {
            let urls = targets.filter { Self.lastSegment(of: Self.normalizedPath($0.url)) == slug }.map(\.url)
            return "several articles have the slug '\(slug)': " + urls.prefix(3).joined(separator: ", ")
        }
        guard let slug = slugs.first else { return nil }
        let limit = max(1, slug.count / 5)
        var best: (distance: Int, url: String)?
        for target in targets {
            guard let other = Self.lastSegment(of: Self.normalizedPath(target.url)),
                  abs(other.count - slug.count) <= limit,
                  let distance = Self.editDistance(slug, other, limit: limit)
            else { continue }
            if best == nil || distance < best?.distance ?? .max { best = (distance, target.url) }
        }
        return best.map { "perhaps \($0.url)" }
    }

    /// The Levenshtein distance of `a` and `b`, or nil when it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min() ?? 0 > limit { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The `p` of a WordPress post link, `https://x.example/?p=123` → `123`.
    public static func postID(inLink link: String) -> String? {
        guard let query = link.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "#").first?.split(separator: "&") ?? [] {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "p", !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) { return String(parts[1]) }
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
