import Basics

extension JSONReader {
    /// Reads a string literal starting at the opening quote: checks escapes, control
    /// characters and UTF-8, and leaves the position after the closing quote.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let open = position
        position += 1
        var buffer: [UInt8] = []
        var chunkStart = position
        var hasEscapes = false
        while true {
            skipPlainASCII()
            guard let byte = peek() else {
                throw JSONSyntaxError(offset: open, message: "unterminated string")
            }
            switch byte {
            case UInt8(ascii: "\""):
                let end = position
                position += 1
                if !hasEscapes { return String(decoding: bytes[chunkStart..<end], as: UTF8.self) }
                buffer.append(contentsOf: bytes[chunkStart..<end])
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                buffer.append(contentsOf: bytes[chunkStart..<position])
                UTF8.encode(try readEscape()) { buffer.append($0) }
                chunkStart = position
            case 0x00..<0x20:
                let what = byte == 0x0A ? "line break" : "control character"
                throw JSONSyntaxError(offset: position, message: "unescaped \(what) in string (write it as an escape such as \\n)")
            case 0x80...:
                guard let length = utf8SequenceLength(at: position) else {
                    throw JSONSyntaxError(offset: position, message: "invalid UTF-8 in string")
                }
                position += length
            default:
                position += 1
            }
        }
    }

    /// Skips printable ASCII other than `"` and `\`, the bulk of most strings, eight bytes
    /// at a time where it can.
    private mutating func skipPlainASCII() {
        var index = position
        let count = bytes.count
        while index + 8 <= count {
            let word = ByteWords.word(in: bytes, at: index)
            if ByteWords.hasNonASCII(word) || ByteWords.hasByte(word, below: 0x20)
                || ByteWords.hasByte(word, equalTo: 0x22) || ByteWords.hasByte(word, equalTo: 0x5C) {
                break
            }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte >= 0x80 || byte == 0x22 || byte == 0x5C { break }
            index += 1
        }
        position = index
    }

    /// Reads `\x` or `\uXXXX` (with a following low surrogate where needed).
    private mutating func readEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard let byte = peek() else { throw JSONSyntaxError(offset: start, message: "unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeStart: start)
            switch unit {
            case 0xD800..<0xDC00:
                guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError(offset: start, message: "unpaired surrogate in \\u escape")
                }
                let lowStart = position
                position += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw JSONSyntaxError(offset: start, message: "unpaired surrogate in \\u escape")
                }
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            case 0xDC00..<0xE000:
                throw JSONSyntaxError(offset: start, message: "unpaired surrogate in \\u escape")
            default:
                return Unicode.Scalar(unit) ?? "\u{FFFD}"
            }
        default:
            throw JSONSyntaxError(offset: start, message: "invalid escape '\\\(describeEscaped(byte))' in string")
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw JSONSyntaxError(offset: escapeStart, message: "\\u must be followed by four hex digits")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func describeEscaped(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "?"
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (RFC 3629: no overlong
    /// forms, no surrogates, nothing above U+10FFFF), or nil.
    func utf8SequenceLength(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= low, second <= high else { return nil }
        for index in (offset + 2)..<(offset + length) where bytes[index] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
