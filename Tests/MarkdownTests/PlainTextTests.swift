import Testing
@testable import Markdown

@Suite struct PlainTextTests {
    @Test func firstParagraphIsPlainText() {
        let rendered = MarkdownRenderer.render("""
            # Titel

            Die *„Freundschaft“* zwischen [Moskau](../moskau/) und `Astana`
            endet -- sagt "man".  Zweiter\\
            Satz.

            Zweiter Absatz.
            """)
        #expect(rendered.firstParagraph == "Die „Freundschaft“ zwischen Moskau und Astana endet – sagt “man”. Zweiter Satz.")
    }

    @Test func firstParagraphSkipsImagesAndPrefersTopLevel() {
        let rendered = MarkdownRenderer.render("> Ein Zitat.\n\n![Bildbeschreibung](lead.jpg)\n\nDer Text.[^1]\n\n[^1]: Fußnote.\n")
        #expect(rendered.firstParagraph == "Der Text.")
    }

    @Test func firstParagraphFallsBackToNestedParagraphs() {
        #expect(MarkdownRenderer.render("- Nur eine Liste\n- mit zwei Punkten\n").firstParagraph == "Nur eine Liste")
        #expect(MarkdownRenderer.render("# Nur ein Titel\n").firstParagraph == "")
    }

    @Test func wordCountCountsReadableWords() {
        let rendered = MarkdownRenderer.render("""
            ## Zwei Wörter

            Ein **fett**gedrucktes Wort -- und `code`, it's 2022.

            ![nicht gezählt](bild.jpg)

            | Zelle eins | zwei |
            |---|---|

            <div>nicht gezählt</div>

            ```
            nicht gezählt
            ```
            """)
        // heading 2; "Ein fettgedrucktes Wort und code, it’s 2022." 7 (the dash is no word); table 3
        #expect(rendered.wordCount == 2 + 7 + 3)
    }
}

@Suite struct WordCounterTests {
    @Test(arguments: [
        ("", 0),
        ("ein Wort", 2),
        ("Über­größe ß – „Zitat“ … 😀 x²", 4),
        ("  drei\u{00A0}Wörter\u{2003}hier ", 3),
        ("Mai–Juni", 1),
        ("Москва и Астана", 3),
    ])
    func countsWordsOfUTF8Bytes(text: String, expected: Int) {
        var counter = WordCounter()
        Array(text.utf8).withUnsafeBufferPointer { counter.add(utf8: $0) }
        #expect(counter.count == expected)
        var fromString = WordCounter()
        fromString.add(text)
        #expect(fromString.count == expected)
    }

    @Test func collapsesWhitespace() {
        #expect(PlainText.collapsingWhitespace("  a \n\t b\u{00A0} c  ") == "a b c")
    }

    @Test func collapsingWhitespaceHandlesEveryWhiteSpaceCharacter() {
        #expect(PlainText.collapsingWhitespace("  a \t\n b\u{A0}\u{2003}c\u{3000}  ") == "a b c")
        #expect(PlainText.collapsingWhitespace("Größe\u{85}ändert\u{2028}") == "Größe ändert")
        #expect(PlainText.collapsingWhitespace("\u{1F600}\u{202F}x") == "\u{1F600} x")
        #expect(PlainText.collapsingWhitespace(" \u{205F} ") == "")
        #expect(PlainText.collapsingWhitespace("") == "")
    }
}
