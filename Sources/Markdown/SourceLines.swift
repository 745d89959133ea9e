/// The lines of a Markdown source, to turn cmark's byte columns into
/// character columns (`Über [x](y)`: the link starts at column 6, byte 7).
struct SourceLines {
    private let bytes: [UInt8]
    /// Byte offset at which each line starts; lines end at `\n`, `\r\n` or `\r`, as in cmark.
    private let lineStarts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                index += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                starts.append(index)
            }
        }
        lineStarts = starts
    }

    /// The 1-based character column of the 1-based `byteColumn` on `line`.
    /// Positions outside the source are returned unchanged.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self).count + 1
    }
}
