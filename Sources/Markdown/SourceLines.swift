/// Turns cmark's byte columns into character columns of the Markdown
/// source (`Über [x](y)`: the link starts at column 6, byte 7).
struct SourceLines {
    private let source: String

    init(_ source: String) {
        self.source = source
    }

    /// Maps 1-based `(line, byteColumn)` positions to `(line, characterColumn)`.
    /// Lines end at `\n`, `\r\n` or `\r`, as in cmark; positions outside the source stay as they are.
    func characterColumns(_ positions: [(line: Int, byteColumn: Int)]) -> [Int] {
        let lastLine = positions.map(\.line).max() ?? 0
        var source = source
        return source.withUTF8 { bytes in
            let starts = Self.lineStarts(bytes, upTo: lastLine)
            return positions.map { line, byteColumn in
                guard line >= 1, line <= starts.count, byteColumn >= 1 else { return byteColumn }
                let start = starts[line - 1]
                let prefix = UnsafeBufferPointer(rebasing: bytes[start..<min(start + byteColumn - 1, bytes.count)])
                guard prefix.contains(where: { $0 >= 0x80 }) else { return byteColumn }
                return String(decoding: prefix, as: UTF8.self).count + 1
            }
        }
    }

    /// Byte offsets at which lines 1 through `lastLine` start (fewer if the source is shorter).
    private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>, upTo lastLine: Int) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count && starts.count < lastLine {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") {
                index += 1
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                starts.append(index)
            }
        }
        return starts
    }
}
