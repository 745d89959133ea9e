import Basics
import Foundation
import Images

/// A picture the site shows (a lead image, a body figure) and the files published in its
/// place: derivatives in several widths, each in the original's format (JPEG, or PNG for
/// drawings and transparency) and in WebP (and AVIF when `site.yml` asks for it); a 16:9
/// crop for teaser cards (unless the picture has that shape already) and a 1.91:1 crop for
/// social cards.
///
/// A picture the build does not resize (an animated GIF, an SVG) has no derivatives: its
/// original is published as it is.
struct Picture: Sendable, Hashable {
    /// Where the original would be published: a site path (`/politik/wahl/lead.jpg`).
    let path: String
    /// The original's size as readers see it (EXIF orientation applied).
    let width: Int
    let height: Int
    /// The whole picture's widths, then the card crop's, then the social crop; within each,
    /// largest first, and for each width the original's format first, the most compact last.
    let files: [File]
    /// Where the card crop's widths start and end in `files` (the whole picture's come before).
    private let cardStart: Int, cardEnd: Int

    init(path: String, width: Int, height: Int, files: [File]) {
        self.path = path
        self.width = width
        self.height = height
        let whole = files.filter { $0.crop == nil }, card = files.filter { $0.crop == .card }
        self.files = whole + card + files.filter { $0.crop == .social }
        cardStart = whole.count
        cardEnd = whole.count + card.count
    }

    /// The widths of the whole picture. Slices of `files`, not arrays of their own: a build
    /// keeps every picture of the site (130,000 at N=100,000).
    var whole: ArraySlice<File> { files[..<cardStart] }
    /// The widths a teaser card shows: the card crop's, or the whole picture's when it has the card's shape.
    var card: ArraySlice<File> { cardStart < cardEnd ? files[cardStart..<cardEnd] : whole }

    /// One derivative: where it is published and where the build keeps it.
    struct File: Sendable, Hashable {
        /// Site path without leading slash (`politik/wahl/lead-800w.webp`).
        let path: String
        let width: Int
        let height: Int
        let format: Derivative.Format
        /// The crop it is a width of; nil for the whole picture.
        let crop: Crop?
        /// The ``PictureStore`` entry that holds it, whose folder has it as ``stored``'s name
        /// (kept as the entry's key, not as a path: a site has 590,000 of them at N=100,000).
        let entry: Digest
        /// Its site path as a URL path: `/politik/wahl/Karte%201-800w.webp` (`srcset` separates
        /// candidates by spaces, so names with spaces must be escaped). Every teaser and
        /// figure of the picture prints it, so it is encoded once, here.
        let sitePath: String

        init(path: String, width: Int, height: Int, format: Derivative.Format, crop: Crop?, entry: Digest) {
            self.path = path
            self.width = width
            self.height = height
            self.format = format
            self.crop = crop
            self.entry = entry
            sitePath = "/" + Escaping.percentEncodedPath(path)
        }

        /// Its file in the store's entry.
        var stored: PictureStore.Stored { PictureStore.Stored(width: width, height: height, format: format, crop: crop) }
    }

    /// The social card's picture (`og:image`).
    var social: File? { files.first { $0.crop == .social } ?? fallback }

    /// The file a plain `<img src>` and a feed show: the narrowest whole derivative in the
    /// original's format at least ``fallbackWidth`` wide, else the widest.
    var fallback: File? { Self.fallback(of: whole) }

    /// Wide enough for a desktop reader and a social card.
    static let fallbackWidth = 1200

    /// Of `files` (one crop's), the narrowest in the original's format at least ``fallbackWidth`` wide, else the widest.
    static func fallback(of files: ArraySlice<File>) -> File? {
        guard let format = files.first?.format else { return nil }
        let plain = files.filter { $0.format == format }
        return plain.last { $0.width >= fallbackWidth } ?? plain.first
    }

    /// The formats of `files` beside the original's, most compact first (the order of `<source>` elements).
    static func compactFormats(of files: ArraySlice<File>) -> [Derivative.Format] {
        var seen: [Derivative.Format] = []
        for file in files where file.format != files.first?.format && !seen.contains(file.format) { seen.append(file.format) }
        return seen.reversed()
    }

    /// The site path of a derivative of the original whose ``stem(of:)`` is `stem`: the
    /// original's name with the crop and width, in the format's extension
    /// (`politik/wahl/lead-800w.webp`, `politik/wahl/lead-card-480w.jpg`).
    static func derivativePath(stem: String, crop: Crop?, width: Int, format: Derivative.Format) -> String {
        stem + (crop.map { "-" + $0.rawValue } ?? "") + "-\(width)w.\(format.fileExtension)"
    }

    /// The site path of the original at `original` (`/politik/wahl/lead.jpg`) without leading
    /// slash and extension (`politik/wahl/lead`).
    static func stem(of original: String) -> String {
        var path = original.hasPrefix("/") ? String(original.dropFirst()) : original
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            path.removeLast(name.distance(from: dot, to: name.endIndex))
        }
        return path
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
        return fallback.sitePath
    }

    /// The site path of the social card's picture for the image at `path`.
    func social(_ path: String) -> String {
        guard let social = byPath[path]?.social else { return path }
        return social.sitePath
    }
}
