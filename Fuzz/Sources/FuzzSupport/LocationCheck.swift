import Diagnostics

/// The invariant of every located diagnostic: it names a position the text has under
/// magbuild's one line rule (``SourceText``: `\n`, `\r\n` and a lone `\r` end a line,
/// columns count Unicode scalars from 1): a line in `1...lineCount`, and a column from 1
/// to one past the end of that line.
public enum LocationCheck {
    public static func require(line: Int, column: Int, in text: SourceText, _ what: @autoclosure () -> String,
                               file: StaticString = #fileID, sourceLine: UInt = #line) {
        Invariant.require(line >= 1 && line <= text.lineCount,
                          "\(what()) at line \(line) of \(text.lineCount)", file: file, line: sourceLine)
        let lineEnd = text.byteRange(ofLine: line).map { text.position(ofByte: $0.upperBound).column } ?? 1
        Invariant.require(column >= 1 && column <= lineEnd,
                          "\(what()) at column \(column) of line \(line), which ends at column \(lineEnd)",
                          file: file, line: sourceLine)
    }

    public static func require(_ location: SourceLocation, in text: SourceText, _ what: @autoclosure () -> String,
                               file: StaticString = #fileID, sourceLine: UInt = #line) {
        require(line: location.line, column: location.column, in: text, what(), file: file, sourceLine: sourceLine)
    }
}
