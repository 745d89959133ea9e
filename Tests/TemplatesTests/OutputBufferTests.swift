import Basics
import Foundation
import Testing
@testable import Templates

/// The byte buffer renders write into: growth, escaping at every position, multi-byte text.
@Suite struct OutputBufferTests {
    @Test func growsFarPastItsFirstBlock() {
        let buffer = OutputBuffer()
        var expected = ""
        for number in 0..<2_000 {
            buffer.append("Grüße \(number) ")
            buffer.appendEscaped("<\(number)> & \"ä\" '")
            expected += "Grüße \(number) &lt;\(number)&gt; &amp; &quot;ä&quot; &#39;"
        }
        #expect(buffer.count == expected.utf8.count)
        #expect(buffer.string == expected)
        #expect(buffer.data == Data(expected.utf8))
    }

    /// Special characters at every position of the eight-byte words, next to multi-byte text.
    @Test func escapesRandomTextLikeTheReference() {
        let alphabet: [Character] = ["a", " ", "&", "<", ">", "\"", "'", "ü", "🙂", "=", "?", "\u{7F}", "\u{0}", "F", "f"]
        var state: UInt64 = 99
        for length in 0..<300 {
            var text = ""
            for _ in 0..<length % 41 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Mostly plain letters, so long runs without special characters occur too.
                let pick = Int(state >> 33) % (alphabet.count * 3)
                text.append(pick < alphabet.count ? alphabet[pick] : "x")
            }
            let buffer = OutputBuffer()
            buffer.appendEscaped(text)
            #expect(buffer.string == Self.reference(text), "\(text)")
        }
    }

    static func reference(_ text: String) -> String {
        var reference = ""
        for character in text {
            switch character {
            case "&": reference += "&amp;"
            case "<": reference += "&lt;"
            case ">": reference += "&gt;"
            case "\"": reference += "&quot;"
            case "'": reference += "&#39;"
            default: reference.append(character)
            }
        }
        return reference
    }

    @Test func renderDataGivesTheBytesOfTheRenderedText() throws {
        let set = try TemplateSet(sources: ["t.html": "<p title=\"{{ t }}\">{{ t }} – {{ d | date }}</p>{{ h }}"],
                                  settings: settings())
        let context: [String: Value] = ["t": "Grüße <&> 🙂", "d": .date(marchNight), "h": .safe("<b>ß</b>")]
        let data = try set.renderData("t.html", context: context)
        #expect(data == Data(try set.render("t.html", context: context).utf8))
        #expect(String(decoding: data, as: UTF8.self).hasSuffix("7. März 2022</p><b>ß</b>"))
    }

    @Test(arguments: ["", "&", "<<", "a>", ">a", "plain", "ü&ü", "\"'\"'", "🙂<🙂"])
    func escapesLikeTheReference(_ text: String) {
        let buffer = OutputBuffer()
        buffer.appendEscaped(text)
        var reference = ""
        for character in text {
            switch character {
            case "&": reference += "&amp;"
            case "<": reference += "&lt;"
            case ">": reference += "&gt;"
            case "\"": reference += "&quot;"
            case "'": reference += "&#39;"
            default: reference.append(character)
            }
        }
        #expect(buffer.string == reference)
        #expect(Escaping.html(text) == reference)
    }

    @Test func largeRenderMatchesItsParts() throws {
        let items: [Value] = (0..<500).map { .string("<item \($0)>") }
        let output = try render("{% for x in xs %}{{ x }}|{% endfor %}", ["xs": .array(items)])
        #expect(output == (0..<500).map { "&lt;item \($0)&gt;|" }.joined())
    }
}
