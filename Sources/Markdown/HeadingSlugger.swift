import Foundation

/// Turns heading text into `id` values: lowercase ASCII where possible, German
/// umlauts transliterated (ä → ae, ß → ss), other accents dropped (é → e),
/// every other run of non-alphanumerics collapsed into one `-`.
struct HeadingSlugger {
    private var used: Set<String> = []
    /// The suffix of the slug last returned for each base slug.
    private var lastSuffix: [String: Int] = [:]

    /// The slug of `text`, or `section` when nothing is left of it.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingDash = false
        if text.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
            // Latin-1 only: lowercase and decompose character by character, from a table.
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 {
                    let lowered = (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
                    append(lowered, to: &slug, pendingDash: &pendingDash)
                } else {
                    for part in latin1Decomposed[Int(scalar.value) - 0x80] { append(part, to: &slug, pendingDash: &pendingDash) }
                }
            }
        } else {
            // Canonical decomposition splits ä into a + ◌̈ and é into e + ◌́.
            for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                append(scalar, to: &slug, pendingDash: &pendingDash)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// U+0080…U+00FF lowercased and canonically decomposed, each on its own (in Latin-1
    /// text, lowercasing and decomposing the whole text gives the same).
    private static let latin1Decomposed: [[Unicode.Scalar]] = (0x80...0xFF).map { value in
        let character = String(Character(Unicode.Scalar(UInt8(value))))
        return Array(character.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    private static func append(_ scalar: Unicode.Scalar, to slug: inout String.UnicodeScalarView, pendingDash: inout Bool) {
        switch scalar {
        case "a"..."z", "0"..."9":
            if pendingDash && !slug.isEmpty { slug.append("-") }
            pendingDash = false
            slug.append(scalar)
        case "\u{308}":  // diaeresis: ä → ae, ö → oe, ü → ue
            if let last = slug.last, "aou".unicodeScalars.contains(last) { slug.append("e") }
        case "ß":
            if pendingDash && !slug.isEmpty { slug.append("-") }
            pendingDash = false
            slug.append(contentsOf: "ss".unicodeScalars)
        default:
            if scalar.properties.generalCategory == .nonspacingMark {
                return  // other accents are dropped
            }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(scalar)
            } else {
                pendingDash = true
            }
        }
    }

    /// A slug of `text` that no earlier call returned: `x`, then `x-1`, `x-2`, …
    ///
    /// The search for a free suffix goes on where the last one for the same slug stopped
    /// (every suffix below it is taken for good), so a document with thousands of equal
    /// headings takes linear, not quadratic, time.
    mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = lastSuffix[base] ?? 0
        if suffix > 0 { candidate = "\(base)-\(suffix)" }
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        lastSuffix[base] = suffix
        used.insert(candidate)
        return candidate
    }
}
