import PropertyBased
import Testing
@testable import Comments

/// The fast path for string literals returns what the checked path returns, and leaves
/// every malformed literal to the checked path's error.
@Suite struct JSONStringTests {
    /// Pieces of a literal's body as raw bytes: text, escapes good and bad, control
    /// characters and UTF-8 good and bad, including sequences cut short.
    static let pieces: [[UInt8]] = [
        Array("abcdefgh".utf8), Array("ä".utf8), Array("€".utf8), Array("😀".utf8), Array("\\n".utf8),
        Array("\\\"".utf8), Array("\\\\".utf8), Array("\\u00e4".utf8), Array("\\ud83d\\ude00".utf8),
        Array("\\ud83d".utf8), Array("\\x".utf8), Array("\\u12".utf8), [0x0A], [0x09], [0x1F], [0x7F],
        [0xC3], [0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0xFF], Array("\"".utf8),
    ]

    static let literal = Gen<[UInt8]?>.element(of: pieces).map { $0 ?? [] }.array(of: 0...12).map { parts in
        [UInt8(ascii: "\"")] + parts.flatMap { $0 } + (Bool.random() ? [UInt8(ascii: "\"")] : [])
    }

    @Test func fastPathMatchesCheckedPath() async {
        await propertyCheck(count: 2000, input: Self.literal) { bytes in
            #expect(read(bytes, checked: false) == read(bytes, checked: true), "\(bytes)")
        }
    }

    @Test func firstProblemIsReported() {
        // Bad UTF-8 before a control character: the UTF-8 is reported, at its own column.
        #expect(read([0x22, 0x61, 0xE0, 0x80, 0x80, 0x0A, 0x22], checked: false) == "error at 2: invalid UTF-8 in string")
        #expect(read([0x22, 0x61, 0x0A, 0xE0, 0x80, 0x80, 0x22], checked: false)
            == "error at 2: unescaped line break in string (write it as an escape such as \\n)")
        #expect(read(Array("\"\\u00e4\u{00e4}\\n\"x".utf8), checked: false) == "ää\n, next at 12")
        #expect(read(Array("\"long plain ASCII text, no escapes\"".utf8), checked: false)
            == "long plain ASCII text, no escapes, next at 35")
        #expect(read(Array("\"a\\ud800b\"".utf8), checked: false) == "error at 2: unpaired surrogate in \\u escape")
    }

    private func read(_ bytes: [UInt8], checked: Bool) -> String {
        do {
            let (string, next) = try JSONReader.readStringLiteral(bytes, checked: checked)
            return "\(string), next at \(next)"
        } catch {
            return "error at \(error.offset): \(error.message)"
        }
    }
}
