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
