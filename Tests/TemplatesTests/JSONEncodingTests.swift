import Basics
import Foundation
import Testing
@testable import Templates

/// JSON string literals, written on UTF-8 bytes, against a plain version that walks the
/// Unicode scalars.
@Suite struct JSONEncodingTests {
    /// The escaping rules one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
                out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "'", "/", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
        "ä", "ß", "€", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E2}", "\u{80}", "\u{A8}", "\u{301}", "🗓", "\u{FEFF}",
    ]

    @Test func stringLiteralsMatchTheScalarRules() {
        var state: UInt64 = 42
        for length in 0..<400 {
            var text = ""
            for _ in 0..<(length % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(Self.alphabet[Int(state >> 33) % Self.alphabet.count])
            }
            #expect(JSONString.literal(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func separatorsAtTheEnd() {
        #expect(JSONString.literal("x\u{2028}") == #""x\u2028""#)
        #expect(JSONString.literal("\u{2029}") == #""\u2029""#)
        #expect(JSONString.literal("\u{2027}") == "\"\u{2027}\"")
    }
}
