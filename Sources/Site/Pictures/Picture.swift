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
    /// The ``PictureStore`` entry that holds its derivatives; nil when it has none.
    let entry: Digest?
    /// The whole picture's widths, then the card crop's, then the social crop; within each,
    /// largest first, and for each width the original's format first, the most compact last.
    /// The store entry's own list (the order it keeps), shared rather than copied: a build
    /// keeps every picture of the site (130,000 at N=100,000, 590,000 derivatives).
    let files: [File]
    /// Where the card crop's widths start and end in `files` (the whole picture's come before).
    private let cardStart: Int, cardEnd: Int
    /// The original's site path without leading slash and extension (`politik/wahl/lead`):
    /// its derivatives' paths up to their suffix.
    let stem: String
    /// The derivatives' site path up to their suffix, as a URL path: `/politik/wahl/Karte%201`
    /// (`srcset` separates candidates by spaces, so names with spaces must be escaped). Every
    /// teaser and figure of the picture prints its derivatives' paths, so it is encoded once, here.
    private let urlStem: String

    /// One derivative: a width of the whole picture or of a crop, in one format. Where it is
    /// published is the picture's to say (``path(of:)``, ``sitePath(of:)``).
    typealias File = PictureStore.Stored

    /// The picture at `path`, published as it is when `entry` is nil.
    init(path: String, width: Int, height: Int, entry: PictureStore.Entry?) {
        self.path = path
        self.width = width
        self.height = height
        self.entry = entry?.key
        files = entry?.files ?? []
        cardStart = files.firstIndex { $0.crop != nil } ?? files.count
        cardEnd = files[cardStart...].firstIndex { $0.crop != .card } ?? files.count
        stem = Self.stem(of: path)
        urlStem = String(concatenating: "/", Escaping.percentEncodedPath(stem))
    }

    /// The widths of the whole picture. Slices of `files`, not arrays of their own.
    var whole: ArraySlice<File> { files[..<cardStart] }
    /// The widths a teaser card shows: the card crop's, or the whole picture's when it has the card's shape.
    var card: ArraySlice<File> { cardStart < cardEnd ? files[cardStart..<cardEnd] : whole }

    /// Where derivative `file` is published, as a site path without leading slash
    /// (`politik/wahl/lead-800w.webp`, `politik/wahl/lead-card-480w.jpg`): the original's
    /// name without its extension, then the crop and width, in the format's extension.
    func path(of file: File) -> String { String(concatenating: stem, file.suffix) }

    /// ``path(of:)`` as a URL path: `/politik/wahl/Karte%201-800w.webp`.
    func sitePath(of file: File) -> String { String(concatenating: urlStem, file.suffix) }

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
        guard let picture = byPath[path], let fallback = picture.fallback else { return path }
        return picture.sitePath(of: fallback)
    }

    /// The site path of the social card's picture for the image at `path`.
    func social(_ path: String) -> String {
        guard let picture = byPath[path], let social = picture.social else { return path }
        return picture.sitePath(of: social)
    }
}

extension PictureStore.Stored {
    /// What follows the original's name (without its extension) in the derivative's name:
    /// the crop and width, and the format's extension (`-800w.webp`, `-card-480w.jpg`). Only
    /// letters, digits, `-` and `.`: the same in a URL path.
    var suffix: String { (crop.map { "-" + $0.rawValue } ?? "") + "-\(width)w.\(format.fileExtension)" }
}
