import PropertyBased
import Testing
@testable import Comments

/// `CharacterCount.exceeds` answers exactly what `text.count > limit` answers.
@Suite struct CharacterCountTests {
    static let pieces: [String] = [
        "a", "ä", "ß", "\u{2FF}", " ", "\n", "\r", "\r\n", "\u{0}", "\u{AD}", "e\u{301}", "\u{301}", "\u{300}",
        "😀", "👍\u{1F3FD}", "👩\u{200D}👩\u{200D}👧", "\u{200D}", "🇩🇪", "\u{1F1E9}", "\u{1100}\u{1161}\u{11A8}",
        "한", "\u{FE0F}", "“", "…", "क्षि", "\u{0E33}",
    ]

    /// Below U+0800: two-byte combining marks without the scalars from U+0800 on that make every text take the slow path.
    static let twoBytePieces: [String] = ["a", "ä", "\u{2FF}", " ", "\r", "\n", "\r\n", "\u{AD}", "e\u{301}", "\u{300}", "ש\u{5B0}", "\u{7FF}"]

    static let text = Gen.frequency(
        (1, Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...30).map { $0.joined() }),
        (1, Gen<String?>.element(of: twoBytePieces).map { $0 ?? "" }.array(of: 0...30).map { $0.joined() })
    )

    @Test func matchesCount() async {
        await propertyCheck(count: 1000, input: Self.text, Gen<Int>.int(in: 0...40)) { text, limit in
            #expect(CharacterCount.exceeds(text, limit) == (text.count > limit), "\(text.debugDescription) limit \(limit)")
        }
    }

    @Test func edgeCases() {
        #expect(!CharacterCount.exceeds("", 0))
        #expect(CharacterCount.exceeds("", -1))
        #expect(!CharacterCount.exceeds("abc", 3))
        #expect(CharacterCount.exceeds("abcd", 3))
        #expect(!CharacterCount.exceeds("a\r\nb\r\nc", 5))
        #expect(CharacterCount.exceeds("a\r\nb\r\nc\r", 5))
        #expect(!CharacterCount.exceeds("ääää", 4))
        #expect(!CharacterCount.exceeds("e\u{301}e\u{301}", 2))
        #expect(CharacterCount.exceeds("e\u{301}e\u{301}e", 2))
        // Long enough before the first scalar from U+0300 on: settled by the prefix.
        #expect(CharacterCount.exceeds("abcd\u{301}\u{301}", 3))
        #expect(!CharacterCount.exceeds("abc\u{301}\u{301}\u{301}", 3))
        #expect(!CharacterCount.exceeds("🇩🇪🇩🇪", 2))
    }
}
