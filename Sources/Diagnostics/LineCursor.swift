/// Follows ``SourceText``'s line rule while a lexer walks a text from its start, one byte
/// (or one Unicode scalar) at a time, without building a table of line starts.
///
/// A `\r` ends a line only when no `\n` follows, which the cursor learns from the next
/// byte: ask for the position of a byte with ``position(before:)``, passing that byte
/// (nil at the end of the text), then ``advance(past:)-(UInt8)`` over it.
public struct LineCursor: Sendable, Hashable {
    private var line: Int
    private var column: Int
    /// The last byte was a `\r`: a line ends there unless a `\n` comes next.
    private var afterCarriageReturn = false
    /// Bytes of a byte order mark seen so far at the start of the text (-1: past the start).
    private var byteOrderMarkBytes = 0

    /// A cursor at the start of a text (line 1, column 1).
    public init() {
        line = 1
        column = 1
    }

    /// A cursor at `line`:`column` of a text, not at its start.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
        byteOrderMarkBytes = -1
    }

    /// The 1-based line and column of the byte (or scalar) `next`, which comes next.
    public func position(before next: UInt8?) -> (line: Int, column: Int) {
        afterCarriageReturn && next != SourceText.lineFeed ? (line + 1, 1) : (line, column)
    }

    /// The 1-based line and column of the scalar `next`, which comes next.
    public func position(before next: Unicode.Scalar?) -> (line: Int, column: Int) {
        position(before: next.map { $0.isASCII ? UInt8($0.value) : 0x80 })
    }

    /// Moves past one UTF-8 byte.
    public mutating func advance(past byte: UInt8) {
        if afterCarriageReturn {
            // The line ends after the `\r`, or after the `\n` of `\r\n`.
            afterCarriageReturn = false
            line += 1
            column = 1
            if byte == SourceText.lineFeed { return }
        }
        if skipsByteOrderMark(byte) { return }
        switch byte {
        case SourceText.lineFeed:
            line += 1
            column = 1
        case SourceText.carriageReturn:
            column += 1
            afterCarriageReturn = true
        default:
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// Moves past one Unicode scalar.
    public mutating func advance(past scalar: Unicode.Scalar) {
        for byte in scalar.utf8 { advance(past: byte) }
    }

    /// Whether `byte` belongs to a byte order mark at the start of the text, which takes no
    /// column: its first byte counts as a column until the mark is complete.
    private mutating func skipsByteOrderMark(_ byte: UInt8) -> Bool {
        guard byteOrderMarkBytes >= 0 else { return false }
        guard byteOrderMarkBytes < 3, byte == SourceText.byteOrderMark[byteOrderMarkBytes] else {
            byteOrderMarkBytes = -1
            return false
        }
        byteOrderMarkBytes += 1
        if byteOrderMarkBytes == 3 {
            column -= 1
            byteOrderMarkBytes = -1
            return true
        }
        return byteOrderMarkBytes > 1
    }
}
