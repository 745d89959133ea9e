import Comments
import Diagnostics
import Foundation

/// Checks an export for what Foundation's `XMLParser` on Linux cannot survive, before it
/// reads the file, and locates the first problem: it ends the process on a name or comment
/// that is not valid UTF-8 (`<\u{FF}>`) and on a processing instruction without data
/// (`<?x?>`), also one a document type declaration's entity hides. (Photos' XMP packets are
/// checked for the same in `Images`, `XMPPacket`.)
///
/// WordPress and Disqus write UTF-8, no processing instructions and no document type
/// declaration, so any of them means a damaged or crafted export and is reported at its
/// `file:line:col`. An export that declares a single-byte encoding (ISO-8859-x, windows-125x)
/// is converted by libxml2 and is only checked for the markup; a UTF-16 one is not checked.
/// One streaming pass.
enum ExportPrecheck {
    static let chunkSize = 1 << 16

    /// The error for the first problem, or nil.
    static func problem(in url: URL, file: String) throws -> Diagnostic? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var bytes = ChunkedBytes(handle: handle)
        let start = bytes.prefix(256)
        if start.starts(with: [0xFE, 0xFF]) || start.starts(with: [0xFF, 0xFE]) { return nil }
        let isUTF8 = !declaresSingleByteEncoding(start)

        var decoder = Unicode.UTF8()
        var markup = XMLHazardScanner()
        var cursor = LineCursor()
        while true {
            let scalar: Unicode.Scalar
            if isUTF8 {
                switch decoder.decode(&bytes) {
                case .scalarValue(let value): scalar = value
                case .emptyInput: return nil
                case .error:
                    let (line, column) = cursor.position(before: 0xFF as UInt8)  // the invalid byte
                    return .error(at: SourceLocation(file: file, line: line, column: column),
                                  "the export is not valid UTF-8", hint: "the file may be damaged or in another encoding")
                }
            } else {
                guard let byte = bytes.next() else { return nil }
                scalar = Unicode.Scalar(byte)
            }
            let (line, column) = cursor.position(before: scalar)
            if let (hazard, line, column) = markup.hazard(endedBy: scalar, line: line, column: column) {
                let location = SourceLocation(file: file, line: line, column: column)
                switch hazard {
                case .emptyInstruction:
                    return .error(at: location, "a processing instruction without data ('<?name?>') that the XML parser cannot read")
                case .unnamedInstruction:
                    return .error(at: location, "a processing instruction without a name ('<? '), which the XML parser cannot read safely")
                case .documentType:
                    return .error(
                        at: location, "a document type declaration ('<!DOCTYPE'), which comment exports never have",
                        hint: "its entities can hide what the XML parser cannot read; remove the declaration")
                }
            }
            cursor.advance(past: scalar)
        }
    }

    /// Whether the file starts with a well-formed XML declaration that names ISO-8859-x or
    /// windows-125x (which libxml2 then converts). Only a declaration libxml2 surely honours
    /// counts: `<?xml version="1.x" encoding="…"` (and `standalone`) and `?>`, nothing else; a
    /// broken one (`<?xml ve<p>…<?xml version="1.0" encoding="ISO-8859-1"?>`) leaves the file
    /// UTF-8 to libxml2, so it is checked as UTF-8.
    static func declaresSingleByteEncoding(_ start: [UInt8]) -> Bool {
        var text = Substring(String(decoding: start, as: UTF8.self))
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        guard text.hasPrefix("<?xml"), let end = text.range(of: "?>") else { return false }
        var rest = text[text.index(text.startIndex, offsetBy: 5)..<end.lowerBound]
        var attributes: [(String, String)] = []
        while true {
            let spaced = rest.prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            rest = rest.dropFirst(spaced.count)
            if rest.isEmpty { break }
            guard !spaced.isEmpty else { return false }
            let name = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(name.count).drop { $0 == " " }
            guard !name.isEmpty, rest.first == "=" else { return false }
            rest = rest.dropFirst().drop { $0 == " " }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return false }
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != quote }
            guard value.endIndex < rest.endIndex else { return false }
            rest = rest[rest.index(after: value.endIndex)...]
            attributes.append((String(name), String(value)))
        }
        guard attributes.first?.0 == "version", attributes.first?.1.hasPrefix("1.") == true,
              attributes.count >= 2, attributes[1].0 == "encoding",
              attributes.dropFirst(2).allSatisfy({ $0.0 == "standalone" }), attributes.count <= 3
        else { return false }
        let encoding = attributes[1].1.lowercased()
        return encoding.hasPrefix("iso-8859-") || encoding.hasPrefix("windows-125") || encoding == "latin1"
    }
}

/// Follows comments, CDATA sections and processing instructions one scalar at a time, to find
/// what the parser cannot survive in markup: a processing instruction without a name or data,
/// and a document type declaration, whose entities can hold one out of sight. Inside
/// comments and CDATA sections all of these are text.
private struct XMLHazardScanner {
    enum Hazard {
        case emptyInstruction
        /// `<?` not followed by a name: the parser repairs it and reads on, and may then take
        /// what follows for an instruction this scanner counts as data (`<? <?x?>`).
        case unnamedInstruction
        case documentType
    }

    private enum State { case text, comment, cdata, instructionStart, instruction(hasData: Bool, afterName: Bool) }
    private var state = State.text
    private var recent: [Unicode.Scalar] = []
    private var instructionStart = (line: 1, column: 1)
    /// Where the last `<` outside comments and CDATA sections was.
    private var lastOpening = (line: 1, column: 1)

    /// The hazard that `scalar`, at `line` and `column`, completes, with the position of its `<`.
    mutating func hazard(endedBy scalar: Unicode.Scalar, line: Int, column: Int) -> (Hazard, line: Int, column: Int)? {
        recent.append(scalar)
        if recent.count > 9 { recent.removeFirst(recent.count - 9) }
        switch state {
        case .text:
            if scalar == "<" { lastOpening = (line, column) }
            if ends(with: "<!--") {
                state = .comment
            } else if ends(with: "<![CDATA[") {
                state = .cdata
            } else if ends(with: "<!DOCTYPE") {
                return (.documentType, lastOpening.line, lastOpening.column)
            } else if ends(with: "<?") {
                state = .instructionStart
                instructionStart = (line, column - 1)
                recent.removeAll()
            }
        case .instructionStart:
            guard scalar == "_" || scalar == ":" || scalar.properties.isAlphabetic else {
                return (.unnamedInstruction, instructionStart.line, instructionStart.column)
            }
            state = .instruction(hasData: false, afterName: false)
        case .comment:
            if ends(with: "-->") { state = .text }
        case .cdata:
            if ends(with: "]]>") { state = .text }
        case .instruction(let hasData, let afterName):
            if ends(with: "?>") {
                state = .text
                return hasData ? nil : (.emptyInstruction, instructionStart.line, instructionStart.column)
            }
            if scalar == "?" { return nil }
            if scalar.properties.isWhitespace {
                state = .instruction(hasData: hasData, afterName: true)
            } else if afterName {
                state = .instruction(hasData: true, afterName: true)
            }
        }
        return nil
    }

    private func ends(with text: String) -> Bool {
        recent.reversed().starts(with: text.unicodeScalars.reversed())
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
        let data = (try? handle.read(upToCount: ExportPrecheck.chunkSize)) ?? nil
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        chunk = Array(chunk[position...]) + data
        position = 0
    }
}
