/// Plain-text helpers: reducing HTML to text, slugs and percent-encoding.
enum HTMLText {
    /// The text of `html`: tags and comments removed, character references decoded,
    /// runs of whitespace collapsed to one space, trimmed.
    static func strippingTags(_ html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var scalars = html.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                let rest = scalars.dropFirst()
                let isComment = rest.starts(with: "!--".unicodeScalars)
                if isComment, let end = rest.firstRange(of: "-->".unicodeScalars) {
                    scalars = rest[end.upperBound...]
                    text.append(" ")
                    continue
                }
                if let next = rest.first, next.properties.isAlphabetic || next == "/" || next == "!",
                   let close = rest.firstIndex(of: ">")
                {
                    if separatesWords(String(String.UnicodeScalarView(rest[..<close]))) { text.append(" ") }
                    scalars = rest[rest.index(after: close)...]
                    continue
                }
            }
            text.unicodeScalars.append(scalar)
            scalars = scalars.dropFirst()
        }
        return collapsingWhitespace(decodingEntities(text))
    }

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "td", "th", "tr", "ul",
    ]

    /// Whether a tag (its text between `<` and `>`) separates words: block elements do, `<b>` does not.
    private static func separatesWords(_ tag: String) -> Bool {
        let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
        return blockElements.contains(name)
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }).joined(separator: " ")
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "euro": "€", "copy": "©",
    ]

    /// `text` with `&amp;`, `&#228;`, `&#xE4;` and common named references decoded.
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = decode(after[..<semicolon]) {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func decode(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return namedEntities[String(name)]
    }
}
