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
}
