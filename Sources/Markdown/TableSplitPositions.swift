import CCmarkGFM

/// Repairs the positions cmark-gfm 0.29's table extension gets wrong when a table's header
/// row is the last line of a paragraph (`Text\nA | B\n--|--`).
///
/// The extension moves the lines above the header row into a new paragraph that has no
/// position (line 0), so inlines there report a 0-based line within that paragraph and a
/// 0-based byte column within the line's text (with `\|` read as `|`); and it reports the
/// header row's cells at the paragraph's first line, with columns counted from the start of
/// the paragraph's text. The table node keeps the paragraph's true start.
struct TableSplitPositions {
    let positions: SourcePositions

    /// The corrected 1-based line and byte column of `node` (a link or image) when cmark
    /// misplaced it, else nil.
    func position(of node: CmarkNode, byteColumn: Int) -> (line: Int, byteColumn: Int)? {
        var block = node.parent
        while let candidate = block, !candidate.isBlock { block = candidate.parent }
        guard let block else { return nil }
        if block.type == CMARK_NODE_PARAGRAPH, block.startLine == 0, let table = block.next, table.typeName == "table" {
            // A link whose text spans lines is dated at its closing bracket's line.
            let firstLine = min(node.startLine, node.firstChild?.startLine ?? node.startLine)
            return inParagraphAbove(table, line: firstLine, column: byteColumn)
        }
        if block.typeName == "table_cell", let row = block.parent, row.typeName == "table_header",
           let table = row.parent, let above = table.previous, above.type == CMARK_NODE_PARAGRAPH, above.startLine == 0
        {
            return inHeaderRow(of: table, header: row, column: byteColumn)
        }
        return nil
    }

    /// A position inside the paragraph cut off above `table`: `line` and `column` are 0-based.
    private func inParagraphAbove(_ table: CmarkNode, line: Int, column: Int) -> (line: Int, byteColumn: Int)? {
        let fileLine = table.startLine + line
        guard let start = textStart(ofLine: fileLine, in: table) else { return nil }
        // The paragraph's text reads `\|` as `|`: walk the source byte by byte.
        let bytes = positions.text.utf8
        var offset = start
        for _ in 0..<max(0, column) {
            guard offset < bytes.count else { break }
            let escapedPipe = bytes[offset] == UInt8(ascii: "\\") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "|")
            offset += escapedPipe ? 2 : 1
        }
        return positions.byteColumn(of: offset, onLine: fileLine).map { (fileLine, $0) }
    }

    /// A position in the header row of `table`, whose `column` counts bytes of the whole paragraph text.
    private func inHeaderRow(of table: CmarkNode, header: CmarkNode, column: Int) -> (line: Int, byteColumn: Int)? {
        // The delimiter row ends the table or comes right before its first body row.
        let delimiterLine = header.next.map { $0.startLine - 1 } ?? table.endLine
        let headerLine = delimiterLine - 1
        guard headerLine > table.startLine else { return nil }
        // Bytes of the paragraph's text before the header row's: cmark ends each line with one `\n`.
        var paragraphOffset = 0
        for line in table.startLine..<headerLine {
            guard let start = textStart(ofLine: line, in: table), let range = positions.text.byteRange(ofLine: line) else { return nil }
            paragraphOffset += max(0, range.upperBound - start) + 1
        }
        guard let headerStart = textStart(ofLine: headerLine, in: table) else { return nil }
        let offset = headerStart + column - table.startColumn - paragraphOffset
        return positions.byteColumn(of: offset, onLine: headerLine).map { (headerLine, $0) }
    }

    /// Where the paragraph's text starts on `line`: at the table's (the paragraph's) start
    /// column on its first line, after container markers and blanks on later ones.
    private func textStart(ofLine line: Int, in table: CmarkNode) -> Int? {
        guard line != table.startLine else {
            return positions.text.byteRange(ofLine: line).map { $0.lowerBound + table.startColumn - 1 }
        }
        return positions.contentStart(ofLine: line)
    }
}
