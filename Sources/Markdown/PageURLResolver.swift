/// Classifies link targets and resolves relative ones against the URL path of
/// the page a document belongs to (`/politik/foo/` + `../bar/` → `/politik/bar/`).
struct PageURLResolver {
    /// How a link target relates to the site.
    enum Target: Equatable {
        /// Has a scheme (`https:`, `mailto:`) or a host (`//cdn.example`): outside the site.
        case external
        /// Root-relative (`/static/a.css`) or a fragment of this page (`#notes`): kept as is.
        case siteAbsolute
        /// Relative to the page (`lead.jpg`, `./img/a.png`, `../other/`): rewritten.
        case pageRelative
        /// An empty target: left alone.
        case empty
    }

    /// The page's URL path; always starts with `/`.
    let pageURL: String

    init(pageURL: String) {
        self.pageURL = pageURL.hasPrefix("/") ? pageURL : "/" + pageURL
    }

    static func classify(_ url: String) -> Target {
        guard let first = url.first else { return .empty }
        if url.hasPrefix("//") || hasScheme(url) { return .external }
        if first == "/" || first == "#" || first == "?" { return .siteAbsolute }
        return .pageRelative
    }

    /// `url` resolved against the page, with `.` and `..` segments removed
    /// (never climbing above the root); query and fragment are kept verbatim.
    func resolve(_ url: String) -> String {
        guard Self.classify(url) == .pageRelative else { return url }
        let suffixStart = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let path = url[..<suffixStart]
        // The page's folder: everything up to its last `/` (RFC 3986 merge).
        let pagePath = pageURL.prefix { $0 != "?" && $0 != "#" }
        let folder = pagePath[...(pagePath.lastIndex(of: "/") ?? pagePath.startIndex)]
        return Self.removeDotSegments(String(folder + path)) + url[suffixStart...]
    }

    /// Normalises an absolute path: drops `.` segments, lets `..` remove the
    /// segment before it (nothing above `/`), keeps a trailing `/`.
    static func removeDotSegments(_ path: String) -> String {
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            switch part {
            case ".":
                if isLast { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            default:
                segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Whether `url` starts with a URI scheme (`ALPHA *(ALPHA / DIGIT / + / - / .)` then `:`).
    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
