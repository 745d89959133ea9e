import Testing
@testable import Markdown

/// Teaser boxes, slots, figures and automatic placement in an article body.
@Suite struct EmbedTests {
    private func render(_ markdown: String, automatic: [Int] = [], pageURL: String = "/politik/wahl/") -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: pageURL, embeds: true, automaticEmbeds: automatic))
    }

    /// The body's HTML with `[kind]` where each embed goes, to read placements at a glance.
    private func marked(_ rendered: RenderedMarkdown) -> String {
        var html = Array(rendered.html.utf8)
        for placed in rendered.embeds.reversed() {
            let label: String
            switch placed.embed {
            case .teaser(let path): label = "[teaser \(path)]"
            case .slot(let name): label = "[slot \(name)]"
            case .figure(let figure): label = "[figure \(figure.src)]"
            case .automatic(let rule): label = "[auto \(rule)]"
            }
            html.insert(contentsOf: label.utf8, at: placed.offset)
        }
        return String(decoding: html, as: UTF8.self)
    }

    @Test func teaserAndSlotDirectivesBecomePlacesInTheHTML() {
        let rendered = render("Eins.\n\n> [!teaser] politik/tempo-30\n\nZwei.\n\n> [!SLOT] newsletter\n")
        #expect(rendered.problems.isEmpty)
        #expect(marked(rendered) == "<p>Eins.</p>\n[teaser politik/tempo-30]<p>Zwei.</p>\n[slot newsletter]")
        #expect(rendered.embeds.map(\.line) == [3, 7])
        #expect(rendered.embeds.map(\.column) == [3, 3])
        // The directive's words are no text of the article.
        #expect(rendered.wordCount == 2)
    }

    /// The HTML around the places is kept byte for byte, and the places count bytes, also
    /// among letters of more than one byte.
    @Test func placesAmongLettersOfSeveralBytes() {
        let rendered = render("Grüße 🙂.\n\n> [!teaser] politik/straße\n\nZweiter Absatz: e\u{301}.\n\n> [!slot] abo\n")
        #expect(marked(rendered) == "<p>Grüße 🙂.</p>\n[teaser politik/straße]<p>Zweiter Absatz: e\u{301}.</p>\n[slot abo]")
        #expect(rendered.embeds.map(\.offset) == ["<p>Grüße 🙂.</p>\n".utf8.count, rendered.html.utf8.count])
    }

    @Test func aTrailingSlashOrLeadingSlashOfTheTargetIsDropped() {
        let rendered = render("> [!teaser] /kultur/roman/\n")
        #expect(rendered.embeds.first?.embed == .teaser("kultur/roman"))
    }

    @Test func unknownKindsAreProblemsWithADidYouMean() {
        let rendered = render("Text.\n\n> [!teasr] politik/wahl\n")
        #expect(rendered.embeds.isEmpty)
        #expect(rendered.problems == [MarkdownProblem(
            line: 3, column: 3, message: "unknown embed '[!teasr]'", hint: "did you mean '[!teaser]'?")])
        #expect(rendered.html.contains("<blockquote>"))
    }

    @Test func malformedAndNestedDirectivesAreProblems() {
        let missing = render("> [!teaser]\n")
        #expect(missing.problems.first?.message == "'[!teaser]' needs one article's content path on the same line and nothing else")
        let twoWords = render("> [!slot] news letter\n")
        #expect(twoWords.problems.first?.message == "'[!slot]' needs one slot name on the same line and nothing else")
        let nested = render("- Punkt\n\n  > [!teaser] politik/wahl\n")
        #expect(nested.problems.first?.message == "'[!teaser]' must stand on its own, not inside a list or quote")
        #expect(nested.problems.first?.line == 3)
        #expect(nested.embeds.isEmpty)
    }

    @Test func anImageOnItsOwnBecomesAFigureWithCaptionAndCredit() {
        let rendered = render("Vorher.\n\n![Ein *Moor*](moor.jpg \"Foto: Ida Berg\")\nDas Moor im **Herbst**.\n\nNachher.\n")
        #expect(rendered.problems.isEmpty)
        guard case .figure(let figure)? = rendered.embeds.first?.embed else {
            Issue.record("no figure in \(rendered.embeds)")
            return
        }
        #expect(figure == BodyFigure(
            src: "/politik/wahl/moor.jpg", original: "moor.jpg", alt: "Ein Moor",
            caption: "Das Moor im <strong>Herbst</strong>.", credit: "Foto: Ida Berg"))
        #expect(marked(rendered) == "<p>Vorher.</p>\n[figure /politik/wahl/moor.jpg]<p>Nachher.</p>\n")
        #expect(rendered.embeds.first?.line == 3)
        // The link checker still sees the image.
        #expect(rendered.internalLinks.map(\.resolved) == ["/politik/wahl/moor.jpg"])
    }

    @Test func anImageInsideTextStaysInlineButNeedsACredit() {
        let rendered = render("Text ![Logo](logo.png \"Grafik: Redaktion\") mehr.\n")
        #expect(rendered.embeds.isEmpty)
        #expect(rendered.html.contains("<img loading=\"lazy\" src=\"/politik/wahl/logo.png\""))
        let uncredited = render("Erster Absatz.\n\nText ![Logo](logo.png) mehr.\n")
        #expect(uncredited.problems.map(\.message) == ["the image 'logo.png' has no credit"])
        #expect(uncredited.problems.first?.line == 3)
        #expect(uncredited.problems.first?.column == 6)
    }

    @Test func withoutEmbedsNothingChanges() {
        let markdown = "> [!teaser] politik/wahl\n\n![Bild](a.jpg)\n"
        let plain = MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/a/"))
        #expect(plain.embeds.isEmpty && plain.problems.isEmpty)
        #expect(plain.html.contains("[!teaser]") && plain.html.contains("<img"))
    }

    @Test func automaticPlacementGoesAfterTopLevelParagraphsButNeverAfterTheLast() {
        let body = "Eins.\n\n- Liste\n\n> Zitat\n\nZwei.\n\nDrei.\n"
        #expect(marked(render(body, automatic: [1, 2, 3])) == "<p>Eins.</p>\n[auto 0]<ul>\n<li>Liste</li>\n</ul>\n<blockquote>\n<p>Zitat</p>\n</blockquote>\n<p>Zwei.</p>\n[auto 1]<p>Drei.</p>\n")
        // Two rules after one paragraph keep their order.
        #expect(marked(render("A.\n\nB.\n", automatic: [1, 1])) == "<p>A.</p>\n[auto 0][auto 1]<p>B.</p>\n")
    }

    @Test func anEditorsTeaserOrSlotTurnsAutomaticPlacementOffButAFigureDoesNot() {
        #expect(render("A.\n\n> [!slot] promo\n\nB.\n", automatic: [1]).embeds.map(\.embed) == [.slot("promo")])
        let figure = render("A.\n\n![x](x.jpg \"Foto: X\")\n\nB.\n", automatic: [1])
        #expect(figure.embeds.count == 2)
        #expect(figure.embeds.first?.embed == .automatic(0))
    }

    @Test func stackedPicturesAreTwoFiguresAndAPictureInACaptionNeedsACredit() {
        let two = render("![a](a.jpg \"Foto: A\")\n![b](b.jpg \"Foto: B\")\n\n![c](c.jpg \"Foto: C\")\nUnter ![d](d.jpg) Text.\n")
        #expect(two.problems.map(\.message) == ["the image 'd.jpg' has no credit"])
        let figures = two.embeds.compactMap { if case .figure(let figure) = $0.embed { figure } else { nil } }
        #expect(figures.map(\.original) == ["a.jpg", "c.jpg"])
        #expect(figures.first?.caption == #"<img loading="lazy" src="/politik/wahl/b.jpg" alt="b" title="Foto: B" />"#)
    }

    @Test func aFiguresSourceIsEscapedAsAnInlinePicturesIs() {
        let url = "<Bild 1[x]ä&b.jpg>"
        let inline = render("Text ![x](\(url) \"Foto: X\") mehr.\n").html
        let figure = render("![x](\(url) \"Foto: X\")\n")
        guard case .figure(let made)? = figure.embeds.first?.embed else {
            Issue.record("no figure")
            return
        }
        #expect(inline.contains("src=\"\(made.src.replacingOccurrences(of: "&", with: "&amp;"))\""), "\(inline) vs \(made.src)")
        #expect(made.original == "Bild 1[x]ä&b.jpg")
        let unsafe = MarkdownRenderer.render(
            "![x](javascript:alert(1) \"Foto: X\")\n", options: MarkdownOptions(allowRawHTML: false, embeds: true))
        guard case .figure(let dropped)? = unsafe.embeds.first?.embed else { return }
        #expect(dropped.src.isEmpty, "without raw HTML a script URL is dropped, as cmark drops it")
    }

    @Test func aDirectivesPathIsReadAsWritten() {
        #expect(render("> [!teaser] politik/wahl--2024's\n").embeds.first?.embed == .teaser("politik/wahl--2024's"))
        #expect(render("> [!teaser] /\n").problems.first?.message == "'[!teaser]' needs one article's content path on the same line and nothing else")
    }

    @Test func embedsWorkWithoutRawHTML() {
        let options = MarkdownOptions(pageURL: "/a/", allowRawHTML: false, embeds: true)
        let rendered = MarkdownRenderer.render("A.\n\n> [!slot] promo\n\n<b>x</b>\n", options: options)
        #expect(rendered.embeds.map(\.embed) == [.slot("promo")])
        #expect(rendered.html == "<p>A.</p>\n<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n")
        #expect(rendered.embeds.first?.offset == "<p>A.</p>\n".utf8.count)
    }

    @Test func theEditorsOwnHTMLCannotForgeAPlace() {
        let rendered = render("<!--magbuild-embed0:0-->\n\n> [!slot] promo\n")
        #expect(rendered.embeds.map(\.embed) == [.slot("promo")])
        #expect(rendered.html.contains("<!--magbuild-embed0:0-->"))
    }
}
