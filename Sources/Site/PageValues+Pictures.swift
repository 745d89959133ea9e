import Images
import Templates

extension PageValues {
    /// The template values of a picture (a lead image, a figure): `width` and `height` of what
    /// `src` shows and, when it has derivatives, `src` (the ``Picture/fallback``), `srcset` (its
    /// widths in the original's format), `sources` (`{type, srcset}` per compact format, most
    /// compact first, for `<source>` elements), `derivatives` (`{src, width, height, type}`
    /// each, for themes with markup of their own), and `card`: `src`, `alt`, `width`, `height`,
    /// `srcset` and `sources` of the teaser cards' 16:9 crop.
    static func pictureFields(_ picture: Picture, alt: String, urls: SiteURLs) -> [String: Value] {
        guard let fallback = Picture.fallback(of: picture.whole) else {
            return ["width": .int(picture.width), "height": .int(picture.height)]
        }
        // Records, not dictionaries: every article's teaser keeps these values for the whole build.
        let cardFiles = picture.card
        let card = Picture.fallback(of: cardFiles) ?? fallback
        let wholeSrcset = srcset(picture.whole, fallback.format, of: picture, urls: urls)
        let wholeSources = sources(picture.whole, of: picture, urls: urls)
        // A picture with the card's shape is its own card: the same strings, kept once.
        let isWhole = cardFiles == picture.whole && card == fallback
        return [
            "src": .string(urls.link(picture.sitePath(of: fallback))),
            "width": .int(fallback.width),
            "height": .int(fallback.height),
            "srcset": wholeSrcset,
            "sources": wholeSources,
            "derivatives": .array(picture.whole.map { file in
                .record(Record(derivativeKeys, [
                    .string(urls.link(picture.sitePath(of: file))), .int(file.width), .int(file.height), .string(file.format.mediaType),
                ]))
            }),
            "card": .record(Record(cardKeys, [
                .string(urls.link(picture.sitePath(of: card))), .string(alt), .int(card.width), .int(card.height),
                isWhole ? wholeSrcset : srcset(cardFiles, card.format, of: picture, urls: urls),
                isWhole ? wholeSources : sources(cardFiles, of: picture, urls: urls),
            ])),
        ]
    }

    /// A teaser's `image`, whose fields are those of `fields`: a record when they are one of
    /// the usual sets (every teaser is kept for the whole build, and a record holds its values
    /// in a third of a dictionary's room), else the dictionary.
    static func imageValue(_ fields: [String: Value]) -> Value {
        for keys in imageKeys where keys.names.count == fields.count {
            let values = keys.names.compactMap { fields[$0] }
            if values.count == fields.count { return .record(Record(keys, values)) }
        }
        return .dict(fields)
    }

    /// The lead image's fields: without its size, with it, and with the derivatives of a
    /// picture the build resized.
    private static let imageKeys = [
        ["src", "alt", "caption", "credit"],
        ["src", "alt", "caption", "credit", "width", "height"],
        ["src", "alt", "caption", "credit", "width", "height", "srcset", "sources", "derivatives", "card"],
    ].map(RecordKeys.init)

    private static let derivativeKeys = RecordKeys(["src", "width", "height", "type"])
    private static let cardKeys = RecordKeys(["src", "alt", "width", "height", "srcset", "sources"])
    private static let sourceKeys = RecordKeys(["type", "srcset"])

    /// `"/a/lead-480w.jpg 480w, /a/lead-800w.jpg 800w"`: the files of `files` (of `picture`) in `format`, narrowest first.
    private static func srcset(_ files: ArraySlice<Picture.File>, _ format: Derivative.Format, of picture: Picture, urls: SiteURLs) -> Value {
        .string(files.filter { $0.format == format }.reversed().map { urls.link(picture.sitePath(of: $0)) + " \($0.width)w" }
            .joined(separator: ", "))
    }

    /// `{type, srcset}` per compact format of `files`, most compact first.
    private static func sources(_ files: ArraySlice<Picture.File>, of picture: Picture, urls: SiteURLs) -> Value {
        .array(Picture.compactFormats(of: files).map { format in
            .record(Record(sourceKeys, [.string(format.mediaType), srcset(files, format, of: picture, urls: urls)]))
        })
    }
}
