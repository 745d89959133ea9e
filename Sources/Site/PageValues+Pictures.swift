import Images
import Templates

extension PageValues {
    /// The template values of a picture (a lead image, a figure): `width` and `height` of what
    /// `src` shows and, when it has derivatives, `src` (the ``Picture/fallback``), `srcset` (its
    /// widths in the original's format), `sources` (`{type, srcset}` per compact format, most
    /// compact first, for `<source>` elements) and `derivatives` (`{src, width, height, type}`
    /// each, for themes with markup of their own).
    static func pictureFields(_ picture: Picture, urls: SiteURLs) -> [String: Value] {
        guard let fallback = picture.fallback else {
            return ["width": .int(picture.width), "height": .int(picture.height)]
        }
        func srcset(_ format: Derivative.Format) -> Value {
            .string(picture.files.filter { $0.format == format }.reversed().map { urls.link("/" + $0.path) + " \($0.width)w" }
                .joined(separator: ", "))
        }
        return [
            "src": .string(urls.link("/" + fallback.path)),
            "width": .int(fallback.width),
            "height": .int(fallback.height),
            "srcset": srcset(fallback.format),
            "sources": .array(picture.compactFormats.map { format in
                .dict(["type": .string(format.mediaType), "srcset": srcset(format)])
            }),
            "derivatives": .array(picture.files.map { file in
                .dict([
                    "src": .string(urls.link("/" + file.path)), "width": .int(file.width), "height": .int(file.height),
                    "type": .string(file.format.mediaType),
                ])
            }),
        ]
    }
}
