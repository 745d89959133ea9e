import Comments

/// Decodes the HTML character references found in exported comments: numeric ones
/// (`&#228;`, `&#xE4;`) and the named ones readers and editors actually produce.
///
/// A reference that is unknown or malformed stays as written, so no text is lost.
enum HTMLEntities {
    /// The scalar(s) for the reference starting at `start` (which must be `&`), and the index after it.
    static func decode(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            let digitsStart = index
            var value: UInt32 = 0
            while index < scalars.count, let digit = digitValue(scalars[index], radix: radix), index - digitsStart < 8 {
                value = value * radix + digit
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (String(Character(scalar(forCode: value))), index)
        }
        let nameStart = index
        while index < scalars.count, index - nameStart < 10, isNameCharacter(scalars[index]) {
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";", index > nameStart else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[nameStart..<index])
        guard let text = named[name] else { return nil }
        return (text, index + 1)
    }

    /// Replaces every reference in `text`.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, next) = decode(in: scalars, at: index) {
                out += decoded
                index = next
            } else {
                out.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        return out
    }

    /// The scalar for a numeric reference; NUL, surrogates and out-of-range values give U+FFFD,
    /// and the C1 range is read as Windows-1252, as browsers do.
    private static func scalar(forCode code: UInt32) -> Unicode.Scalar {
        if let mapped = windows1252[code] { return mapped }
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "\u{FFFD}" }
        return scalar
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f" where radix == 16: return scalar.value - 87
        case "A"..."F" where radix == 16: return scalar.value - 55
        default: return nil
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”",
        0x96: "–", 0x97: "—",
    ]

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "shy": "",
        "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "oacute": "ó", "ccedil": "ç",
        "euro": "€", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "para": "¶", "sect": "§",
        "times": "×", "divide": "÷", "middot": "·", "bull": "•", "plusmn": "±", "frac12": "½",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]
}
