import Basics

/// Turns untrusted reader text into safe HTML (README, "Reader comments").
///
/// The text is never HTML: every character is escaped, and the only markup that comes
/// out is what the rules below produce. The work is one pass over the UTF-8 bytes per
/// quote level (at most `maxQuoteDepth`), so even megabyte comments render in linear time.
public enum ReaderText {
    /// Quotations nest at most this deep; deeper `> ` markers are shown as text.
    public static let maxQuoteDepth = 4

    /// Blank lines separate paragraphs, single newlines are line breaks, lines starting `> `
    /// are a quotation, bare http(s) URLs become `rel="nofollow ugc noopener"` links;
    /// everything else is escaped.
    ///
    /// CRLF and CR line endings count as LF; control characters other than tab are dropped.
    /// A quotation is a run of consecutive lines starting `> ` (or a lone `>`); its content,
    /// with one marker removed, is rendered by the same rules inside `<blockquote>`.
    /// Blocks are separated by a newline; the result is empty for blank text.
    public static func html(from text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            if let lines = lines(of: source) { return render(source, lines: lines) }
            // Rare: control characters to drop. Render a cleaned copy instead.
            let cleaned = withoutControlCharacters(source)
            return cleaned.withUnsafeBufferPointer { render($0, lines: lines(of: $0) ?? []) }
        }
    }

    private static func render(_ bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> String {
        var out = HTMLBuffer(capacity: bytes.count + bytes.count / 8)
        appendBlocks(of: bytes, lines: lines[...], depth: 0, to: &out)
        return out.string
    }

    /// The byte ranges of the lines of `bytes`, which end at LF, CRLF or CR; nil when
    /// the text holds a control character other than tab, CR and LF.
    static func lines(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        var start = 0, index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count {
                let word = ByteWords.word(in: bytes, at: index)
                if !ByteWords.hasByte(word, below: 0x20) && !ByteWords.hasByte(word, equalTo: 0x7F)
                    && !ByteWords.hasByte(word, equalTo: 0xC2) {
                    index += 8
                    continue
                }
            }
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                if byte >= 0x20 {
                    if byte == 0x7F || byte == 0xC2 && index + 1 < count && isC1Control(secondByte: bytes[index + 1]) {
                        return nil
                    }
                    index += 1
                    continue
                }
                switch byte {
                case 0x09:
                    index += 1
                case 0x0A, 0x0D:
                    lines.append(start..<index)
                    index += 1
                    if byte == 0x0D, index < count, bytes[index] == 0x0A { index += 1 }
                    start = index
                default:
                    return nil
                }
            }
        }
        lines.append(start..<count)
        return lines
    }

    /// `bytes` with CRLF and CR turned into LF and control characters other than tab removed
    /// (C0, DEL and C1). A control character between CR and LF makes them two line breaks.
    static func withoutControlCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var afterCarriageReturn = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == 0x0D
            switch byte {
            case 0x0A, 0x0D:
                out.append(0x0A)
            case 0x09:
                out.append(byte)
            case 0x00..<0x20, 0x7F:
                continue
            case 0xC2 where index < bytes.count && isC1Control(secondByte: bytes[index]):
                index += 1
            default:
                out.append(byte)
            }
        }
        return out
    }

    /// True when `0xC2` followed by this byte encodes U+0080…U+009F.
    private static func isC1Control(secondByte byte: UInt8) -> Bool {
        byte >= 0x80 && byte < 0xA0
    }

    /// Paragraphs and quotations of `lines`, which sit inside `depth` quotations.
    private static func appendBlocks(
        of bytes: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>, depth: Int, to out: inout HTMLBuffer
    ) {
        var inParagraph = false
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            if depth < maxQuoteDepth, let first = quoteContent(of: line, in: bytes) {
                if inParagraph { out.append("</p>") }
                inParagraph = false
                var quoted = [first]
                index += 1
                while index < lines.endIndex, let content = quoteContent(of: lines[index], in: bytes) {
                    quoted.append(content)
                    index += 1
                }
                var inner = HTMLBuffer()
                appendBlocks(of: bytes, lines: quoted[...], depth: depth + 1, to: &inner)
                if !inner.isEmpty {
                    appendSeparator(to: &out)
                    out.append("<blockquote>\n")
                    out.append(inner)
                    out.append("\n</blockquote>")
                }
                continue
            }
            let trimmed = UTF8Bytes.trimmingWhitespace(in: bytes, line)
            if trimmed.isEmpty {
                if inParagraph { out.append("</p>") }
                inParagraph = false
            } else {
                // Consecutive non-blank lines form one `<p>`, with `<br>` between lines.
                if inParagraph {
                    out.append("<br>\n")
                } else {
                    appendSeparator(to: &out)
                    out.append("<p>")
                    inParagraph = true
                }
                InlineText.append(bytes, line: trimmed, to: &out)
            }
            index += 1
        }
        if inParagraph { out.append("</p>") }
    }

    private static func appendSeparator(to out: inout HTMLBuffer) {
        if !out.isEmpty { out.append("\n") }
    }

    /// The line without its quotation marker, if it is a quotation line (`> text` or `>`).
    private static func quoteContent(of line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !line.isEmpty, bytes[line.lowerBound] == UInt8(ascii: ">") else { return nil }
        let rest = line.lowerBound + 1
        if rest == line.upperBound { return rest..<rest }
        return bytes[rest] == UInt8(ascii: " ") ? (rest + 1)..<line.upperBound : nil
    }
}
