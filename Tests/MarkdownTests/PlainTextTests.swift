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
