import Testing
import Diagnostics

@Suite struct SourceTextTests {
    @Test func lineEndingsOfEveryKindEndALine() {
        let text = SourceText("a\nb\r\nc\rd")
        #expect(text.lineCount == 4)
        #expect((1...4).compactMap { text.line($0) } == ["a", "b", "c", "d"])
        #expect(text.line(5) == nil)
    }

    @Test func aFinalLineEndingStartsAnEmptyLine() {
        #expect(SourceText("").lineCount == 1)
        #expect(SourceText("a\n").lineCount == 2)
        #expect(SourceText("a\r").lineCount == 2)
        #expect(SourceText("a\r\n").lineCount == 2)
        #expect(SourceText("\r\r\n\n").lineCount == 4)
        #expect(SourceText("a\n").position(ofByte: 2) == (2, 1))
    }

    @Test func columnsCountUnicodeScalarsFromOne() {
        let text = SourceText("Über\r\nx e\u{301}z")
        // `z` is byte 6 + 4 of line 2: `x`, space, `e`, U+0301.
        let z = text.utf8.lastIndex(of: UInt8(ascii: "z")) ?? 0
        #expect(text.position(ofByte: z) == (2, 5))
        #expect(text.position(ofByte: 0) == (1, 1))
        #expect(text.position(ofByte: 2) == (1, 2))  // `b`, after the two bytes of `Ü`
        #expect(text.byteOffset(line: 2, column: 5) == z)
        #expect(text.byteOffset(line: 1, column: 99) == 5)
    }

    @Test func aByteOrderMarkTakesNoColumn() {
        let text = SourceText("\u{FEFF}ab")
        #expect(text.position(ofByte: 3) == (1, 1))
        #expect(text.position(ofByte: 4) == (1, 2))
        #expect(text.line(1) == "ab")
    }

    @Test func positionsPastTheEndAreTheEnd() {
        let text = SourceText("ab\ncd")
        #expect(text.position(ofByte: 99) == (2, 3))
        #expect(text.position(ofByte: -4) == (1, 1))
    }

    @Test func diagnosticSourceLinesFollowTheRule() {
        #expect(Diagnostic.line(2, of: "one\rtwo\rthree") == "two")
        #expect(Diagnostic.line(3, of: "one\r\ntwo\r\nthree") == "three")
    }

    /// The cursor agrees with the table on every scalar of texts made of the tricky pieces.
    @Test func theCursorAgreesWithTheTable() {
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0xC3, 0x9C], [0x00], [0xEF, 0xBB, 0xBF], [0xFF], [0x09]]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += pieces.randomElement(using: &generator) ?? []
            }
            let table = SourceText(utf8: bytes)
            var cursor = LineCursor()
            // Positions are asked for where a scalar starts, never inside one.
            for (offset, byte) in bytes.enumerated() {
                #expect(byte & 0xC0 == 0x80 || cursor.position(before: byte) == table.position(ofByte: offset),
                        "byte \(offset) of \(bytes)")
                cursor.advance(past: byte)
            }
            let end = cursor.position(before: nil as UInt8?)
            #expect(end == table.position(ofByte: bytes.count), "end of \(bytes)")
            #expect(end.line == table.lineCount, "the end is on the last line of \(bytes)")
        }
    }

    @Test func theCursorReadsScalarsLikeBytes() {
        var cursor = LineCursor()
        for scalar in "a\r\u{FC}\r\nb".unicodeScalars { cursor.advance(past: scalar) }
        #expect(cursor.position(before: nil as Unicode.Scalar?) == (3, 2))
        var resumed = LineCursor(line: 7, column: 3)
        resumed.advance(past: UInt8(ascii: "\r"))
        #expect(resumed.position(before: UInt8(ascii: "x")) == (8, 1))
    }
}
