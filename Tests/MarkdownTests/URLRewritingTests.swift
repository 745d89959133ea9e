import Testing
@testable import Markdown

@Suite struct URLRewritingTests {
    @Test(arguments: [
        ("lead.jpg", "/politik/foo/lead.jpg"),
        ("./img/a.png", "/politik/foo/img/a.png"),
        ("../bar/", "/politik/bar/"),
        ("../../", "/"),
        ("../../../../../etc/", "/etc/"),
        ("..", "/politik/"),
        (".", "/politik/foo/"),
        ("./", "/politik/foo/"),
        ("a/./b/../c.pdf", "/politik/foo/a/c.pdf"),
        ("../bar/?seite=2#kommentare", "/politik/bar/?seite=2#kommentare"),
        ("Bild mit Leerzeichen.jpg", "/politik/foo/Bild mit Leerzeichen.jpg"),
    ])
    func resolvesAgainstPage(url: String, expected: String) {
        #expect(PageURLResolver(pageURL: "/politik/foo/").resolve(url) == expected)
    }

    @Test(arguments: [
        "https://example.com/x", "http://x", "mailto:a@b.example", "tel:+49301234", "//cdn.example/x.js",
        "/static/a.css", "#notes", "?q=1", "",
    ])
    func leavesNonRelativeURLsAlone(url: String) {
        #expect(PageURLResolver(pageURL: "/politik/foo/").resolve(url) == url)
    }

    @Test func classifiesTargets() {
        #expect(PageURLResolver.classify("https://x.example") == .external)
        #expect(PageURLResolver.classify("MAILTO:x@y") == .external)
        #expect(PageURLResolver.classify("//host/") == .external)
        #expect(PageURLResolver.classify("/x/") == .siteAbsolute)
        #expect(PageURLResolver.classify("#x") == .siteAbsolute)
        #expect(PageURLResolver.classify("x:y/z") == .external)
        #expect(PageURLResolver.classify("a/b:c") == .pageRelative)
        #expect(PageURLResolver.classify("1x:y") == .pageRelative)
        #expect(PageURLResolver.classify("") == .empty)
    }

    @Test func pageWithoutTrailingSlashResolvesAgainstItsFolder() {
        #expect(PageURLResolver(pageURL: "/politik/foo.html").resolve("a.jpg") == "/politik/a.jpg")
        #expect(PageURLResolver(pageURL: "politik/foo/").resolve("a.jpg") == "/politik/foo/a.jpg")
    }

    @Test func htmlUsesResolvedURLs() {
        let markdown = """
            ![Aufmacher](lead.jpg) [Weiter](../bar/ "Titel") [Extern](https://example.com/) \
            [Start](/) [Oben](#oben) [ref]

            [ref]: ./anhang/datei.pdf
            """
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/politik/foo/"))
        #expect(rendered.html == """
            <p><img loading="lazy" src="/politik/foo/lead.jpg" alt="Aufmacher" /> <a href="/politik/bar/" title="Titel">Weiter</a> \
            <a href="https://example.com/">Extern</a> <a href="/">Start</a> <a href="#oben">Oben</a> \
            <a href="/politik/foo/anhang/datei.pdf">ref</a></p>

            """)
    }

    @Test func spacesArePercentEncodedInHTML() {
        let rendered = MarkdownRenderer.render("![x](<Bild eins.jpg>)", options: MarkdownOptions(pageURL: "/p/"))
        #expect(rendered.html == "<p><img loading=\"lazy\" src=\"/p/Bild%20eins.jpg\" alt=\"x\" /></p>\n")
        #expect(rendered.internalLinks.first?.resolved == "/p/Bild eins.jpg")
    }
}
