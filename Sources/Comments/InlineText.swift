/// One line of reader text as HTML: escaped, with bare http(s) URLs linked.
enum InlineText {
    /// The `rel` of links in reader text: not endorsed, user-generated, no window access.
    static let linkRel = "nofollow ugc noopener"

    /// Appends `line` escaped, with each bare `http://` or `https://` URL turned into a link.
    static func append(_ line: ArraySlice<Unicode.Scalar>, to out: inout HTMLBuffer) {
        var index = line.startIndex
        while index < line.endIndex {
            let scalar = line[index]
            if scalar == "h" || scalar == "H", let end = URLScanner.urlEnd(in: line, at: index) {
                let url = line[index..<end]
                out.append("<a href=\"")
                appendEscaped(url, to: &out)
                out.append("\" rel=\"\(linkRel)\">")
                appendEscaped(url, to: &out)
                out.append("</a>")
                index = end
            } else {
                appendEscaped(scalar, to: &out)
                index += 1
            }
        }
    }

    static func appendEscaped(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout HTMLBuffer) {
        for scalar in scalars { appendEscaped(scalar, to: &out) }
    }

    /// Escapes `& < > " '`, which makes the text safe in element content and quoted attributes.
    static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout HTMLBuffer) {
        switch scalar {
        case "&": out.append("&amp;")
        case "<": out.append("&lt;")
        case ">": out.append("&gt;")
        case "\"": out.append("&quot;")
        case "'": out.append("&#39;")
        default: out.append(scalar)
        }
    }
}
