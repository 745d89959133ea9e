import Testing
@testable import Comments

/// Bare http(s) URLs in reader text become links; nothing else does.
@Suite struct ReaderTextLinkTests {
    static func link(_ url: String) -> String {
        "<a href=\"\(url)\" rel=\"nofollow ugc noopener\">\(url)</a>"
    }

    @Test func bareURLsBecomeLinks() {
        #expect(ReaderText.html(from: "see https://x.example/a?b=1 now")
            == "<p>see \(Self.link("https://x.example/a?b=1")) now</p>")
        #expect(ReaderText.html(from: "http://x.example") == "<p>\(Self.link("http://x.example"))</p>")
        #expect(ReaderText.html(from: "HTTPS://X.example/") == "<p>\(Self.link("HTTPS://X.example/"))</p>")
    }

    @Test func ampersandsAreEscapedInHrefAndText() {
        #expect(ReaderText.html(from: "https://x.example/?a=1&b='2'")
            == "<p>\(Self.link("https://x.example/?a=1&amp;b=&#39;2"))&#39;</p>")
    }

    @Test(arguments: [
        ("https://x.example.", "https://x.example", "."),
        ("https://x.example/a,", "https://x.example/a", ","),
        ("https://x.example/a;", "https://x.example/a", ";"),
        ("https://x.example/a:", "https://x.example/a", ":"),
        ("https://x.example/a!", "https://x.example/a", "!"),
        ("https://x.example/a?", "https://x.example/a", "?"),
        ("https://x.example/a?!.", "https://x.example/a", "?!."),
        ("https://x.example/a\u{201C}", "https://x.example/a", "\u{201C}"),
    ])
    func trailingPunctuationIsNotPartOfTheURL(text: String, url: String, rest: String) {
        #expect(ReaderText.html(from: text) == "<p>\(Self.link(url))\(rest)</p>")
    }

    @Test func parentheses() {
        #expect(ReaderText.html(from: "(see https://x.example/a).")
            == "<p>(see \(Self.link("https://x.example/a"))).</p>")
        #expect(ReaderText.html(from: "https://de.wikipedia.example/wiki/Köln_(Stadt)")
            == "<p>\(Self.link("https://de.wikipedia.example/wiki/Köln_(Stadt)"))</p>")
        #expect(ReaderText.html(from: "(https://x.example/a_(b))")
            == "<p>(\(Self.link("https://x.example/a_(b)")))</p>")
    }

    @Test func attributeInjectionIsInert() {
        let html = ReaderText.html(from: #"https://x.example/"onmouseover="alert(1)"#)
        #expect(html == "<p>\(Self.link("https://x.example/"))&quot;onmouseover=&quot;alert(1)</p>")
        let quoted = ReaderText.html(from: "https://x.example/'onmouseover='alert(1)")
        #expect(quoted == "<p>\(Self.link("https://x.example/&#39;onmouseover=&#39;alert(1)"))</p>")
        let tag = ReaderText.html(from: "https://x.example/<script>alert(1)</script>")
        #expect(tag == "<p>\(Self.link("https://x.example/"))&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    @Test func otherSchemesStayText() {
        #expect(ReaderText.html(from: "javascript:alert(1)") == "<p>javascript:alert(1)</p>")
        #expect(ReaderText.html(from: "data:text/html,<b>x</b>") == "<p>data:text/html,&lt;b&gt;x&lt;/b&gt;</p>")
        #expect(ReaderText.html(from: "ftp://x.example www.x.example") == "<p>ftp://x.example www.x.example</p>")
        #expect(ReaderText.html(from: "javascript://x.example/%0Aalert(1)") == "<p>javascript://x.example/%0Aalert(1)</p>")
    }

    @Test func notLinked() {
        #expect(ReaderText.html(from: "https://") == "<p>https://</p>")
        #expect(ReaderText.html(from: "https://.") == "<p>https://.</p>")
        #expect(ReaderText.html(from: "xhttps://x.example") == "<p>xhttps://x.example</p>")
        #expect(ReaderText.html(from: "https:/x.example") == "<p>https:/x.example</p>")
    }

    @Test func linksInsideQuotesAndNextToText() {
        #expect(ReaderText.html(from: "> via https://x.example/a\nok")
            == "<blockquote>\n<p>via \(Self.link("https://x.example/a"))</p>\n</blockquote>\n<p>ok</p>")
        #expect(ReaderText.html(from: "\"https://x.example\"") == "<p>&quot;\(Self.link("https://x.example"))&quot;</p>")
    }
}
