import Foundation

/// Counts words in text fed piece by piece: runs of non-whitespace that
/// contain a letter or digit (`it’s`, `2022.`, but not a lone `–`).
struct WordCounter {
    private(set) var count = 0
    private var inWord = false

    mutating func add(_ text: String) {
        for scalar in text.unicodeScalars { add(scalar) }
    }

    /// Counts the words of UTF-8 bytes (a cmark literal) without making a Swift string of them.
    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                add(Unicode.Scalar(lead))
                index += 1
                continue
            }
            // A multi-byte sequence: 110xxxxx, 1110xxxx or 11110xxx, then 10xxxxxx bytes.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (0x7F >> length)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            index += length
            add(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
    }

    @inline(__always)
    private mutating func add(_ scalar: Unicode.Scalar) {
        if PlainText.isWhitespace(scalar) {
            inWord = false
        } else if !inWord && PlainText.isWordCharacter(scalar) {
            inWord = true
            count += 1
        }
    }

    /// Ends the current word (at a block boundary or line break).
    mutating func breakWord() {
        inWord = false
    }
}
