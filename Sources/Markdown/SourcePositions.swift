import Diagnostics

/// Turns cmark's positions of links into positions in the Markdown source, by magbuild's
/// one line rule (``SourceText``: lines end at `\n`, `\r\n` or a lone `\r`, as in cmark;
/// columns count Unicode scalars from 1): `Über [x](y)` has its link at column 6, byte 7.
struct SourcePositions {
    let text: SourceText

    init(_ source: String) {
        text = SourceText(source)
    }

    /// The 1-based line and scalar column of a 1-based cmark line and byte column.
    ///
    /// cmark reads a NUL byte as U+FFFD, three bytes, so its byte columns run two ahead of the
    /// source after each NUL. Positions on lines the source does not have stay as they are.
    func position(line: Int, byteColumn: Int) -> (line: Int, column: Int) {
        guard let range = text.byteRange(ofLine: line), byteColumn >= 1 else { return (line, byteColumn) }
        var cmarkBytes = 1, column = 1
        var offset = range.lowerBound
        // Up to the line ending: a column past it is the end of the line.
        while offset < range.upperBound, cmarkBytes < byteColumn {
            let byte = text.utf8[offset]
            cmarkBytes += byte == 0 ? 3 : 1
            offset += 1
            if offset == range.upperBound || text.utf8[offset] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The offset at which the text of line `line` starts inside its container blocks: after
    /// the blank and `>` (block quote) markers cmark strips from a paragraph's later lines.
    /// A paragraph line cannot start with `>` itself, which would open a block quote.
    func contentStart(ofLine line: Int) -> Int? {
        guard let range = text.byteRange(ofLine: line) else { return nil }
        var offset = range.lowerBound
        while offset < range.upperBound, [0x20, 0x09, 0x3E].contains(text.utf8[offset]) { offset += 1 }
        return offset
    }

    /// The 1-based byte column of `offset` on line `line` (whose range must hold it).
    func byteColumn(of offset: Int, onLine line: Int) -> Int? {
        guard let range = text.byteRange(ofLine: line), offset >= range.lowerBound else { return nil }
        return offset - range.lowerBound + 1
    }
}
