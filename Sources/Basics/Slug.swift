import Foundation

/// Turns names (tags, authors, columns, titles) into URL path segments.
///
/// German-aware: `ä ö ü` become `ae oe ue`, `ß` becomes `ss`; other diacritics are
/// stripped (`é` → `e`). The result is lowercase, runs of anything that is not a
/// letter or digit become a single `-` (apostrophes vanish), and leading and trailing dashes are trimmed.
/// A slug never contains `/` or `..`, and is never empty: a name with no letters or
/// digits at all becomes ``fallback``.
///
/// ```swift
/// Slug.make("Russland & Kasachstan")  // "russland-kasachstan"
/// Slug.make("Außenpolitik")           // "aussenpolitik"
/// Slug.make("Über Öl")                // "ueber-oel"
/// ```
public enum Slug {
    /// The slug of a name that has no letters or digits.
    public static let fallback = "n-a"

    /// The URL path segment for `name`.
    public static func make(_ name: String) -> String {
        asciiSlug(name) ?? generalSlug(name)
    }

    /// The slug of any name: Unicode-normalized, marks stripped.
    static func generalSlug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in transliterated(name).unicodeScalars where !apostrophes.contains(scalar) {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? fallback : out
    }

    /// The slug of a name written in ASCII plus German umlauts and ß (nearly every tag and
    /// author), without Unicode normalization; nil when the name needs the general path.
    static func asciiSlug(_ name: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + 4)
        var pendingDash = false
        func letters(_ bytes: String.UTF8View) {
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(contentsOf: bytes)
        }
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: letters(String(scalar).utf8)
            case 0x41...0x5A: letters(String(Unicode.Scalar(scalar.value + 32) ?? scalar).utf8)
            case 0xE4, 0xC4: letters("ae".utf8)
            case 0xF6, 0xD6: letters("oe".utf8)
            case 0xFC, 0xDC: letters("ue".utf8)
            case 0xDF: letters("ss".utf8)
            case 0x27, 0x2019: continue
            case 0x00...0x7F: pendingDash = true
            default: return nil
            }
        }
        return out.isEmpty ? fallback : String(decoding: out, as: UTF8.self)
    }

    /// Whether `segment` can be used as the last segment of an article path as it is:
    /// not empty, no `/` or `\`, no `..`, does not start with `.`, and no whitespace or control characters.
    public static func isValidSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, !segment.hasPrefix("."), !segment.contains("..") else { return false }
        return !segment.unicodeScalars.contains { scalar in
            scalar == "/" || scalar == "\\" || scalar.properties.isWhitespace
                || scalar.properties.generalCategory == .control
        }
    }

    /// Lowercased, with German umlauts and ß spelled out and other marks removed.
    static func transliterated(_ name: String) -> String {
        var spelled = ""
        for scalar in name.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if let replacement = spelledOut[scalar] {
                spelled += replacement
            } else {
                spelled.unicodeScalars.append(scalar)
            }
        }
        // A letter of the table may carry a mark of its own ("ǿ" is ø + acute): once the
        // mark is gone, spell it out too.
        var out = ""
        for scalar in spelled.decomposedStringWithCanonicalMapping.unicodeScalars
        where !isMark(scalar) {
            if let replacement = spelledOut[scalar] {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out.precomposedStringWithCanonicalMapping
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Dropped without a dash: "Spahn's" → "spahns".
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    /// Letters that are spelled with two letters (or a plain one) rather than losing a mark.
    private static let spelledOut: [Unicode.Scalar: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "œ": "oe", "ø": "o", "å": "a", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]
}
