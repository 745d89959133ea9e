import Images

/// A picture the site shows (a lead image, a body figure) and the files published in its
/// place: derivatives in several widths, each in the original's format (JPEG, or PNG for
/// drawings and transparency) and in WebP (and AVIF when `site.yml` asks for it).
///
/// A picture the build does not resize (an animated GIF, an SVG) has no derivatives: its
/// original is published as it is.
struct Picture: Sendable, Hashable {
    /// Where the original would be published: a site path (`/politik/wahl/lead.jpg`).
    let path: String
    /// The original's size as readers see it (EXIF orientation applied).
    let width: Int
    let height: Int
    /// Largest first; for each width, the original's format first, the most compact last.
    let files: [File]

    /// One derivative: where it is published and where the build keeps it.
    struct File: Sendable, Hashable {
        /// Site path without leading slash (`politik/wahl/lead-800w.webp`).
        let path: String
        let width: Int
        let height: Int
        let format: Derivative.Format
        /// The file in the ``PictureStore``.
        let stored: String
    }

    /// The derivatives published in the original's format (what `<img src>` and `srcset` name).
    var plainFiles: [File] {
        guard let format = files.first?.format else { return [] }
        return files.filter { $0.format == format }
    }

    /// The file a plain `<img src>`, a feed or a social card shows: the narrowest derivative
    /// in the original's format at least ``fallbackWidth`` wide, else the widest.
    var fallback: File? {
        let plain = plainFiles
        return plain.last { $0.width >= Self.fallbackWidth } ?? plain.first
    }

    /// Wide enough for a social card (1200 pixels for `og:image`) and a desktop reader.
    static let fallbackWidth = 1200

    /// The formats beside the original's, most compact first (the order of `<source>` elements).
    var compactFormats: [Derivative.Format] {
        var seen: [Derivative.Format] = []
        for file in files where file.format != files.first?.format && !seen.contains(file.format) { seen.append(file.format) }
        return seen.reversed()
    }

    /// The site path of a derivative of the original at `original` (`/politik/wahl/lead.jpg`):
    /// the original's name with the width, in the format's extension (`politik/wahl/lead-800w.webp`).
    static func derivativePath(of original: String, width: Int, format: Derivative.Format) -> String {
        var path = original.hasPrefix("/") ? String(original.dropFirst()) : original
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            path.removeLast(name.distance(from: dot, to: name.endIndex))
        }
        return "\(path)-\(width)w.\(format.fileExtension)"
    }
}

/// Every picture the site shows, by the site path of its original.
struct Pictures: Sendable {
    var byPath: [String: Picture] = [:]

    subscript(path: String) -> Picture? { byPath[path] }

    /// The site path a page shows for the image at `path`: its fallback derivative when it has
    /// derivatives, else `path` itself.
    func shown(_ path: String) -> String {
        guard let fallback = byPath[path]?.fallback else { return path }
        return "/" + fallback.path
    }
}
