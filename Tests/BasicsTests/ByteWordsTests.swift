import Basics
import Testing

@Suite struct ByteWordsTests {
    @Test func wordTestsSeeEveryByteAtEveryPosition() {
        for filler: UInt8 in [0x00, 0x20, 0x21, 0x61, 0x7F, 0x80, 0xC1, 0xC3, 0xFF] {
            for value in UInt8.min...UInt8.max {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 9)
                    bytes[position + 1] = value
                    let word = bytes.withUnsafeBufferPointer { ByteWords.word(in: $0, at: 1) }
                    let eight = bytes[1...]
                    #expect(ByteWords.hasByte(word, below: 0x20) == eight.contains { $0 < 0x20 })
                    #expect(ByteWords.hasByte(word, below: 0x80) == eight.contains { $0 < 0x80 })
                    #expect(ByteWords.hasByte(word, below: 1) == eight.contains(0))
                    #expect(ByteWords.hasByte(word, equalTo: 0xC2) == eight.contains(0xC2))
                    #expect(ByteWords.hasByte(word, equalTo: 0x3A) == eight.contains(0x3A))
                    #expect(ByteWords.hasNonASCII(word) == eight.contains { $0 >= 0x80 })
                }
            }
        }
    }

    @Test func theFirstByteIsTheLowestOfTheWord() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        #expect(bytes.withUnsafeBufferPointer { ByteWords.word(in: $0, at: 0) } == 0x0807_0605_0403_0201)
    }
}

extension ByteWordsTests {
    @Test func equalBuffersAreThoseWithTheSameBytes() {
        let base: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        for length in 0...base.count {
            let left = Array(base.prefix(length))
            for position in 0..<max(1, length) {
                var right = left
                if length > 0 { right[position] = UInt8(ascii: "-") }
                left.withUnsafeBufferPointer { l in
                    right.withUnsafeBufferPointer { r in
                        #expect(ByteWords.equal(l, r) == (length == 0), "length \(length), byte \(position)")
                        #expect(ByteWords.equal(l, l))
                    }
                }
            }
            let shorter = Array(left.dropLast())
            left.withUnsafeBufferPointer { l in
                shorter.withUnsafeBufferPointer { s in #expect(ByteWords.equal(l, s) == (length == 0 && shorter.isEmpty)) }
            }
        }
    }
}
