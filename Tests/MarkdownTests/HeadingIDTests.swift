import Testing
@testable import Markdown

@Suite struct HeadingIDTests {
    @Test(arguments: [
        ("Russland und Kasachstan", "russland-und-kasachstan"),
        ("Über Größe, Maße & Füße", "ueber-groesse-masse-fuesse"),
        ("ÄÖÜ", "aeoeue"),
        ("Café im Élysée", "cafe-im-elysee"),
        ("  --Was nun?!--  ", "was-nun"),
        ("2022: Das Jahr", "2022-das-jahr"),
        ("Москва", "москва"),
        ("!!!", "section"),
        ("", "section"),
    ])
    func slug(text: String, expected: String) {
        #expect(HeadingSlugger.slug(text) == expected)
    }

    /// Latin-1 text takes a table path; one character above U+00FF sends the same text
    /// through Foundation's lowercasing and decomposition. Both must agree.
    @Test func latin1PathAgreesWithFullDecomposition() {
        var texts = (0x20...0xFF).map { String(Character(Unicode.Scalar(UInt8($0)))) }
        texts += ["Ärger über Öl", "ÀÉÎÕÜ àéîõü ÿ", "Straße ẞ", "a×b÷c", "Æsir Øre Þing ðe", "µ ª º ¹²³ ¼", "Ça va", "naïve  COÖPERATION"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            texts.append(String((0..<Int.random(in: 1...12, using: &generator)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 0x20...0xFF, using: &generator)))
            }))
        }
        for text in texts {
            let fast = HeadingSlugger.slug(text)
            let full = HeadingSlugger.slug(text + " \u{101}")
            #expect(full == (fast == "section" ? "a" : fast + "-a"), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func headingsGetIDs() {
        let rendered = MarkdownRenderer.render("# Über Straßen\n\nText\n\n## Die *Lage* in `Astana`\n")
        #expect(rendered.html == """
            <h1 id="ueber-strassen">Über Straßen</h1>
            <p>Text</p>
            <h2 id="die-lage-in-astana">Die <em>Lage</em> in <code>Astana</code></h2>

            """)
        #expect(rendered.headings == [
            Heading(level: 1, text: "Über Straßen", id: "ueber-strassen"),
            Heading(level: 2, text: "Die Lage in Astana", id: "die-lage-in-astana"),
        ])
    }

    @Test func duplicatesGetSuffixes() {
        let rendered = MarkdownRenderer.render("## Fazit\n\n## Fazit\n\n## Fazit-1\n\n### Fazit\n\n##\n\n## ?\n")
        #expect(rendered.headings.map(\.id) == ["fazit", "fazit-1", "fazit-1-1", "fazit-2", "section", "section-1"])
        #expect(rendered.html.contains("<h3 id=\"fazit-2\">Fazit</h3>"))
        #expect(rendered.html.contains("<h2 id=\"section\"></h2>"))
    }

    @Test func setextHeadingsAndNestedHeadings() {
        let rendered = MarkdownRenderer.render("Erste\nZeile\n=====\n\n> ### Zitat\n\n- ## Punkt\n")
        #expect(rendered.headings.map(\.id) == ["erste-zeile", "zitat", "punkt"])
        #expect(rendered.html.contains("<blockquote>\n<h3 id=\"zitat\">Zitat</h3>\n</blockquote>"))
        #expect(rendered.html.contains("<li>\n<h2 id=\"punkt\">Punkt</h2>\n</li>"))
    }

    @Test func headingsWorkWithoutRawHTML() {
        let rendered = MarkdownRenderer.render("## Eins <b>x</b>\n", options: MarkdownOptions(allowRawHTML: false))
        #expect(rendered.html == "<h2 id=\"eins-x\">Eins <!-- raw HTML omitted -->x<!-- raw HTML omitted --></h2>\n")
    }

    @Test func linksInHeadingsAreRewritten() {
        let rendered = MarkdownRenderer.render("## Siehe [dort](../dort/)\n", options: MarkdownOptions(pageURL: "/a/hier/"))
        #expect(rendered.html == "<h2 id=\"siehe-dort\">Siehe <a href=\"/a/dort/\">dort</a></h2>\n")
    }
}

@Suite struct HeadingEdgeCaseTests {
    @Test func footnoteReferenceInHeading() {
        let rendered = MarkdownRenderer.render("## Titel[^a]\n\nText[^a].\n\n[^a]: Quelle.\n")
        #expect(rendered.headings.map(\.id) == ["titel"])
        #expect(rendered.html.hasPrefix(
            "<h2 id=\"titel\">Titel<sup class=\"footnote-ref\"><a href=\"#fn-a\" id=\"fnref-a\" data-footnote-ref>1</a></sup></h2>\n"))
        #expect(rendered.html.contains("id=\"fnref-a-2\""))
    }
}

/// A heading whose text starts with a combining mark still gets its id (found by fuzzing:
/// `Fuzz/Corpus/FuzzMarkdown/regression-heading-combining-mark`; the mark joined the `>` of
/// `<h2>` into one character, so the tag was not found and the id never written).
@Suite struct HeadingCombiningMarkTests {
    @Test func theFuzzersReproducer() {
        let rendered = MarkdownRenderer.render("\u{301}\r-")
        #expect(rendered.headings.map(\.id) == ["section"])
        #expect(rendered.html.hasPrefix("<h2 id=\"section\">\u{301}</h2>"))
    }

    @Test func aMarkBeforeText() {
        let rendered = MarkdownRenderer.render("# \u{301}Titel\n\nText")
        #expect(rendered.headings.map(\.id) == ["titel"])
        #expect(rendered.html.hasPrefix("<h1 id=\"titel\">\u{301}Titel</h1>\n<p>"))
    }
}
