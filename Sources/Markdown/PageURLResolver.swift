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
        let bytes = url.utf8
        guard let first = bytes.first else { return .empty }
        if bytes.starts(with: "//".utf8) || hasScheme(bytes) { return .external }
        if first == slash || first == UInt8(ascii: "#") || first == UInt8(ascii: "?") { return .siteAbsolute }
        return .pageRelative
    }

    /// `url` resolved against the page, with `.` and `..` segments removed
    /// (never climbing above the root); query and fragment are kept verbatim.
    func resolve(_ url: String) -> String {
        guard Self.classify(url) == .pageRelative else { return url }
        let bytes = Array(url.utf8)
        let suffixStart = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        // The page's folder: everything up to its last `/` (RFC 3986 merge).
        let page = pageURL.utf8.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let folder = page[...(page.lastIndex(of: Self.slash) ?? page.startIndex)]
        var merged = Array(folder)
        merged += bytes[..<suffixStart]
        var result = Self.removeDotSegments(merged)
        result += bytes[suffixStart...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Normalises an absolute path: drops `.` segments, lets `..` remove the
    /// segment before it (nothing above `/`), keeps a trailing `/`.
    private static func removeDotSegments(_ path: [UInt8]) -> [UInt8] {
        let parts = path.split(separator: slash, omittingEmptySubsequences: false).dropFirst()
        let dot: [UInt8] = [UInt8(ascii: ".")]
        let dotDot: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]
        var segments: [ArraySlice<UInt8>] = []
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            if part.elementsEqual(dot) {
                if isLast { segments.append([]) }
            } else if part.elementsEqual(dotDot) {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append([]) }
            } else {
                segments.append(part)
            }
        }
        var result: [UInt8] = [slash]
        result.reserveCapacity(path.count)
        for (index, segment) in segments.enumerated() {
            if index > 0 { result.append(slash) }
            result += segment
        }
        return result
    }

    private static let slash = UInt8(ascii: "/")

    /// Whether `url` starts with a URI scheme (`ALPHA *(ALPHA / DIGIT / + / - / .)` then `:`).
    private static func hasScheme(_ url: String.UTF8View) -> Bool {
        guard let first = url.first, isASCIILetter(first) else { return false }
        for byte in url.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            let isSchemeByte = isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !isSchemeByte { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
