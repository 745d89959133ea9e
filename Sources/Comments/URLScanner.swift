/// Finds bare http(s) URLs in reader text.
///
/// A URL starts with `http://` or `https://` (any case) not preceded by a letter or digit,
/// has a host starting with a letter, digit or `[`, and runs until whitespace, `<`, `>`
/// or `"`. Trailing punctuation (`.,;:!?'*` and closing quotes) and closing brackets
/// without an opening partner inside the URL are left out, so "(see https://x.example/a)."
/// links just `https://x.example/a`. Every scalar is looked at a constant number of times.
enum URLScanner {
    /// The end of the URL starting at `start`, or nil when no URL starts there.
    static func urlEnd(in line: ArraySlice<Unicode.Scalar>, at start: Int) -> Int? {
        if start > line.startIndex, isWordScalar(line[start - 1]) { return nil }
        guard let hostStart = schemeEnd(in: line, at: start), hostStart < line.endIndex,
              isWordScalar(line[hostStart]) || line[hostStart] == "["
        else { return nil }

        var end = hostStart
        var unmatchedParens = 0, unmatchedBrackets = 0
        while end < line.endIndex, !endsURL(line[end]) {
            switch line[end] {
            case "(": unmatchedParens += 1
            case ")": unmatchedParens -= 1
            case "[": unmatchedBrackets += 1
            case "]": unmatchedBrackets -= 1
            default: break
            }
            end += 1
        }
        while end > hostStart + 1 {
            let last = line[end - 1]
            if last == ")" && unmatchedParens < 0 {
                unmatchedParens += 1
            } else if last == "]" && unmatchedBrackets < 0 {
                unmatchedBrackets += 1
            } else if !isTrailingPunctuation(last) {
                break
            }
            end -= 1
        }
        return end
    }

    /// The index after `http://` or `https://` at `start`, compared without case.
    private static func schemeEnd(in line: ArraySlice<Unicode.Scalar>, at start: Int) -> Int? {
        var index = start
        for expected in "http" {
            guard index < line.endIndex, lowercased(line[index]) == expected.unicodeScalars.first else { return nil }
            index += 1
        }
        if index < line.endIndex, lowercased(line[index]) == "s" { index += 1 }
        for expected in "://" {
            guard index < line.endIndex, line[index] == expected.unicodeScalars.first else { return nil }
            index += 1
        }
        return index
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.isASCII, scalar.properties.isUppercase else { return scalar }
        return Unicode.Scalar(UInt8(scalar.value) + 32)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func endsURL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "\"", "`": return true
        default: return scalar.properties.isWhitespace || scalar.value < 0x20
        }
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
