import PropertyBased
import Testing
@testable import Basics

/// Properties `Slug.make` promises for any name, checked on random names: a slug is a
/// usable URL path segment (letters, digits and single inner dashes; never `/`, `..`
/// or empty) and making a slug of a slug changes nothing.
@Suite struct SlugProperties {
    @Test func slugOfASlugIsTheSameSlug() async {
        await propertyCheck(count: 300, input: SlugNames.any) { name in
            let slug = Slug.make(name)
            #expect(Slug.make(slug) == slug, "name: \(name.debugDescription)")
        }
    }

    @Test func slugIsAValidPathSegment() async {
        await propertyCheck(count: 300, input: SlugNames.any) { name in
            let slug = Slug.make(name)
            #expect(!slug.isEmpty)
            #expect(!slug.contains("/") && !slug.contains(".."))
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            #expect(Slug.isValidSegment(slug), "name: \(name.debugDescription) slug: \(slug)")
        }
    }

    /// Only letters, digits and dashes survive; everything else is a separator or dropped.
    @Test func slugHasOnlyLowercaseLettersDigitsAndDashes() async {
        await propertyCheck(count: 300, input: SlugNames.any) { name in
            let slug = Slug.make(name)
            let stray = slug.unicodeScalars.filter { scalar in
                scalar != "-" && !scalar.properties.isAlphabetic && scalar.properties.numericType == nil
            }
            #expect(stray.isEmpty, "name: \(name.debugDescription) slug: \(slug)")
            #expect(slug == slug.lowercased(), "name: \(name.debugDescription) slug: \(slug)")
        }
    }

    /// Names in Latin script (ASCII, German umlauts, accented letters) give ASCII slugs;
    /// other scripts keep their letters (the code does not transliterate Cyrillic or CJK).
    @Test func latinNamesGiveASCIISlugs() async {
        await propertyCheck(count: 300, input: SlugNames.latin) { name in
            let slug = Slug.make(name)
            #expect(slug.unicodeScalars.allSatisfy { $0.isASCII }, "name: \(name.debugDescription) slug: \(slug)")
        }
    }

    /// The ASCII letters and digits of a name are all kept, lowercased and in order, so a name
    /// with any of them never ends up as the fallback slug by accident.
    @Test func asciiLettersAndDigitsAreKeptInOrder() async {
        await propertyCheck(count: 300, input: SlugNames.latin) { name in
            let kept = name.lowercased().unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            var slug = Slug.make(name).unicodeScalars[...]
            for scalar in kept {
                guard let found = slug.firstIndex(of: scalar) else {
                    Issue.record("'\(scalar)' of \(name.debugDescription) is missing from \(Slug.make(name))")
                    return
                }
                slug = slug[slug.index(after: found)...]
            }
        }
    }
}

/// Random names for slugs: pieces that exercise the special cases, mixed with random scalars.
enum SlugNames {
    static let pieces: [String] = [
        "a", "Z", "q", "0", "9", " ", "  ", "-", "--", "_", ".", "..", "/", "\\", "'", "\u{2019}", "\u{02BC}",
        "&", "?", "!", "\t", "\n", "ä", "Ö", "ü", "ß", "ẞ", "é", "È", "ç", "ñ", "ø", "Å", "æ", "Œ", "ł", "đ",
        "þ", "ı", "İ", "u\u{0308}", "e\u{0301}", "\u{0301}", "Ǆ", "ǅ", "ﬁ", "²", "½", "Ⅻ", "µ", "ª",
        "Москва", "東京", "😀", "👩‍👩‍👧", "\u{200B}", "\u{0}", "\u{7F}", "\u{FEFF}", "n-a", "COVID-19",
    ]

    /// Pieces only from Latin script and punctuation (every letter has an ASCII spelling).
    static let latinPieces: [String] = [
        "a", "Z", "q", "0", "9", " ", "-", "_", ".", "..", "/", "\\", "'", "\u{2019}", "&", "?", "!", "\t",
        "ä", "Ö", "ü", "ß", "ẞ", "é", "È", "ç", "ñ", "ø", "Å", "æ", "Œ", "ł", "đ", "þ", "ı", "İ",
        "u\u{0308}", "e\u{0301}", "\u{0301}", "Ł", "ź", "ő", "ş", "Ž", "ř", "ā",
    ]

    static let piece = Gen<String?>.element(of: pieces).map { $0 ?? "" }
    static let latinPiece = Gen<String?>.element(of: latinPieces).map { $0 ?? "" }

    /// Any scalar but the surrogate range, which is not a scalar.
    static let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { value in
        Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }

    static let any = Gen.frequency((3, piece), (1, scalar)).array(of: 0...16).map { $0.joined() }
    static let latin = latinPiece.array(of: 0...16).map { $0.joined() }
}
