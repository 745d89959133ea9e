import Comments

/// Reads one HTML tag after its `<` (or `</`): the lowercased name, the `href` and `alt`
/// attributes the reducer needs, and where the tag ends.
///
/// A tag ends at the first `>` after its name. Finding that `>` is cached, and scans only
/// ever move forward, so reducing a comment is linear even for hostile input like `<a<a<a…`.
struct TagScanner {
    struct Tag {
        var name: String
        var href: String?
        var alt: String?
        var selfClosing: Bool
        /// The index after the closing `>`.
        var end: Int
    }

    private let scalars: [Unicode.Scalar]
    /// The position of the first `>` at or after `searchedFrom`, or nil if there is none.
    private var cachedGreaterThan: Int?
    private var searchedFrom = -1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The tag whose name starts at `nameStart`, or nil when no `>` ends it.
    mutating func scan(nameStart: Int) -> Tag? {
        guard let close = greaterThan(from: nameStart) else { return nil }
        var position = nameStart
        var name = ""
        while position < close, isNameScalar(scalars[position]) {
            name.unicodeScalars.append(scalars[position])
            position += 1
        }
        var tag = Tag(name: name.lowercased(), href: nil, alt: nil, selfClosing: close > nameStart && scalars[close - 1] == "/", end: close + 1)
        while position < close {
            while position < close, scalars[position].properties.isWhitespace || scalars[position] == "/" { position += 1 }
            var key = ""
            while position < close, !scalars[position].properties.isWhitespace, scalars[position] != "=", scalars[position] != "/" {
                key.unicodeScalars.append(scalars[position])
                position += 1
            }
            while position < close, scalars[position].properties.isWhitespace { position += 1 }
            guard position < close, scalars[position] == "=" else {
                if key.isEmpty { position += 1 }
                continue
            }
            position += 1
            while position < close, scalars[position].properties.isWhitespace { position += 1 }
            var value = ""
            if position < close, scalars[position] == "\"" || scalars[position] == "'" {
                let quote = scalars[position]
                position += 1
                while position < close, scalars[position] != quote {
                    value.unicodeScalars.append(scalars[position])
                    position += 1
                }
                position += 1
            } else {
                while position < close, !scalars[position].properties.isWhitespace {
                    value.unicodeScalars.append(scalars[position])
                    position += 1
                }
            }
            switch key.lowercased() {
            case "href": tag.href = value
            case "alt": tag.alt = value
            default: break
            }
        }
        return tag
    }

    mutating func greaterThan(from position: Int) -> Int? {
        if position >= searchedFrom, position <= (cachedGreaterThan ?? scalars.count), searchedFrom >= 0 {
            return cachedGreaterThan
        }
        searchedFrom = position
        var offset = position
        while offset < scalars.count, scalars[offset] != ">" { offset += 1 }
        cachedGreaterThan = offset < scalars.count ? offset : nil
        return cachedGreaterThan
    }

    private func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
    }
}
