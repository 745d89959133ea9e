import Testing
@testable import Markdown

/// Each GitHub Flavored Markdown construct magbuild relies on, as cmark-gfm renders it.
@Suite struct GFMExtensionTests {
    private func html(_ markdown: String, allowRawHTML: Bool = true) -> String {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/a/b/", allowRawHTML: allowRawHTML)).html
    }

    @Test func table() {
        let output = html("| Land | Einwohner |\n|:-----|----------:|\n| Kasachstan | 19 Mio. |\n")
        #expect(output.contains("<table>"))
        #expect(output.contains("<th style=\"text-align: left\">Land</th>"))
        #expect(output.contains("<td style=\"text-align: right\">19 Mio.</td>"))
    }

    @Test func strikethrough() {
        #expect(html("Das ist ~~falsch~~ richtig.") == "<p>Das ist <del>falsch</del> richtig.</p>\n")
        #expect(html("Auch ~so~.") == "<p>Auch <del>so</del>.</p>\n")
    }

    @Test func autolinks() {
        let output = html("Siehe www.example.org und https://example.com/pfad?q=1 oder post@example.org.")
        #expect(output.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(output.contains("<a href=\"https://example.com/pfad?q=1\">https://example.com/pfad?q=1</a>"))
        #expect(output.contains("<a href=\"mailto:post@example.org\">post@example.org</a>"))
    }

    @Test func taskList() {
        let output = html("- [x] recherchiert\n- [ ] geschrieben\n")
        #expect(output.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> recherchiert</li>"))
        #expect(output.contains("<li><input type=\"checkbox\" disabled=\"\" /> geschrieben</li>"))
    }

    @Test func footnotes() {
        let output = html("Behauptung.[^quelle]\n\n[^quelle]: Die Quelle.\n")
        #expect(output.contains("<sup class=\"footnote-ref\"><a href=\"#fn-quelle\" id=\"fnref-quelle\" data-footnote-ref>1</a></sup>"))
        #expect(output.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(output.contains("<li id=\"fn-quelle\">"))
    }

    @Test func smartPunctuation() {
        let output = html("Er sagte \"Nein\" und 'vielleicht' -- es ist Mai--Juni --- gut... Peter's Hund.")
        #expect(output == "<p>Er sagte “Nein” und ‘vielleicht’ – es ist Mai–Juni — gut… Peter’s Hund.</p>\n")
    }

    @Test func typographicQuotesTypedByEditorsStay() {
        #expect(html("Sie sagte „Ja“ – ‚gern‘.") == "<p>Sie sagte „Ja“ – ‚gern‘.</p>\n")
    }

    @Test func tagFilterNeutersScriptEvenWithRawHTML() {
        let output = html("<script>alert(1)</script>\n\n<div class=\"box\">Kasten</div>\n\nText <iframe src=\"x\"></iframe>\n")
        #expect(!output.contains("<script"))
        #expect(output.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(output.contains("&lt;iframe src=\"x\">"))
        #expect(output.contains("<div class=\"box\">Kasten</div>"))
    }

    @Test func rawHTMLOmittedWhenNotAllowed() {
        let output = html("<div>Kasten</div>\n\nText <b>fett</b>.\n", allowRawHTML: false)
        #expect(output == "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->fett<!-- raw HTML omitted -->.</p>\n")
    }

    @Test func dangerousURLsRemovedWhenRawHTMLNotAllowed() {
        let output = html("[klick](javascript:alert(1))", allowRawHTML: false)
        #expect(output == "<p><a href=\"\">klick</a></p>\n")
    }

    @Test func emptyAndNULInput() {
        #expect(html("") == "")
        #expect(html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }
}

@Suite struct LazyImageTests {
    @Test func bodyImagesLoadLazilyAndCodeStaysText() {
        let html = MarkdownRenderer.render("![Bild](a.png)\n\n    <img src=\"x\">\n").html
        #expect(html.contains(#"<img loading="lazy" src="/a.png" alt="Bild" />"#))
        #expect(html.contains("&lt;img src=&quot;x&quot;&gt;"))
        #expect(MarkdownRenderer.lazyImages("no pictures") == "no pictures")
        #expect(MarkdownRenderer.lazyImages("<p><img src=\"a\"> <i> <img src=\"b\"></p><img src=")
            == "<p><img loading=\"lazy\" src=\"a\"> <i> <img loading=\"lazy\" src=\"b\"></p><img src=")
        #expect(MarkdownRenderer.lazyImages("<<img src=\"ä\"<") == "<<img loading=\"lazy\" src=\"ä\"<")
        #expect(MarkdownRenderer.lazyImages("") == "")
    }
}

/// The tag filter neuters the tags a browser reads as `script` and leaves the rest: in
/// `<script"` the tag name is `script"` (found by replaying a template seed through
/// FuzzMarkdown: `Fuzz/Corpus/FuzzMarkdown/regression-script-like-tag-name`).
@Suite struct TagFilterEdgeTests {
    private func html(_ markdown: String) -> String {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(allowRawHTML: true)).html
    }

    @Test func scriptTagsEndingTheNameAreFiltered() {
        for markdown in ["<html><script>", "<html><script src=x>", "<html><script/>", "<html><SCRIPT\tsrc=x>"] {
            #expect(!html(markdown).lowercased().contains("<script"), "\(markdown)")
        }
    }

    @Test func aLongerTagNameIsAnotherElement() {
        #expect(html("<html><script\"").contains("<script\""))
    }
}
