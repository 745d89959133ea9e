/// One line of reader text as HTML: escaped, with bare http(s) URLs linked.
///
/// Links get `rel="nofollow ugc noopener"`: not endorsed, user-generated, no window access.
enum InlineText {
    /// Appends the bytes of `line` escaped, with each bare `http://` or `https://` URL turned into a link.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, to out: inout HTMLBuffer) {
        var index = line.lowerBound
        var runStart = index
        while index < line.upperBound {
            let byte = bytes[index]
            if HTMLBuffer.needsEscaping(byte) {
                out.append(bytes, runStart..<index)
                out.appendEntity(for: byte)
                index += 1
                runStart = index
            } else if byte | 0x20 == UInt8(ascii: "h"), let end = URLScanner.urlEnd(in: bytes, line: line, at: index) {
                out.append(bytes, runStart..<index)
                out.append("<a href=\"")
                out.appendEscaped(bytes, index..<end)
                out.append("\" rel=\"nofollow ugc noopener\">")
                out.appendEscaped(bytes, index..<end)
                out.append("</a>")
                index = end
                runStart = index
            } else {
                index += 1
            }
        }
        out.append(bytes, runStart..<line.upperBound)
    }
}
