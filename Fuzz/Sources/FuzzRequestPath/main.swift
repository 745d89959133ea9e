import Foundation
import FuzzSupport
@testable import PreviewServer

// A request path → a file of the built site. Whatever the client sends, the mapped
// path stays inside the site: relative, no empty, `.` or `..` segment, no backslash,
// no NUL, and a redirect only ever goes to a path on this site.
let snapshot = SiteSnapshot(files: [
    "index.html": Data(), "politik/index.html": Data(), "politik/erste/index.html": Data(),
    "css/style.css": Data(), "a b/index.html": Data(), "evil.example/index.html": Data(),
    "x/index.html": Data(), "feed.xml": Data(),
])

func checkInsideSite(_ path: String, from raw: String) {
    Invariant.require(!path.hasPrefix("/"), "\(raw.debugDescription) maps to the absolute path \(path.debugDescription)")
    Invariant.require(!path.utf8.contains(0), "\(raw.debugDescription) maps to a path with NUL")
    Invariant.require(!path.contains("\\"), "\(raw.debugDescription) maps to a path with a backslash")
    for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
        Invariant.require(!segment.isEmpty && segment != "." && segment != "..",
                          "\(raw.debugDescription) maps to \(path.debugDescription)")
    }
}

FuzzDriver.run { data in
    // The request target as sent: the path, then an optional `?query`.
    let target = FuzzInput.text(data)
    let mark = target.firstIndex(of: "?")
    let raw = String(target[..<(mark ?? target.endIndex)])
    let query = mark.map { String(target[target.index(after: $0)...]) }

    if case .site(let segments, _) = RequestPath(raw: raw) {
        checkInsideSite(segments.joined(separator: "/") + (segments.isEmpty ? "index.html" : ""), from: raw)
    }
    switch SiteLookup(rawPath: raw, query: query, in: snapshot) {
    case .file(let path):
        checkInsideSite(path, from: raw)
        Invariant.require(snapshot.contains(path), "\(raw.debugDescription) maps to a file not in the site")
    case .redirect(let location):
        // Browsers read `//host/…` and `/\host/…` as another site.
        Invariant.require(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"),
                          "\(raw.debugDescription) redirects off the site to \(location.debugDescription)")
        let locationPath = location.prefix { $0 != "?" }
        Invariant.require(!locationPath.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                          "\(raw.debugDescription) redirects to a location with control characters")
    case .notFound, .refused:
        break
    }
}
