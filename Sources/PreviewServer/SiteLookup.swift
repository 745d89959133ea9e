/// What a request path means in a built site: a file, a redirect to the
/// directory form, or nothing.
enum SiteLookup: Equatable {
    case file(String)
    /// `/a/b` when `/a/b/index.html` exists: the location to redirect to (`/a/b/`).
    case redirect(String)
    case notFound
    case refused

    /// Resolves `rawPath` (as sent, still percent-encoded) against the files in `snapshot`.
    /// `query` (without `?`) is kept on redirects.
    init(rawPath: String, query: String?, in snapshot: SiteSnapshot) {
        guard case .site(let segments, let directory) = RequestPath(raw: rawPath) else {
            self = .refused
            return
        }
        let joined = segments.joined(separator: "/")
        if directory {
            let index = joined.isEmpty ? "index.html" : joined + "/index.html"
            self = snapshot.contains(index) ? .file(index) : .notFound
        } else if snapshot.contains(joined) {
            self = .file(joined)
        } else if snapshot.contains(joined + "/index.html") {
            // One leading slash: `//host/…` would send the browser to another site.
            var location = "/" + rawPath.drop { $0 == "/" } + "/"
            if let query, !query.isEmpty { location += "?" + query }
            self = .redirect(location)
        } else {
            self = .notFound
        }
    }
}
