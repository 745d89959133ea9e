import Foundation
import PropertyBased
import Testing
@testable import Comments

/// String literals read eight bytes at a time where they can: the word boundaries must
/// not change what is read or where a problem is reported.
@Suite struct JSONStringTests {
    /// Well-formed pieces of a literal's body, as JSON source.
    static let pieces = [
        "abcdefgh", "a", " ", "ä", "€", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u00e4", "\\ud83d\\ude00", "\\t", "~", "\u{7F}",
    ]

    static let body = Gen<String?>.element(of: pieces).map { $0 ?? "" }.array(of: 0...16).map { $0.joined() }

    /// Foundation's reader is the reference for what a well-formed literal means.
    @Test func readsWhatFoundationReads() async throws {
        await propertyCheck(count: 500, input: Self.body) { body in
            let source = Data("\"\(body)\"".utf8)
            let expected = try? JSONSerialization.jsonObject(with: source, options: .fragmentsAllowed) as? String
            #expect(read(Array(source)) == expected.map { "string \($0)" }, "\(body.debugDescription)")
        }
    }

    /// A problem byte at every offset within and across eight-byte words is found where it is.
    @Test func problemsAreFoundAtEveryOffset() {
        let problems: [([UInt8], String)] = [
            ([0x0A], "unescaped line break in string (write it as an escape such as \\n)"),
            ([0x01], "unescaped control character in string (write it as an escape such as \\n)"),
            ([0xC3, 0x28], "invalid UTF-8 in string"),
            ([0xE0, 0x80, 0x80], "invalid UTF-8 in string"),
            ([0x5C, 0x78], "invalid escape '\\x' in string"),
        ]
        for (problem, message) in problems {
            for offset in 0..<20 {
                let bytes = [0x22] + [UInt8](repeating: UInt8(ascii: "a"), count: offset) + problem + Array("bcdefghijk\"".utf8)
                #expect(read(bytes) == "error at \(offset + 1): \(message)", "offset \(offset)")
            }
        }
        for length in 0..<20 {
            let text = String(repeating: "x", count: length)
            #expect(read(Array("\"\(text)\"".utf8)) == "string \(text)")
            #expect(read(Array("\"\(text)".utf8)) == "error at 0: unterminated string")
        }
    }

    @Test func firstProblemIsReported() {
        #expect(read([0x22, 0x61, 0xE0, 0x80, 0x80, 0x0A, 0x22]) == "error at 2: invalid UTF-8 in string")
        #expect(read([0x22, 0x61, 0x0A, 0xE0, 0x80, 0x80, 0x22])
            == "error at 2: unescaped line break in string (write it as an escape such as \\n)")
        #expect(read(Array("\"a\\ud800b\"".utf8)) == "error at 2: unpaired surrogate in \\u escape")
    }

    private func read(_ bytes: [UInt8]) -> String {
        do {
            let node = try JSONReader.read(bytes)
            guard case .string(let string) = node.value else { return "not a string" }
            return "string \(string)"
        } catch {
            return "error at \(error.offset): \(error.message)"
        }
    }
}
