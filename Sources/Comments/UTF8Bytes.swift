/// Reading UTF-8 bytes scalar by scalar, without decoding text into `Character`s or
/// scalar arrays.
///
/// Every function works inside an explicit byte range and never reads outside it.
/// Ill-formed UTF-8 (which a Swift `String` never holds, but raw bytes may) reads as one
/// U+FFFD per offending byte: neither whitespace nor a letter, so it is kept, never skipped.
enum UTF8Bytes {
    /// The scalar at `index` and its length in bytes; `index` must be below `end`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0: length = 3; value = 0; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xED: length = 3; value = 0x0D; high = 0x9F
        case 0xF0: length = 4; value = 0; low = 0x90
        case 0xF1...0xF3: length = 4; value = UInt32(lead & 0x07)
        case 0xF4: length = 4; value = 4; high = 0x8F
        default: return (replacement, 1)
        }
        guard end - index >= length else { return (replacement, 1) }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return (replacement, 1) }
        value = value << 6 | UInt32(second & 0x3F)
        var offset = 2
        while offset < length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
            offset += 1
        }
        return (Unicode.Scalar(value) ?? replacement, length)
    }

    /// Where the scalar that ends just before `end` starts, not before `start`; `end` must be above `start`.
    static func scalarStart(in bytes: UnsafeBufferPointer<UInt8>, before end: Int, from start: Int) -> Int {
        var candidate = end - 1
        while candidate > start, end - candidate < 4, bytes[candidate] & 0xC0 == 0x80 { candidate -= 1 }
        if candidate == end - 1 { return candidate }
        return scalar(in: bytes, at: candidate, end: end).1 == end - candidate ? candidate : end - 1
    }

    /// Unicode `White_Space`, the set `Unicode.Scalar.Properties.isWhitespace` tests.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `range` without the whitespace scalars at either end.
    static func trimmingWhitespace(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end {
            let byte = bytes[start]
            if byte == 0x20 || byte == 0x09 {
                start += 1
            } else if byte < 0x80 {
                if byte < 0x09 || byte > 0x0D { break }
                start += 1
            } else {
                let (scalar, length) = scalar(in: bytes, at: start, end: end)
                guard isWhitespace(scalar.value) else { break }
                start += length
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard isWhitespace(UInt32(byte)) else { break }
                end -= 1
            } else {
                let scalarStart = scalarStart(in: bytes, before: end, from: start)
                guard isWhitespace(scalar(in: bytes, at: scalarStart, end: end).0.value) else { break }
                end = scalarStart
            }
        }
        return start..<end
    }

    private static let replacement: Unicode.Scalar = "\u{FFFD}"
}
