import PropertyBased
import Testing
@testable import Comments

/// Decoding, whitespace and trimming on UTF-8 bytes, checked against the standard library.
@Suite struct UTF8BytesTests {
    @Test func whitespaceIsUnicodeWhiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if UTF8Bytes.isWhitespace(value) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)): isWhitespace is \(UTF8Bytes.isWhitespace(value))")
            }
        }
    }

    @Test func decodesEveryScalarForwardAndBackward() {
        for value in UInt32(0)...0x10FFFF where value % 7 == 0 || value < 0x800 || (0xFFF0...0x10010).contains(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array("a".utf8) + Array(String(scalar).utf8) + Array("b".utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let (decoded, length) = UTF8Bytes.scalar(in: buffer, at: 1, end: buffer.count - 1)
                #expect(decoded == scalar && length == buffer.count - 2)
                #expect(UTF8Bytes.scalarStart(in: buffer, before: buffer.count - 1, from: 0) == 1)
            }
        }
    }

    @Test func illFormedBytesAreOneReplacementEach() {
        let cases: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE2, 0x80],
            [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
        ]
        for bytes in cases {
            bytes.withUnsafeBufferPointer { buffer in
                let (scalar, length) = UTF8Bytes.scalar(in: buffer, at: 0, end: buffer.count)
                #expect(scalar == "\u{FFFD}" && length == 1, "\(bytes)")
                #expect(UTF8Bytes.scalarStart(in: buffer, before: buffer.count, from: 0) == buffer.count - 1, "\(bytes)")
            }
        }
        // A sequence cut short by the end of the range is ill-formed too.
        [UInt8](String("\u{2003}").utf8).withUnsafeBufferPointer { buffer in
            #expect(UTF8Bytes.scalar(in: buffer, at: 0, end: 2) == ("\u{FFFD}", 1))
        }
    }

    @Test func trimsUnicodeWhitespaceAtBothEnds() {
        #expect(trimmed("  a b  ") == "a b")
        #expect(trimmed("\t\u{A0}\u{3000}x\u{2029}\u{202F}\u{1680}") == "x")
        #expect(trimmed("\r\n a \r") == "a")
        #expect(trimmed(" \u{2000}\u{200A} ") == "")
        #expect(trimmed("") == "")
        // Zero-width space and byte order mark are not White_Space.
        #expect(trimmed("\u{200B}x\u{FEFF}") == "\u{200B}x\u{FEFF}")
        // Combining marks are scalars of their own: they stay, even after a space.
        #expect(trimmed(" e\u{301} ") == "e\u{301}")
        #expect(trimmed(" \u{301}x \u{301}") == "\u{301}x \u{301}")
        #expect(trimmed("😀 \u{1F3FD}") == "😀 \u{1F3FD}")
    }

    @Test func trimmingKeepsIllFormedBytes() {
        #expect(trimmedBytes([0x20, 0x80, 0x20]) == [0x80])
        // U+2003 cut short is not whitespace.
        #expect(trimmedBytes([0x20, 0xE2, 0x80]) == [0xE2, 0x80])
        #expect(trimmedBytes([0xE2, 0x80, 0x83, 0xE2, 0x80]) == [0xE2, 0x80])
        #expect(trimmedBytes([0x80, 0x80, 0x83, 0x20]) == [0x80, 0x80, 0x83])
        #expect(trimmedBytes([0x09, 0xC2, 0xA0, 0xFF, 0xC2, 0xA0]) == [0xFF])
    }

    @Test func trimmingMatchesScalarTrimming() async {
        let pieces = ["a", " ", "\t", "\n", "\r", "\u{A0}", "\u{85}", "\u{2000}", "\u{3000}", "\u{200B}", "é", "\u{301}", "😀", "\u{2028}"]
        let text = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }
        await propertyCheck(count: 500, input: text) { text in
            var scalars = Substring(text).unicodeScalars
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            #expect(trimmed(text) == String(scalars), "\(text.debugDescription)")
        }
    }

    private func trimmed(_ text: String) -> String {
        String(decoding: trimmedBytes(Array(text.utf8)), as: UTF8.self)
    }

    private func trimmedBytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buffer in
            Array(buffer[UTF8Bytes.trimmingWhitespace(in: buffer, 0..<buffer.count)])
        }
    }
}
