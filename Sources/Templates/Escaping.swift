/// HTML escaping, appended straight into the output buffer.
enum Escaping {
    /// Appends `text` to `out` with `& < > " '` replaced by character references, which makes
    /// it safe in element content and in quoted attribute values alike.
    static func appendHTML(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var cursor = start
        while cursor != utf8.endIndex {
            let replacement: String
            switch utf8[cursor] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                cursor = utf8.index(after: cursor)
                continue
            }
            out += text[start..<cursor]
            out += replacement
            cursor = utf8.index(after: cursor)
            start = cursor
        }
        if start == utf8.startIndex {
            out += text
        } else {
            out += text[start..<utf8.endIndex]
        }
    }

    /// `text` HTML-escaped.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        appendHTML(text, to: &out)
        return out
    }
}
