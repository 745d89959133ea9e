/// Turns untrusted reader text into safe HTML (SPEC §3).
///
/// The text is never HTML: every character is escaped, and the only markup that comes
/// out is what the rules below produce. The work is one pass over the text per quote
/// level (at most `maxQuoteDepth`), so even megabyte comments render in linear time.
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
        let lines = normalizedLines(of: text)
        var out = HTMLBuffer(capacity: text.utf8.count + text.utf8.count / 8)
        appendBlocks(of: lines[...], depth: 0, to: &out)
        return out.string
    }

    typealias Line = ArraySlice<Unicode.Scalar>

    /// The lines of `text` as scalar slices, line endings unified and control characters removed.
    static func normalizedLines(of text: String) -> [Line] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var lineBreaks: [Int] = []
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            switch scalar.value {
            case 0x0A, 0x0D:
                lineBreaks.append(scalars.count)
            case 0x09:
                scalars.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0:
                continue
            default:
                scalars.append(scalar)
            }
        }
        var lines: [Line] = []
        lines.reserveCapacity(lineBreaks.count + 1)
        var start = 0
        for end in lineBreaks {
            lines.append(scalars[start..<end])
            start = end
        }
        lines.append(scalars[start...])
        return lines
    }

    /// Paragraphs and quotations of `lines`, which sit inside `depth` quotations.
    private static func appendBlocks(of lines: ArraySlice<Line>, depth: Int, to out: inout HTMLBuffer) {
        var paragraph: [Line] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            if depth < maxQuoteDepth, let first = quoteContent(of: line) {
                appendParagraph(&paragraph, to: &out)
                var quoted = [first]
                index += 1
                while index < lines.endIndex, let content = quoteContent(of: lines[index]) {
                    quoted.append(content)
                    index += 1
                }
                var inner = HTMLBuffer()
                appendBlocks(of: quoted[...], depth: depth + 1, to: &inner)
                if !inner.isEmpty {
                    appendSeparator(to: &out)
                    out.append("<blockquote>\n")
                    out.append(inner)
                    out.append("\n</blockquote>")
                }
                continue
            }
            let trimmed = trimmingWhitespace(line)
            if trimmed.isEmpty {
                appendParagraph(&paragraph, to: &out)
            } else {
                paragraph.append(trimmed)
            }
            index += 1
        }
        appendParagraph(&paragraph, to: &out)
    }

    /// Writes the collected lines as one `<p>` with `<br>` between lines, and empties them.
    private static func appendParagraph(_ paragraph: inout [Line], to out: inout HTMLBuffer) {
        guard !paragraph.isEmpty else { return }
        appendSeparator(to: &out)
        out.append("<p>")
        for (number, line) in paragraph.enumerated() {
            if number > 0 { out.append("<br>\n") }
            InlineText.append(line, to: &out)
        }
        out.append("</p>")
        paragraph.removeAll(keepingCapacity: true)
    }

    private static func appendSeparator(to out: inout HTMLBuffer) {
        if !out.isEmpty { out.append("\n") }
    }

    /// The line without its quotation marker, if it is a quotation line (`> text` or `>`).
    private static func quoteContent(of line: Line) -> Line? {
        guard let first = line.first, first == ">" else { return nil }
        let rest = line.dropFirst()
        if rest.isEmpty { return rest }
        return rest.first == " " ? rest.dropFirst() : nil
    }

    private static func trimmingWhitespace(_ line: Line) -> Line {
        var start = line.startIndex, end = line.endIndex
        while start < end, line[start].properties.isWhitespace { start += 1 }
        while end > start, line[end - 1].properties.isWhitespace { end -= 1 }
        return line[start..<end]
    }
}
