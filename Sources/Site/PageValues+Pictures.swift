import Images
import Templates

extension PageValues {
    /// The template values of a picture (a lead image, a figure): `width` and `height` of what
    /// `src` shows and, when it has derivatives, `src` (the ``Picture/fallback``), `srcset` (its
    /// widths in the original's format), `sources` (`{type, srcset}` per compact format, most
    /// compact first, for `<source>` elements), `derivatives` (`{src, width, height, type}`
    /// each, for themes with markup of their own), and `card`, the same for teaser cards
    /// (the 16:9 crop, with the picture's `alt`).
    static func pictureFields(_ picture: Picture, alt: String, urls: SiteURLs) -> [String: Value] {
        guard !picture.whole.isEmpty else {
            return ["width": .int(picture.width), "height": .int(picture.height)]
        }
        var fields = fields(of: picture.whole, urls: urls)
        var card = Self.fields(of: picture.card, urls: urls)
        card["alt"] = .string(alt)
        fields["card"] = .dict(card)
        return fields
    }

    /// `src`, `width`, `height`, `srcset`, `sources` and `derivatives` of one crop's files.
    private static func fields(of files: [Picture.File], urls: SiteURLs) -> [String: Value] {
        guard let fallback = Picture.fallback(of: files) else { return [:] }
        func srcset(_ format: Derivative.Format) -> Value {
            .string(files.filter { $0.format == format }.reversed().map { urls.link("/" + $0.path) + " \($0.width)w" }
                .joined(separator: ", "))
        }
        return [
            "src": .string(urls.link("/" + fallback.path)),
            "width": .int(fallback.width),
            "height": .int(fallback.height),
            "srcset": srcset(fallback.format),
            "sources": .array(Picture.compactFormats(of: files).map { format in
                .dict(["type": .string(format.mediaType), "srcset": srcset(format)])
            }),
            "derivatives": .array(files.map { file in
                .dict([
                    "src": .string(urls.link("/" + file.path)), "width": .int(file.width), "height": .int(file.height),
                    "type": .string(file.format.mediaType),
                ])
            }),
        ]
    }
}
