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
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
