/// Content-Type values by file extension, UTF-8 for text.
enum MediaType {
    private static let types: [String: String] = [
        "html": "text/html", "htm": "text/html", "css": "text/css", "js": "text/javascript",
        "mjs": "text/javascript", "json": "application/json", "map": "application/json",
        "xml": "application/xml", "atom": "application/atom+xml", "rss": "application/rss+xml",
        "txt": "text/plain", "md": "text/plain", "csv": "text/csv", "svg": "image/svg+xml",
        "webmanifest": "application/manifest+json",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "wasm": "application/wasm",
        "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg", "ogg": "audio/ogg",
    ]

    /// Types that are text although they do not start with `text/`.
    private static let textApplicationTypes: Set<String> = [
        "application/json", "application/xml", "application/atom+xml", "application/rss+xml",
        "image/svg+xml", "application/manifest+json",
    ]

    /// The Content-Type header for a site path, e.g. `text/html; charset=utf-8`.
    static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        guard let type = types[ext] else { return "application/octet-stream" }
        return isText(type) ? type + "; charset=utf-8" : type
    }

    static func isHTML(path: String) -> Bool {
        contentType(forPath: path).hasPrefix("text/html")
    }

    private static func isText(_ type: String) -> Bool {
        type.hasPrefix("text/") || textApplicationTypes.contains(type)
    }
}
