import Foundation

/// Turns heading text into `id` values: lowercase ASCII where possible, German
/// umlauts transliterated (ä → ae, ß → ss), other accents dropped (é → e),
/// every other run of non-alphanumerics collapsed into one `-`.
struct HeadingSlugger {
    private var used: Set<String> = []

    /// The slug of `text`, or `section` when nothing is left of it.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            let replacement = transliterate(character)
            if replacement.isEmpty {
                pendingDash = true
                continue
            }
            if pendingDash && !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += replacement
        }
        return slug.isEmpty ? "section" : slug
    }

    /// A slug of `text` that no earlier call returned: `x`, then `x-1`, `x-2`, …
    mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = 0
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// What one lowercased character contributes to a slug; empty for separators.
    private static func transliterate(_ character: Character) -> String {
        switch character {
        case "ä": return "ae"
        case "ö": return "oe"
        case "ü": return "ue"
        case "ß": return "ss"
        default: break
        }
        if character.isASCII {
            return character.isLetter || character.isNumber ? String(character) : ""
        }
        guard character.isLetter || character.isNumber else { return "" }
        // é → e + combining accent → e; letters without an ASCII base stay as they are.
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return base.isEmpty ? String(character) : String(String.UnicodeScalarView(base))
    }
}
