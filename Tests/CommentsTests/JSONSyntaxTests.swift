import Diagnostics
import Foundation
import Testing
@testable import Comments

/// Syntax errors of the JSON reader, each a single diagnostic at the offending character.
@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        ("{\"comments\": [\n  {\"id\": \"1\",}\n]}", "c.json:2:14", "trailing comma before '}'"),
        ("{\"comments\": [\n  {\"id\" \"1\"}\n]}", "c.json:2:9", "expected ':' after key \"id\", found '\"'"),
        ("{\"comments\": [1 2]}", "c.json:1:17", "expected ',' or ']' in array, found '2'"),
        ("{\"comments\": [tru]}", "c.json:1:15", "expected a value, found 'tru'"),
        ("{\"comments\": [01]}", "c.json:1:15", "invalid number '01'"),
        ("{\"comments\": [-]}", "c.json:1:15", "invalid number '-'"),
        ("{\"comments\": [\"a\nb\"]}", "c.json:1:17", "unescaped line break in string (write it as an escape such as \\n)"),
        ("{\"comments\": [\"\\x\"]}", "c.json:1:16", "invalid escape '\\x' in string"),
        ("{\"comments\": [\"\\ud800\"]}", "c.json:1:16", "unpaired surrogate in \\u escape"),
        ("{\"comments\": [\"abc", "c.json:1:15", "unterminated string"),
        ("{\"comments\": [", "c.json:1:15", "expected a value, found end of file"),
        ("{\"comments\": []} x", "c.json:1:18", "unexpected 'x' after the end of the document"),
        ("{comments: []}", "c.json:1:2", "expected a quoted key, found 'c'"),
        ("", "c.json:1:1", "expected a value, found end of file"),
    ])
    func syntaxError(json: String, location: String, message: String) {
        let errors = parseErrors(json)
        #expect(errors.count == 1)
        #expect(locations(errors) == [location])
        #expect(errors.first?.message == message)
    }

    @Test func crlfLineEndings() {
        let json = "{\"comments\": [\r\n\r\n  {\"id\": \"1\" \"x\"}]}"
        #expect(locations(parseErrors(json)) == ["c.json:3:14"])
    }

    @Test func invalidUTF8() {
        var data = Data("{\"comments\": [\"ab".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Array("\"]}".utf8))
        do {
            _ = try CommentFile.parse(data, file: "c.json")
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map(\.description) == ["c.json:1:18: error: invalid UTF-8 in string"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func hostileNestingIsRefusedWithoutRecursion() {
        let depth = 1_000_000
        let json = "{\"comments\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let errors = parseErrors(json)
        #expect(errors.count == 1)
        #expect(errors.first?.message == "arrays and objects are nested more than 128 levels deep")
        #expect(locations(errors) == ["c.json:1:141"])
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let depth = JSONReader.defaultMaxDepth
        let bytes = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        var node = try JSONReader.read(bytes)
        var levels = 1
        while case .array(let items) = node.value, let first = items.first {
            node = first
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func numbersKeepTheirText() throws {
        let node = try JSONReader.read(Array("[-0, 12, 3.25e-2, 1E6]".utf8))
        guard case .array(let items) = node.value else {
            Issue.record("not an array")
            return
        }
        let numbers = items.compactMap { item -> JSONNumber? in
            if case .number(let number) = item.value { return number }
            return nil
        }
        #expect(numbers.map(\.text) == ["-0", "12", "3.25e-2", "1E6"])
        #expect(numbers.map(\.isInteger) == [true, true, false, false])
        #expect(items.map(\.offset) == [1, 5, 9, 18])
    }
}
