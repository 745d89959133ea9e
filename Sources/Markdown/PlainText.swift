/// Fast character classes for plain text, with an ASCII path: Swift's
/// `Character.isWhitespace` looks up Unicode properties for every character.
enum PlainText {
    /// Unicode's White_Space characters (a fixed set of 25).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Letters and digits: what makes a run of characters a word.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            let lowered = value | 0x20
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(lowered)
        }
        // Latin-1 and Latin Extended letters (Ä, é, ß, ł, …) but not × and ÷.
        if (0xC0...0x24F).contains(value) { return value != 0xD7 && value != 0xF7 }
        // General Punctuation: dashes, quotes, ellipsis.
        if (0x2000...0x206F).contains(value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `text` with every run of whitespace turned into one space, trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                let end = min(index + length, bytes.count)
                let space: Bool
                if lead < 0x80 {
                    space = lead == 0x20 || (0x09...0x0D).contains(lead)
                } else {
                    var value = UInt32(lead) & (0x7F >> length)
                    for position in index + 1..<end { value = value << 6 | UInt32(bytes[position] & 0x3F) }
                    space = Unicode.Scalar(value).map(isWhitespace) ?? false
                }
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
