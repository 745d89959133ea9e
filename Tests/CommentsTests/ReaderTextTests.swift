import Testing
@testable import Comments

/// Paragraphs, line breaks, quotations and escaping of reader text.
@Suite struct ReaderTextTests {
    @Test func paragraphsAndLineBreaks() {
        #expect(ReaderText.html(from: "Plain text.\n\nSecond paragraph.") == "<p>Plain text.</p>\n<p>Second paragraph.</p>")
        #expect(ReaderText.html(from: "one\ntwo\n\n\n\nthree") == "<p>one<br>\ntwo</p>\n<p>three</p>")
        #expect(ReaderText.html(from: "  padded  \n \t \nnext") == "<p>padded</p>\n<p>next</p>")
    }

    @Test func lineEndingsAreNormalised() {
        #expect(ReaderText.html(from: "a\r\nb\r\n\r\nc") == "<p>a<br>\nb</p>\n<p>c</p>")
        #expect(ReaderText.html(from: "a\rb\r\rc") == "<p>a<br>\nb</p>\n<p>c</p>")
    }

    @Test func blankTextIsEmpty() {
        #expect(ReaderText.html(from: "") == "")
        #expect(ReaderText.html(from: "\n \r\n\t") == "")
    }

    @Test func escapesEverything() {
        #expect(ReaderText.html(from: "<script>alert('x')</script> & \"q\"")
            == "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>")
        #expect(ReaderText.html(from: "<img src=x onerror=alert(1)>") == "<p>&lt;img src=x onerror=alert(1)&gt;</p>")
        #expect(ReaderText.html(from: "&amp; &#60;") == "<p>&amp;amp; &amp;#60;</p>")
    }

    @Test func controlCharactersAreDropped() {
        #expect(ReaderText.html(from: "a\u{0}b\u{1B}c\u{7F}d\u{85}e\tf") == "<p>abcde\tf</p>")
    }

    @Test func quotations() {
        #expect(ReaderText.html(from: "> quoted line\n\nReply.")
            == "<blockquote>\n<p>quoted line</p>\n</blockquote>\n<p>Reply.</p>")
        #expect(ReaderText.html(from: "> one\n> two\n>\n> three\nanswer")
            == "<blockquote>\n<p>one<br>\ntwo</p>\n<p>three</p>\n</blockquote>\n<p>answer</p>")
        #expect(ReaderText.html(from: "before\n> quote") == "<p>before</p>\n<blockquote>\n<p>quote</p>\n</blockquote>")
    }

    @Test func onlyMarkedLinesAreQuotes() {
        #expect(ReaderText.html(from: ">100 readers agree") == "<p>&gt;100 readers agree</p>")
        #expect(ReaderText.html(from: " > indented") == "<p>&gt; indented</p>")
        #expect(ReaderText.html(from: ">\n>") == "")
    }

    @Test func nestedQuotations() {
        #expect(ReaderText.html(from: "> > inner\n> outer")
            == "<blockquote>\n<blockquote>\n<p>inner</p>\n</blockquote>\n<p>outer</p>\n</blockquote>")
    }

    @Test func quoteNestingIsCapped() {
        let deep = String(repeating: "> ", count: 10) + "deep"
        let html = ReaderText.html(from: deep)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == ReaderText.maxQuoteDepth)
        #expect(html.contains("<p>&gt; &gt; &gt; &gt; &gt; &gt; deep</p>"))
    }

    @Test func quotationsCannotInjectMarkup() {
        #expect(ReaderText.html(from: "> </blockquote><script>") == "<blockquote>\n<p>&lt;/blockquote&gt;&lt;script&gt;</p>\n</blockquote>")
    }

    /// Hostile shapes of large input: each must complete (no quadratic blow-up, no deep recursion)
    /// and stay escaped. Speed is measured by `make bench`, not here.
    @Test func largeHostileInputsCompleteAndStayEscaped() {
        let samples = [
            String(repeating: "Wort <b>&\"' https://x.example/a_(b), ", count: 6_000),
            String(repeating: "https://", count: 25_000),
            String(repeating: "h", count: 200_000),
            String(repeating: "(", count: 100_000) + "https://x.example/" + String(repeating: ")", count: 100_000),
            String(repeating: "> ", count: 100_000),
            String(repeating: "> a\n", count: 50_000),
            String(repeating: "\n", count: 200_000),
            String(repeating: "a\n\n", count: 66_000),
        ]
        for text in samples {
            let html = ReaderText.html(from: text)
            #expect(!html.contains("<b>"), "\(text.prefix(20))… left markup unescaped")
            let hasText = text.contains { !$0.isWhitespace }
            #expect(!hasText || html.utf8.count >= text.utf8.count / 4, "\(text.prefix(20))… lost its text")
        }
    }
}
