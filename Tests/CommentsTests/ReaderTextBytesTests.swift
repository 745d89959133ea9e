import PropertyBased
import Testing
@testable import Comments

/// The byte-level renderer writes exactly what the scalar-based renderer it replaced wrote.
@Suite struct ReaderTextBytesTests {
    /// Pieces that sit on the byte-level edges: multi-byte whitespace and punctuation,
    /// C1 controls (two bytes starting 0xC2), CR next to controls, non-ASCII letters next to URLs.
    static let pieces: [String] = [
        "a", "ä", "1", "٣", " ", "\t", "\n", "\r", "\r\n", "\r\u{1}\n", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}",
        "\u{AB}", "\u{BB}", "\u{1680}", "\u{2000}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}",
        "e\u{301}", "\u{301}", "😀", "“", "”", "’", "‹", "›", "…", "> ", ">", "&", "<", "\"", "'", "`",
        "h", "H", "http://", "hTtPs://", "https://ä.example/ö", "https://[::1]/", "https://x.example/(a)",
        "(", ")", "[", "]", ".", ",", "*", "_", "~", "x", "\u{7F}", "\u{0}",
    ]

    static let text = Gen.frequency(
        (6, Gen<String?>.element(of: pieces).map { $0 ?? "" }),
        (1, RandomReaderText.piece),
        (1, RandomReaderText.scalar)
    ).array(of: 0...60).map { $0.joined() }

    @Test func matchesTheScalarRenderer() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(ReaderText.html(from: text) == ReferenceReaderText.html(from: text), "text: \(text.debugDescription)")
        }
    }

    @Test func matchesTheScalarRendererOnEdgeCases() {
        let texts = [
            "", "\r", "\r\r\n", "\r\u{1}\n", "a\u{9F}\rb", "\u{C2}\u{80}", "ähttps://x.example", "…https://x.example…",
            "https://x.example/a\u{3000}b", "https://x.example/a\u{2019}", "(https://ä.example/ö).", "https://ö",
            "https://x", "https://", "> > > > > deep", ">\u{1} x", " > not a quote", "https://x.example/a]b)",
            "\u{A0}\u{A0}", "x\u{85}\u{85}y", "https://\u{8D4}", "HTTPS://X.EXAMPLE/?A=1&B='2'",
        ]
        for text in texts {
            #expect(ReaderText.html(from: text) == ReferenceReaderText.html(from: text), "text: \(text.debugDescription)")
        }
    }

    @Test func linesEndAtLineFeedCarriageReturnOrBoth() {
        #expect(lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(lines("\r\r\n\n") == ["", "", "", ""])
        #expect(lines("x\u{A0}\u{2028}y") == ["x\u{A0}\u{2028}y"])
        #expect(lines("a\u{1}b") == nil)
        #expect(lines("a\u{7F}") == nil)
        #expect(lines("a\u{85}") == nil)
    }

    @Test func controlCharactersAreRemovedBeforeSplitting() {
        #expect(cleaned("\r\u{1}\n") == "\n\n")
        #expect(cleaned("a\r\nb\rc") == "a\nb\nc")
        #expect(cleaned("a\u{7F}b\u{9F}c\u{80}d\u{A0}\u{0}\t") == "abcd\u{A0}\t")
    }

    private func lines(_ text: String) -> [String]? {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            ReaderText.lines(of: buffer)?.map { String(decoding: buffer[$0], as: UTF8.self) }
        }
    }

    private func cleaned(_ text: String) -> String {
        String(decoding: Array(text.utf8).withUnsafeBufferPointer(ReaderText.withoutControlCharacters), as: UTF8.self)
    }
}
