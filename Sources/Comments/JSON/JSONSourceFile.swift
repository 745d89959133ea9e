import Diagnostics

/// Turns byte offsets of a comments file into `file:line:col` locations, by magbuild's one
/// line rule (``SourceText``: `\n`, `\r\n` and a lone `\r` end a line; columns count Unicode
/// scalars from 1, after a byte order mark).
struct JSONSourceFile {
    let file: String
    private let bytes: [UInt8]
    /// The lines of the file; built on first use, since only errors need them.
    private var text: SourceText?

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// The location of the byte at `offset`.
    mutating func location(of offset: Int) -> SourceLocation {
        lines().location(ofByte: offset, in: file)
    }

    /// A diagnostic at `offset`, with the offending source line when it is short enough to show.
    mutating func error(at offset: Int, _ message: String, hint: String? = nil, notes: [String] = []) -> Diagnostic {
        let lines = lines()
        let location = lines.location(ofByte: offset, in: file)
        let shown = lines.byteRange(ofLine: location.line).flatMap { range in
            range.count <= 200 ? String(decoding: bytes[range], as: UTF8.self) : nil
        }
        return Diagnostic(.error, at: location, message, hint: hint, sourceLine: shown, notes: notes)
    }

    private mutating func lines() -> SourceText {
        if let text { return text }
        let built = SourceText(utf8: bytes)
        text = built
        return built
    }
}
