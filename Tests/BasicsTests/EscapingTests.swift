import Foundation
import Testing
@testable import Basics

/// The one set of escapers every module uses.
@Suite struct EscapingTests {
    @Test func htmlEscapesTheFiveSpecialCharactersAtEveryPosition() {
        #expect(Escaping.html("a\"b<c>&'") == "a&quot;b&lt;c&gt;&amp;&#39;")
        // Around the eight-byte scan: a special byte at each offset of a longer text.
        for position in 0..<20 {
            var text = Array(repeating: "x", count: 20)
            text[position] = "<"
            let expected = text.map { $0 == "<" ? "&lt;" : $0 }.joined()
            #expect(Escaping.html(text.joined()) == expected)
        }
        #expect(Escaping.html("Grüße — ok") == "Grüße — ok")
    }

    @Test func xmlUsesAposAndDropsControlCharacters() {
        #expect(Escaping.xml("a<b>&\"c'\u{1}\td\n") == "a&lt;b&gt;&amp;&quot;c&apos;\td\n")
        #expect(Escaping.xml("plain") == "plain")
    }

    @Test func jsonStringsInBothStyles() {
        let text = "<a href='x'>\"\\\n\u{8}\u{2028}</a>"
        #expect(JSONString.literal(text) == #""\u003ca href=\u0027x\u0027\u003e\"\\\n\u0008\u2028\u003c/a\u003e""#)
        #expect(JSONString.literal(text, style: .plain) == #""<a href='x'>\"\\\n\u0008\u2028</a>""#)
        // Whatever the style, the literal reads back as the text.
        for style in [JSONString.Style.scriptSafe, .plain] {
            let data = Data(JSONString.literal(text, style: style).utf8)
            #expect((try? JSONDecoder().decode(String.self, from: data)) == text)
        }
    }

    @Test func aPathKeepsWhatAURLPathAllowsButCommasAndSemicolons() {
        #expect(Escaping.percentEncodedPath("politik/wahl/lead-800w.webp") == "politik/wahl/lead-800w.webp")
        #expect(Escaping.percentEncodedPath("a/Karte 1,2;x.png") == "a/Karte%201%2C2%3Bx.png")
        #expect(Escaping.percentEncodedPath("Käse/€%#?") == "K%C3%A4se/%E2%82%AC%25%23%3F")
    }

    /// The same as Foundation's `urlPathAllowed` without `,` and `;`, which pictures' paths
    /// used before: every ASCII character and some beyond, alone and between others.
    @Test func aPathIsEncodedAsFoundationEncodesIt() {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ",;"))
        let samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["ä", "ß", "€", "😀", "\u{301}"]
        for sample in samples {
            for text in [sample, "a\(sample)b/c", "x/\(sample)\(sample)"] {
                #expect(Escaping.percentEncodedPath(text) == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text)")
            }
        }
    }
}
