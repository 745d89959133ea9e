import Basics

/// One line of reader text as HTML: escaped, with bare http(s) URLs linked.
///
/// Links get `rel="nofollow ugc noopener"`: not endorsed, user-generated, no window access.
enum InlineText {
    /// Appends the bytes of `line` escaped, with each bare `http://` or `https://` URL turned into a link.
    ///
    /// Runs of bytes without `& < > " '` or `:` are copied as they are, found eight bytes at
    /// a time. A URL is looked for at each `://`, starting with the `http` or `https` before it.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, to out: inout HTMLBuffer) {
        let end = line.upperBound
        var index = line.lowerBound
        var runStart = index
        while index < end {
            if index + 8 <= end, !mayNeedWork(ByteWords.word(in: bytes, at: index)) {
                index += 8
                continue
            }
            let stop = min(index + 8, end)
            while index < stop {
                let byte = bytes[index]
                if Escaping.needsEscaping(byte) {
                    out.append(bytes, runStart..<index)
                    out.appendEntity(for: byte)
                    index += 1
                    runStart = index
                } else if byte == UInt8(ascii: ":"), let (start, urlEnd) = url(in: bytes, line: line, colon: index, after: runStart) {
                    out.append(bytes, runStart..<start)
                    out.append("<a href=\"")
                    out.appendEscaped(bytes, start..<urlEnd)
                    out.append("\" rel=\"nofollow ugc noopener\">")
                    out.appendEscaped(bytes, start..<urlEnd)
                    out.append("</a>")
                    index = urlEnd
                    runStart = index
                    break
                } else {
                    index += 1
                }
            }
        }
        out.append(bytes, runStart..<end)
    }

    /// The URL whose `://` starts at `colon`, if its `http` or `https` begins at or after `earliest`.
    ///
    /// Looking only where a `://` is finds the same URLs as trying every `h`: scheme letters
    /// hold nothing to escape, and two URL starts cannot share a `://`.
    private static func url(
        in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, colon: Int, after earliest: Int
    ) -> (Int, Int)? {
        guard colon + 2 < line.upperBound, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/"),
              colon - 4 >= earliest
        else { return nil }
        let start = bytes[colon - 1] | 0x20 == UInt8(ascii: "s") ? colon - 5 : colon - 4
        guard start >= earliest, let end = URLScanner.urlEnd(in: bytes, line: line, at: start) else { return nil }
        return (start, end)
    }

    /// True when `word` may hold `& < > " '` or `:`.
    @inline(__always)
    private static func mayNeedWork(_ word: UInt64) -> Bool {
        ByteWords.hasByte(word, equalTo: UInt8(ascii: "\"")) || ByteWords.hasByte(word, equalTo: UInt8(ascii: ":"))
            // `| 0x01` maps `&` and `'` to `'`; `| 0x02` maps `<` and `>` to `>`.
            || ByteWords.hasByte(word | 0x0101_0101_0101_0101, equalTo: UInt8(ascii: "'"))
            || ByteWords.hasByte(word | 0x0202_0202_0202_0202, equalTo: UInt8(ascii: ">"))
    }
}
