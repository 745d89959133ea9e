import Diagnostics
import Foundation

/// Checks that a UTF-8 export really is UTF-8 before `XMLParser` reads it.
///
/// Foundation's `XMLParser` on Linux traps (crashes the process) when libxml2 hands it an
/// element, attribute or processing-instruction name that is not valid UTF-8, e.g. `<\u{FF}>`.
/// WordPress and Disqus write UTF-8, so such a byte means a damaged export: it is reported at
/// its `file:line:col` instead. Exports that declare another encoding are left to libxml2,
/// which converts them. The file is read in chunks, like the parser reads it.
enum ExportEncoding {
    static let chunkSize = 1 << 16

    /// The error for the first byte that is not UTF-8, or nil when the export is well encoded
    /// or declares an encoding other than UTF-8.
    static func problem(in url: URL, file: String) throws -> Diagnostic? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var bytes = ChunkedBytes(handle: handle)
        guard declaresUTF8(bytes.prefix(256)) else { return nil }

        var decoder = Unicode.UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return .error(at: SourceLocation(file: file, line: line, column: column),
                              "the export is not valid UTF-8", hint: "the file may be damaged or in another encoding")
            }
        }
    }

    /// Whether the document is UTF-8: no UTF-16 byte order mark, and an XML declaration
    /// that names no encoding or names UTF-8.
    static func declaresUTF8(_ start: [UInt8]) -> Bool {
        if start.starts(with: [0xFE, 0xFF]) || start.starts(with: [0xFF, 0xFE]) { return false }
        let text = String(decoding: start, as: UTF8.self)
        guard text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml"),
              let end = text.range(of: "?>"), let encoding = text[..<end.lowerBound].range(of: "encoding")
        else { return true }
        let value = text[encoding.upperBound..<end.lowerBound]
            .drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" && $0 != " " }
        return ["utf-8", "utf8"].contains(value.lowercased())
    }
}

/// The bytes of a file as an iterator, read a chunk at a time.
private struct ChunkedBytes: IteratorProtocol {
    let handle: FileHandle
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The first `count` bytes, without consuming them.
    mutating func prefix(_ count: Int) -> [UInt8] {
        while chunk.count - position < count, !atEnd { readChunk() }
        return Array(chunk[position..<min(chunk.count, position + count)])
    }

    mutating func next() -> UInt8? {
        if position == chunk.count { readChunk() }
        guard position < chunk.count else { return nil }
        defer { position += 1 }
        return chunk[position]
    }

    private mutating func readChunk() {
        let data = (try? handle.read(upToCount: ExportEncoding.chunkSize)) ?? nil
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        chunk = Array(chunk[position...]) + data
        position = 0
    }
}
