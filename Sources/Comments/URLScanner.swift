/// Finds bare http(s) URLs in reader text, working on its UTF-8 bytes.
///
/// A URL starts with `http://` or `https://` (any case) not preceded by a letter or digit,
/// has a host starting with a letter, digit or `[`, and runs until whitespace, `<`, `>`
/// or `"`. Trailing punctuation (`.,;:!?'*` and closing quotes) and closing brackets
/// without an opening partner inside the URL are left out, so "(see https://x.example/a)."
/// links just `https://x.example/a`. Every byte is looked at a constant number of times.
enum URLScanner {
    /// The end of the URL starting at byte `start` of `line`, or nil when no URL starts there.
    static func urlEnd(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, at start: Int) -> Int? {
        if start > line.lowerBound {
            let previous = UTF8Bytes.scalarStart(in: bytes, before: start, from: line.lowerBound)
            if isWordScalar(UTF8Bytes.scalar(in: bytes, at: previous, end: start).0) { return nil }
        }
        guard let hostStart = schemeEnd(in: bytes, line: line, at: start), hostStart < line.upperBound else { return nil }
        let (hostScalar, hostLength) = UTF8Bytes.scalar(in: bytes, at: hostStart, end: line.upperBound)
        guard isWordScalar(hostScalar) || hostScalar == "[" else { return nil }

        var end = hostStart
        var unmatchedParens = 0, unmatchedBrackets = 0
        scan: while end < line.upperBound {
            let byte = bytes[end]
            if byte >= 0x80 {
                let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: end, end: line.upperBound)
                if UTF8Bytes.isWhitespace(scalar.value) { break scan }
                end += length
                continue
            }
            switch byte {
            // Whitespace, control characters and the delimiters that end a URL.
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"): break scan
            case UInt8(ascii: "("): unmatchedParens += 1
            case UInt8(ascii: ")"): unmatchedParens -= 1
            case UInt8(ascii: "["): unmatchedBrackets += 1
            case UInt8(ascii: "]"): unmatchedBrackets -= 1
            default: break
            }
            end += 1
        }
        // Never trims the first scalar of the host.
        let shortest = hostStart + hostLength
        while end > shortest {
            let last = bytes[end - 1]
            if last == UInt8(ascii: ")") && unmatchedParens < 0 {
                unmatchedParens += 1
            } else if last == UInt8(ascii: "]") && unmatchedBrackets < 0 {
                unmatchedBrackets += 1
            } else if last < 0x80 {
                guard isTrailingPunctuation(Unicode.Scalar(last)) else { break }
            } else {
                let lastStart = UTF8Bytes.scalarStart(in: bytes, before: end, from: shortest)
                guard isTrailingPunctuation(UTF8Bytes.scalar(in: bytes, at: lastStart, end: end).0) else { break }
                end = lastStart
                continue
            }
            end -= 1
        }
        return end
    }

    /// The index after `http://` or `https://` at `start`, the letters compared without case.
    private static func schemeEnd(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, at start: Int) -> Int? {
        var index = start
        // `| 0x20` lowercases ASCII letters; of all bytes only the two cases of a letter map to it.
        for expected in "http".utf8 {
            guard index < line.upperBound, bytes[index] | 0x20 == expected else { return nil }
            index += 1
        }
        if index < line.upperBound, bytes[index] | 0x20 == UInt8(ascii: "s") { index += 1 }
        for expected in "://".utf8 {
            guard index < line.upperBound, bytes[index] == expected else { return nil }
            index += 1
        }
        return index
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
                || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isTrailingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "'", "*", "_", "~",
             "\u{201C}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{00AB}", "\u{203A}", "\u{2039}", "\u{2026}":
            return true
        default:
            return false
        }
    }
}
