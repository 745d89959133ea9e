// The scalar-based reader-text renderer magbuild used before it worked on UTF-8 bytes,
// kept as the reference the byte-level renderer must match output for output.

/// Turns untrusted reader text into safe HTML (README, "Reader comments").
///
/// The text is never HTML: every character is escaped, and the only markup that comes
/// out is what the rules below produce. The work is one pass over the text per quote
/// level (at most `maxQuoteDepth`), so even megabyte comments render in linear time.
enum ReferenceReaderText {
    /// Quotations nest at most this deep; deeper `> ` markers are shown as text.
    static let maxQuoteDepth = 4

    /// Blank lines separate paragraphs, single newlines are line breaks, lines starting `> `
    /// are a quotation, bare http(s) URLs become `rel="nofollow ugc noopener"` links;
    /// everything else is escaped.
    ///
    /// CRLF and CR line endings count as LF; control characters other than tab are dropped.
    /// A quotation is a run of consecutive lines starting `> ` (or a lone `>`); its content,
    /// with one marker removed, is rendered by the same rules inside `<blockquote>`.
    /// Blocks are separated by a newline; the result is empty for blank text.
    static func html(from text: String) -> String {
        let lines = normalizedLines(of: text)
        var out = ReferenceHTMLBuffer(capacity: text.utf8.count + text.utf8.count / 8)
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
    private static func appendBlocks(of lines: ArraySlice<Line>, depth: Int, to out: inout ReferenceHTMLBuffer) {
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
                var inner = ReferenceHTMLBuffer()
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
    private static func appendParagraph(_ paragraph: inout [Line], to out: inout ReferenceHTMLBuffer) {
        guard !paragraph.isEmpty else { return }
        appendSeparator(to: &out)
        out.append("<p>")
        for (number, line) in paragraph.enumerated() {
            if number > 0 { out.append("<br>\n") }
            ReferenceInlineText.append(line, to: &out)
        }
        out.append("</p>")
        paragraph.removeAll(keepingCapacity: true)
    }

    private static func appendSeparator(to out: inout ReferenceHTMLBuffer) {
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

/// One line of reader text as HTML: escaped, with bare http(s) URLs linked.
enum ReferenceInlineText {
    /// The `rel` of links in reader text: not endorsed, user-generated, no window access.
    static let linkRel = "nofollow ugc noopener"

    /// Appends `line` escaped, with each bare `http://` or `https://` URL turned into a link.
    static func append(_ line: ArraySlice<Unicode.Scalar>, to out: inout ReferenceHTMLBuffer) {
        var index = line.startIndex
        while index < line.endIndex {
            let scalar = line[index]
            if scalar == "h" || scalar == "H", let end = ReferenceURLScanner.urlEnd(in: line, at: index) {
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

    static func appendEscaped(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout ReferenceHTMLBuffer) {
        for scalar in scalars { appendEscaped(scalar, to: &out) }
    }

    /// Escapes `& < > " '`, which makes the text safe in element content and quoted attributes.
    static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout ReferenceHTMLBuffer) {
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

/// Finds bare http(s) URLs in reader text.
///
/// A URL starts with `http://` or `https://` (any case) not preceded by a letter or digit,
/// has a host starting with a letter, digit or `[`, and runs until whitespace, `<`, `>`
/// or `"`. Trailing punctuation (`.,;:!?'*` and closing quotes) and closing brackets
/// without an opening partner inside the URL are left out, so "(see https://x.example/a)."
/// links just `https://x.example/a`. Every scalar is looked at a constant number of times.
enum ReferenceURLScanner {
    /// The end of the URL starting at `start`, or nil when no URL starts there.
    static func urlEnd(in line: ArraySlice<Unicode.Scalar>, at start: Int) -> Int? {
        if start > line.startIndex, isWordScalar(line[start - 1]) { return nil }
        guard let hostStart = schemeEnd(in: line, at: start), hostStart < line.endIndex,
              isWordScalar(line[hostStart]) || line[hostStart] == "["
        else { return nil }

        var end = hostStart
        var unmatchedParens = 0, unmatchedBrackets = 0
        while end < line.endIndex, !endsURL(line[end]) {
            switch line[end] {
            case "(": unmatchedParens += 1
            case ")": unmatchedParens -= 1
            case "[": unmatchedBrackets += 1
            case "]": unmatchedBrackets -= 1
            default: break
            }
            end += 1
        }
        while end > hostStart + 1 {
            let last = line[end - 1]
            if last == ")" && unmatchedParens < 0 {
                unmatchedParens += 1
            } else if last == "]" && unmatchedBrackets < 0 {
                unmatchedBrackets += 1
            } else if !isTrailingPunctuation(last) {
                break
            }
            end -= 1
        }
        return end
    }

    /// The index after `http://` or `https://` at `start`, compared without case.
    private static func schemeEnd(in line: ArraySlice<Unicode.Scalar>, at start: Int) -> Int? {
        var index = start
        for expected in "http" {
            guard index < line.endIndex, lowercased(line[index]) == expected.unicodeScalars.first else { return nil }
            index += 1
        }
        if index < line.endIndex, lowercased(line[index]) == "s" { index += 1 }
        for expected in "://" {
            guard index < line.endIndex, line[index] == expected.unicodeScalars.first else { return nil }
            index += 1
        }
        return index
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.isASCII, scalar.properties.isUppercase else { return scalar }
        return Unicode.Scalar(UInt8(scalar.value) + 32)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func endsURL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "\"", "`": return true
        default: return scalar.properties.isWhitespace || scalar.value < 0x20
        }
    }

    private static func isTrailingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "'", "*", "_", "~",
             "\u{201C}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{00AB}", "\u{203A}", "\u{2039}", "\u{2026}":
            return true
        default:
            return false
        }
    }
}

/// A growing UTF-8 byte buffer for building HTML one piece at a time.
///
/// Appending to a `[UInt8]` costs a few instructions per byte; appending single
/// scalars to a `String` costs hundreds. Reader text is rendered into this buffer
/// and turned into a `String` once.
struct ReferenceHTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ other: ReferenceHTMLBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends one scalar as UTF-8.
    mutating func append(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

