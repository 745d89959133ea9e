import Testing
@testable import Site

/// Embeds put into an article's HTML at byte offsets: joined from slices, the same bytes as
/// joined byte by byte, including offsets out of order, past the end and inside a character.
@Suite struct SpliceTests {
    @Test func embedsGoInAtTheirOffsets() {
        let html = "<p>Grüße</p>\n<p>Zweiter Absatz</p>\n"
        let second = html.utf8.count - "<p>Zweiter Absatz</p>\n".utf8.count
        #expect(ArticleEmbeds.splice(html, [(0, "<aside>A</aside>"), (second, "<figure/>")])
                == "<aside>A</aside><p>Grüße</p>\n<figure/><p>Zweiter Absatz</p>\n")
        #expect(ArticleEmbeds.splice(html, []) == html)
        #expect(ArticleEmbeds.splice(html, [(10_000, "<hr>")]) == html + "<hr>")
    }

    @Test func slicesGiveTheBytesOfTheByteByByteSplice() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["<p>", "</p>\n", "Straße ", "e\u{301}", "🙂", "漢字", "a", "&amp;"]
        for _ in 0..<500 {
            let html = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let count = html.utf8.count
            let parts = (0..<Int.random(in: 1...4, using: &generator)).map { index in
                (offset: Int.random(in: -2...(count + 3), using: &generator), html: "<b>\(index)ü</b>")
            }
            #expect(Array(ArticleEmbeds.splice(html, parts).utf8) == Array(ArticleEmbeds.spliceBytes(html, parts).utf8),
                    "\(html) \(parts)")
        }
    }
}
