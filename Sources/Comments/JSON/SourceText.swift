import Diagnostics

/// Turns byte offsets of a UTF-8 source into `file:line:col` locations.
///
/// Lines end at `\n` (a preceding `\r` belongs to the line ending); columns count
/// Unicode scalars from 1, so a column matches what an editor shows for most text.
struct SourceText {
    let file: String
    private let bytes: [UInt8]
    /// Offsets at which each line starts; built on first use, since only errors need it.
    private var lineStarts: [Int] = []

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// The location of the byte at `offset`.
    mutating func location(of offset: Int) -> SourceLocation {
        let (line, start) = lineContaining(offset)
        return SourceLocation(file: file, line: line + 1, column: scalarCount(from: start, to: offset) + 1)
    }

    /// A diagnostic at `offset`, with the offending source line when it is short enough to show.
    mutating func error(at offset: Int, _ message: String, hint: String? = nil, notes: [String] = []) -> Diagnostic {
        let (line, start) = lineContaining(offset)
        let location = SourceLocation(file: file, line: line + 1, column: scalarCount(from: start, to: offset) + 1)
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let shown: String? = end - start <= 200 ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
        return Diagnostic(.error, at: location, message, hint: hint, sourceLine: shown, notes: notes)
    }

    /// The 0-based line number containing `offset` and the offset where that line starts.
    private mutating func lineContaining(_ offset: Int) -> (Int, Int) {
        if lineStarts.isEmpty { buildLineStarts() }
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low, lineStarts[low])
    }

    private mutating func buildLineStarts() {
        // A byte order mark is invisible in editors: columns on line 1 start after it.
        lineStarts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lineStarts.append(index + 1)
        }
    }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        let stop = min(end, bytes.count)
        while index < stop {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
