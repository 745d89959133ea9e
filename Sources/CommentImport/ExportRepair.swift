import Diagnostics
import Foundation

/// Mends the damage that old WordPress exports are known for, which WordPress's own
/// importer reads leniently, so that the XML parser can read them:
///
/// - **Nested CDATA sections** (`<![CDATA[ a <![CDATA[ b ]]> c ]]>`), written by versions
///   that wrapped content already in CDATA: the inner markers are removed (`a  b  c`). A
///   `<![CDATA[` that is plain text inside a section (`…<![CDATA[ …]]></x>`) and WordPress's
///   own split `]]]]><![CDATA[>` are left alone.
/// - **Control characters** XML does not allow (U+0000–U+001F but tab, line feed and
///   carriage return): vertical tab and form feed become spaces, the others are removed.
///
/// Repairs never remove a line break, so the parser's lines stay the file's. One streaming
/// pass finds whether anything needs mending; only then a second pass writes the mended copy
/// to a temporary file. Memory holds one chunk and, while a nested section is being decided,
/// that section. UTF-16 exports (told by their byte-order mark or first bytes) are left to
/// the parser: their bytes are not characters.
enum ExportRepair {
    /// How many repairs of one kind are reported with their location; the rest are counted.
    static let locatedPerKind = 10

    struct Result {
        /// The mended copy (the caller deletes it), nil when the export needs no repair.
        var copy: URL?
        /// The first few repairs of each kind, then how many more.
        var repairs: [Diagnostic] = []
        /// Every repair made.
        var count = 0
    }

    static func repaired(_ url: URL, file: String) throws -> Result {
        guard !isUTF16(url) else { return Result() }
        var scan = Mender(file: file)
        try scan.run(url, into: nil)
        guard scan.repairCount > 0 else { return Result() }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-repaired-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: copy.path, contents: nil) else {
            throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot write a repaired copy of the export to \(copy.path)")])
        }
        do {
            let output = try FileHandle(forWritingTo: copy)
            defer { try? output.close() }
            var mend = Mender(file: file)
            try mend.run(url, into: output)
            return Result(copy: copy, repairs: mend.report(), count: mend.repairCount)
        } catch {
            try? FileManager.default.removeItem(at: copy)
            throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot write a repaired copy of the export: \(error.localizedDescription)")])
        }
    }

    /// Whether the file starts as UTF-16 does: a byte-order mark, or `<` beside a zero byte.
    static func isUTF16(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let start = [UInt8]((try? handle.read(upToCount: 2)) ?? Data())
        return start == [0xFE, 0xFF] || start == [0xFF, 0xFE] || start == [0x00, 0x3C] || start == [0x3C, 0x00]
    }
}

/// The state machine of ``ExportRepair``: markup, comments and CDATA sections, byte by byte.
private struct Mender {
    private enum State { case text, tagName, comment, cdata, nested }

    let file: String
    private var state = State.text
    /// Open CDATA sections while a nested one is pending (2 at the first nested opening).
    private var depth = 0
    /// The section from its first nested `<![CDATA[` on, held until it is clear what it is.
    private var pending: [UInt8] = []
    private var nestedStart = (line: 1, column: 1)
    /// The name of the last start tag, whose end tag closes a section's element.
    private var element: [UInt8] = []
    private var line = 1, column = 1

    private var out: [UInt8] = []
    private var output: FileHandle?
    /// The first failed write; nothing more is written after it.
    private var writeFailure: (any Error)?
    /// The last two bytes written, so a mended section cannot make `]]>` with them.
    private var tail: (UInt8, UInt8) = (0, 0)
    private var nestedRepairs: [Diagnostic] = [], nestedCount = 0
    private var controlRepairs: [Diagnostic] = [], controlCount = 0

    var repairCount: Int { nestedCount + controlCount }

    init(file: String) {
        self.file = file
    }

    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    /// Bytes kept ahead of the position: white space after `]]>` (up to 4 KiB) and an end tag.
    private static let lookahead = 8192
    private static let longestName = 256

    mutating func run(_ url: URL, into output: FileHandle?) throws {
        self.output = output
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        var buffer: [UInt8] = []
        var position = 0
        var atEnd = false
        while true {
            if buffer.count - position < Self.lookahead + 16, !atEnd {
                buffer.removeFirst(position)
                position = 0
                if let data = try input.read(upToCount: 1 << 20), !data.isEmpty { buffer += data } else { atEnd = true }
            }
            guard position < buffer.count else { break }
            let plain = skipPlain(buffer, from: position)
            position += plain
            // Back to the refill first: a marker must never be cut at the buffer's end.
            if plain == 0 { position += step(buffer, at: position) }
        }
        if state == .nested { emit(pending) }
        flush(force: true)
        if let writeFailure { throw writeFailure }
    }

    /// The mended export's repair messages: the first few of each kind, then a count.
    func report() -> [Diagnostic] {
        var all = nestedRepairs + controlRepairs
        for (count, shown, what) in [(nestedCount, nestedRepairs.count, "nested CDATA sections"),
                                     (controlCount, controlRepairs.count, "control characters")] where count > shown {
            all.append(.warning(at: SourceLocation(file: file), "\(count - shown) more \(what) repaired"))
        }
        return all
    }

    /// Passes over the bytes from `start` that can begin no marker and need no repair, in
    /// one go (most of an export; byte-by-byte `step` made the check cost a fifth of the
    /// import's time on a 250 MB export); returns how many it consumed.
    private mutating func skipPlain(_ bytes: [UInt8], from start: Int) -> Int {
        guard state != .tagName else { return 0 }
        let end = bytes.withUnsafeBufferPointer { buffer -> Int in
            var j = start
            while j < buffer.count {
                let byte = buffer[j]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte >= 0x20 || byte == 0x09 || byte == 0x0D {
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "-") { break }
                    if byte & 0xC0 != 0x80 { column += 1 }
                } else {
                    break
                }
                j += 1
            }
            return j
        }
        guard end > start else { return 0 }
        if state == .nested { pending += bytes[start..<end] } else { emit(bytes[start..<end]) }
        return end - start
    }

    /// Handles the byte at `i` (and the marker starting there); returns how many bytes it consumed.
    private mutating func step(_ bytes: [UInt8], at i: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
            controlCount += 1
            if controlRepairs.count < ExportRepair.locatedPerKind {
                let code = String(byte, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: 4 - code.count) + code
                controlRepairs.append(.warning(
                    at: location(line, column),
                    byte == 0x0B || byte == 0x0C
                        ? "replaced a control character (\(name)) that XML does not allow by a space"
                        : "removed a control character (\(name)) that XML does not allow"))
            }
            if byte == 0x0B || byte == 0x0C {
                _ = consume(bytes, i, 1, keep: false)
                if state == .nested { pending.append(0x20) } else { emit([0x20]) }
                return 1
            }
            return consume(bytes, i, 1, keep: false)
        }
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") {
                if matches(bytes, i, Self.cdataOpen) {
                    state = .cdata
                    return consume(bytes, i, Self.cdataOpen.count)
                }
                if matches(bytes, i, Self.commentOpen) {
                    state = .comment
                    return consume(bytes, i, Self.commentOpen.count)
                }
                if i + 1 < bytes.count, Self.isNameByte(bytes[i + 1]) {
                    state = .tagName
                    element = []
                }
            }
            return consume(bytes, i, 1)
        case .tagName:
            if Self.isNameByte(byte), element.count < Self.longestName { element.append(byte) } else { state = .text }
            return consume(bytes, i, 1)
        case .comment:
            if matches(bytes, i, Self.commentClose) {
                state = .text
                return consume(bytes, i, Self.commentClose.count)
            }
            return consume(bytes, i, 1)
        case .cdata:
            if matches(bytes, i, Self.cdataClose) {
                state = .text
                return consume(bytes, i, Self.cdataClose.count)
            }
            if matches(bytes, i, Self.cdataOpen) {
                state = .nested
                depth = 2
                pending = []
                nestedStart = (line, column)
                return consume(bytes, i, Self.cdataOpen.count, toPending: true)
            }
            return consume(bytes, i, 1)
        case .nested:
            return stepNested(bytes, at: i)
        }
    }

    /// Inside a section that holds a `<![CDATA[`: decides at each `]]>` whether it closes a
    /// nested section (keep going), the whole section (mend it when every nested one closed)
    /// or is WordPress's split idiom (no nesting after all).
    private mutating func stepNested(_ bytes: [UInt8], at i: Int) -> Int {
        if matches(bytes, i, Self.cdataOpen) {
            depth += 1
            return consume(bytes, i, Self.cdataOpen.count, toPending: true)
        }
        if matches(bytes, i, Self.cdataClose) {
            let after = i + Self.cdataClose.count
            if matches(bytes, after, Self.cdataOpen) || (endsElement(bytes, after) && depth > 1) {
                // Plain text after all: the section ends here as a strict parser reads it.
                emit(pending)
                pending = []
                state = .text
                return consume(bytes, i, Self.cdataClose.count)
            }
            if endsElement(bytes, after) {
                mendPending()
                state = .text
                return consume(bytes, i, Self.cdataClose.count)
            }
            depth = max(1, depth - 1)
            return consume(bytes, i, Self.cdataClose.count, toPending: true)
        }
        if depth == 1, bytes[i] == UInt8(ascii: "<"), matches(bytes, i + 1, [UInt8(ascii: "/")] + element) {
            // The element ends while the section is open: the `]]>` taken for a nested
            // close ended the section; leave everything as it was.
            emit(pending)
            pending = []
            state = .text
            return step(bytes, at: i)
        }
        if pending.count > 64 << 20 {
            emit(pending)
            pending = []
            state = .cdata
        }
        return consume(bytes, i, 1, toPending: state == .nested)
    }

    /// Writes the pending section without its nested markers (the outer `<![CDATA[` is out
    /// already; the caller consumes the closing `]]>`, which is kept).
    private mutating func mendPending() {
        var text: [UInt8] = []
        text.reserveCapacity(pending.count)
        var i = 0
        while i < pending.count {
            if matches(pending, i, Self.cdataOpen) { i += Self.cdataOpen.count; continue }
            if matches(pending, i, Self.cdataClose) { i += Self.cdataClose.count; continue }
            text.append(pending[i])
            // Two brackets and a '>' that meet only now must not end the section.
            if text.count >= 3, text[text.count - 3] == UInt8(ascii: "]"), text[text.count - 2] == UInt8(ascii: "]"),
               text[text.count - 1] == UInt8(ascii: ">") {
                text.removeLast()
                text += Array("]]><![CDATA[>".utf8)
            }
            i += 1
        }
        // `]]` written before the nested section and a `>` that now follows it would end the section.
        if text.first == UInt8(ascii: ">"), tail == (UInt8(ascii: "]"), UInt8(ascii: "]")) { emit(Array("]]><![CDATA[".utf8)) }
        emit(text)
        pending = []
        nestedCount += 1
        if nestedRepairs.count < ExportRepair.locatedPerKind {
            nestedRepairs.append(.warning(
                at: location(nestedStart.line, nestedStart.column),
                "unwrapped a CDATA section nested in another (a bug of old WordPress exports)"))
        }
    }

    /// Whether `bytes` at `i`, after white space, start the end tag of the section's element.
    private func endsElement(_ bytes: [UInt8], _ i: Int) -> Bool {
        var j = i
        while j < bytes.count, j - i < Self.lookahead / 2, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
        return matches(bytes, j, Array("</".utf8) + element)
    }

    /// Moves past `count` bytes at `i`: out to the output (or the pending section), unless
    /// `keep` is false; lines and columns follow the input.
    private mutating func consume(_ bytes: [UInt8], _ i: Int, _ count: Int, keep: Bool = true, toPending: Bool = false) -> Int {
        for byte in bytes[i..<i + count] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        if keep {
            if toPending { pending += bytes[i..<i + count] } else { emit(bytes[i..<i + count]) }
        }
        return count
    }

    private mutating func emit<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        guard output != nil, writeFailure == nil, !bytes.isEmpty else { return }
        out += bytes
        tail = out.count >= 2 ? (out[out.count - 2], out[out.count - 1]) : (tail.1, out[out.count - 1])
        if out.count >= 1 << 20 { flush(force: false) }
    }

    private mutating func flush(force: Bool) {
        guard let output, writeFailure == nil, !out.isEmpty, force || out.count >= 1 << 20 else { return }
        do { try output.write(contentsOf: out) } catch { writeFailure = error }
        out.removeAll(keepingCapacity: true)
    }

    private func matches(_ bytes: [UInt8], _ i: Int, _ marker: [UInt8]) -> Bool {
        guard i >= 0, i + marker.count <= bytes.count else { return false }
        for k in 0..<marker.count where bytes[i + k] != marker[k] { return false }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
