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
        // Canonical decomposition splits ä into a + ◌̈ and é into e + ◌́.
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
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
                    continue  // other accents are dropped
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
        return slug.isEmpty ? "section" : String(slug)
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
