import Foundation
import Testing
@testable import CommentImport
@testable import Comments

/// HTML of imported comments becomes reader text (README, "Reader comments").
@Suite struct HTMLReducerTests {
    func reduce(_ html: String) -> String { HTMLReducer.readerText(fromHTML: html) }

    @Test func paragraphsAndLineBreaks() {
        #expect(reduce("<p>Eins</p><p>Zwei<br>Drei</p>") == "Eins\n\nZwei\nDrei")
        #expect(reduce("<P>Eins</P>\n\n\n<div>Zwei</div>") == "Eins\n\nZwei")
        #expect(reduce("Eins<br/><br />Zwei") == "Eins\n\nZwei")
        #expect(reduce("WordPress-Text\nmit Umbruch\n\nund Absatz") == "WordPress-Text\nmit Umbruch\n\nund Absatz")
        #expect(reduce("  viel   Platz\t hier  ") == "viel Platz hier")
    }

    @Test func blockquotesBecomeQuoteLines() {
        #expect(reduce("<blockquote>Zitat</blockquote>Antwort") == "> Zitat\n\nAntwort")
        #expect(reduce("<blockquote><p>A</p><p>B</p></blockquote>") == "> A\n>\n> B")
        #expect(reduce("<blockquote>außen<blockquote>innen</blockquote></blockquote>") == "> außen\n>\n> > innen")
        #expect(reduce("<blockquote>nie geschlossen") == "> nie geschlossen")
        #expect(reduce("</blockquote>Text") == "Text")
    }

    @Test func absurdQuoteNestingIsCapped() {
        let html = String(repeating: "<blockquote>", count: 5_000) + "tief" + String(repeating: "</blockquote>", count: 5_000)
        let text = reduce(html)
        #expect(text.hasSuffix("tief"))
        #expect(text.split(separator: "\n").allSatisfy { $0.filter { $0 == ">" }.count <= HTMLReducer.maxQuoteDepth })
    }

    @Test func linksBecomeTheirURL() {
        #expect(reduce(#"<a href="https://x.example/a">https://x.example/a</a>"#) == "https://x.example/a")
        #expect(reduce(#"siehe <a href="https://x.example/a">die Studie</a>."#) == "siehe die Studie (https://x.example/a).")
        #expect(reduce(#"<a href="https://x.example/a?b=1&amp;c=2">x.example/a?b=1&amp;c=2</a>"#) == "https://x.example/a?b=1&c=2")
        #expect(reduce(#"<a href='http://x.example'></a>"#) == "http://x.example")
    }

    @Test func unsafeLinkTargetsKeepOnlyTheirText() {
        #expect(reduce(#"<a href="javascript:alert(1)">klick</a>"#) == "klick")
        #expect(reduce(#"<a href=" JaVaScRiPt:alert(1)">klick</a>"#) == "klick")
        #expect(reduce(#"<a href="data:text/html,x">x</a>"#) == "x")
        // A tag ends at its first `>`, even inside quotes (linear time for any input); the rest is text.
        #expect(reduce(#"<a href="data:<b>">x</a>"#) == "\">x")
        #expect(reduce(#"<a href="https://x.example/a b">Text</a>"#) == "Text")
    }

    @Test func entitiesAreDecoded() {
        #expect(reduce("Tom &amp; Jerry &lt;3 &quot;Zitat&quot; &auml;&Ouml;&szlig; &hellip;") == "Tom & Jerry <3 \"Zitat\" äÖß …")
        #expect(reduce("&#228;&#xE4;&#Xe4; &#128512; &#0; &#x110000; &#150;") == "äää 😀 \u{FFFD} \u{FFFD} –")
        #expect(reduce("&unbekannt; & allein &amp") == "&unbekannt; & allein &amp")
        #expect(reduce("&amp;lt;b&amp;gt;") == "&lt;b&gt;", "one level of decoding only")
    }

    @Test func scriptsStylesAndOtherTagsAreDropped() {
        #expect(reduce("<script>alert('x')</script>Text") == "Text")
        #expect(reduce("<style>p { color: red }</style><SCRIPT type=x>a</SCRIPT >b") == "b")
        #expect(reduce("<iframe src=x>innen</iframe><b onclick=\"x()\">fett</b> <span style=\"x\">normal</span>") == "fett normal")
        #expect(reduce("vor<!-- Kommentar <b> -->nach") == "vornach")
        #expect(reduce("<script>nie zu") == "")
        #expect(reduce(#"<img src="x" onerror="alert(1)" alt="Ein Bild">"#) == "Ein Bild")
    }

    @Test func lessThanSignsThatAreNoTagsStayText() {
        #expect(reduce("a < b und 3<4") == "a < b und 3<4")
        #expect(reduce("<3 Herzen") == "<3 Herzen")
        #expect(reduce("offen <b ohne Ende") == "offen <b ohne Ende")
    }

    @Test func resultRendersWithoutMarkupFromTheExport() {
        let text = reduce(#"<p onclick="x">&lt;script&gt;alert(1)&lt;/script&gt;</p><a href="javascript:x">y</a>"#)
        let html = ReaderText.html(from: text)
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>y</p>")
    }

    @Test func hostileInputIsLinear() {
        let inputs = [
            String(repeating: "<a", count: 200_000),
            String(repeating: "<!x", count: 200_000),
            String(repeating: "<script>", count: 100_000),
            String(repeating: "&#", count: 200_000),
            String(repeating: "<a href=\"https://x.example\">", count: 50_000),
        ]
        let start = Date()
        for input in inputs { _ = reduce(input) }
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func singleLineFields() {
        #expect(HTMLReducer.singleLine(fromHTML: "<b>Mallory</b> &amp; Co\nzweite Zeile") == "Mallory & Co zweite Zeile")
        #expect(HTMLReducer.singleLine(fromHTML: "&lt;img src=x onerror=alert(1)&gt;") == "<img src=x onerror=alert(1)>")
    }
}
