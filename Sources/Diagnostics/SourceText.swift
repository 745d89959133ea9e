/// The one rule by which magbuild numbers lines and columns in every located diagnostic,
/// and a text's positions under it.
///
/// **Lines** end at `\n`, at `\r\n` (one line ending) and at a lone `\r`, as in cmark-gfm,
/// libyaml and the editors magazine staff use. A text has one line more than it has line
/// endings: `"a\n"` has two lines, the second empty, so the end of the text is always on a line.
///
/// **Columns** are 1-based and count Unicode scalars from the start of the line (`Ü` is one
/// column, `e` plus a combining accent two). A byte order mark at the very start of the text
/// takes no column. The bytes of a line ending belong to the line they end.
///
/// The lexers that walk a text byte by byte keep the same rule with ``LineCursor``.
public struct SourceText: Sendable {
    /// The text's UTF-8 bytes.
    public let utf8: [UInt8]
    /// The byte offset at which each line starts; line 1 starts after a byte order mark.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    public init(utf8 bytes: [UInt8]) {
        utf8 = bytes
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// How many lines the text has under the rule (at least 1).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of the byte at `offset`; offsets past the end are the end.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), utf8.count)
        let index = lineIndex(containing: offset)
        let start = lineStarts[index]
        return (index + 1, offset < start ? 1 : Self.scalarCount(utf8, from: start, to: offset) + 1)
    }

    /// The location of the byte at `offset` in `file`.
    public func location(ofByte offset: Int, in file: String) -> SourceLocation {
        let (line, column) = position(ofByte: offset)
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The bytes of line `number` (1-based) without its line ending, or nil past the last line.
    public func byteRange(ofLine number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : utf8.count
        if end > start, utf8[end - 1] == Self.lineFeed { end -= 1 }
        if end > start, utf8[end - 1] == Self.carriageReturn { end -= 1 }
        return start..<end
    }

    /// The text of line `number` (1-based) without its line ending, or nil past the last line.
    public func line(_ number: Int) -> String? {
        byteRange(ofLine: number).map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    /// The byte offset of `column` (1-based, in scalars) on line `line`; a column past the
    /// line's end gives the offset of its line ending. Nil for a line the text does not have.
    public func byteOffset(line: Int, column: Int) -> Int? {
        guard let range = byteRange(ofLine: line) else { return nil }
        var offset = range.lowerBound
        var remaining = max(1, column) - 1
        while offset < range.upperBound {
            if utf8[offset] & 0xC0 != 0x80 {
                if remaining == 0 { return offset }
                remaining -= 1
            }
            offset += 1
        }
        return range.upperBound
    }

    /// Where `needle` first occurs in the text (compared byte for byte), or nil.
    public func location(of needle: String, in file: String) -> SourceLocation? {
        let pattern = Array(needle.utf8)
        guard let offset = Self.firstOffset(of: pattern, in: utf8) else { return nil }
        return location(ofByte: offset, in: file)
    }

    /// The 1-based column (in scalars) where `needle` first occurs in `line`, or nil.
    public static func column(of needle: String, in line: String) -> Int? {
        let bytes = Array(line.utf8)
        guard let offset = firstOffset(of: Array(needle.utf8), in: bytes) else { return nil }
        return scalarCount(bytes, from: 0, to: offset) + 1
    }

    /// The first offset at which `pattern` (not empty) occurs in `bytes`.
    static func firstOffset(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    // MARK: - The rule

    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [bytes.starts(with: byteOrderMark) ? 3 : 0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if byte == carriageReturn {
                    if index < buffer.count, buffer[index] == lineFeed { index += 1 }
                    starts.append(index)
                } else if byte == lineFeed {
                    starts.append(index)
                }
            }
        }
        return starts
    }

    /// The 0-based index of the line holding `offset` (binary search).
    private func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Unicode scalars that start in `bytes[start..<end]` (bytes that are not UTF-8
    /// continuation bytes, so an invalid byte counts as one, as U+FFFD would).
    static func scalarCount(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<min(end, bytes.count) where bytes[index] & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }
}
