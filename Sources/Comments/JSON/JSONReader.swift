/// A small JSON reader (RFC 8259) that remembers where every value starts.
///
/// Foundation's decoders report no positions, and editors need `file:line:col`. The
/// reader works on UTF-8 bytes in one pass, keeps its own stack instead of recursing
/// (hostile nesting cannot overflow the call stack), and refuses nesting deeper than
/// `maxDepth`.
struct JSONReader {
    static let defaultMaxDepth = 512

    let bytes: [UInt8]
    private let maxDepth: Int
    var position = 0

    /// Reads `bytes` as one JSON document. A leading UTF-8 byte order mark is skipped.
    static func read(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
        return try reader.readDocument()
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// An array or object whose items are still being read.
    private enum Frame {
        case array(start: Int, items: [JSONNode])
        case object(start: Int, members: [JSONMember], key: String, keyOffset: Int)
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONNode {
        var stack: [Frame] = []
        skipWhitespace()
        while true {
            // Read one value, or open a container and go on with its first item.
            let start = position
            var node: JSONNode
            switch peek() {
            case UInt8(ascii: "{"):
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    node = JSONNode(value: .object([]), offset: start)
                } else {
                    try checkDepth(stack.count, at: start)
                    let (key, keyOffset) = try readKey()
                    stack.append(.object(start: start, members: [], key: key, keyOffset: keyOffset))
                    continue
                }
            case UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    node = JSONNode(value: .array([]), offset: start)
                } else {
                    try checkDepth(stack.count, at: start)
                    stack.append(.array(start: start, items: []))
                    continue
                }
            default:
                node = JSONNode(value: try readScalar(), offset: start)
            }

            // Hand the finished value to the enclosing containers, closing those that end here.
            while true {
                guard let frame = stack.popLast() else {
                    skipWhitespace()
                    guard position == bytes.count else {
                        throw JSONSyntaxError(offset: position, message: "unexpected \(describe(peek())) after the end of the document")
                    }
                    return node
                }
                skipWhitespace()
                switch frame {
                case .array(let arrayStart, var items):
                    items.append(node)
                    if try expectSeparator(closing: UInt8(ascii: "]"), in: "array") {
                        node = JSONNode(value: .array(items), offset: arrayStart)
                        continue
                    }
                    stack.append(.array(start: arrayStart, items: items))
                case .object(let objectStart, var members, let key, let keyOffset):
                    members.append(JSONMember(key: key, keyOffset: keyOffset, value: node))
                    if try expectSeparator(closing: UInt8(ascii: "}"), in: "object") {
                        node = JSONNode(value: .object(members), offset: objectStart)
                        continue
                    }
                    let (nextKey, nextOffset) = try readKey()
                    stack.append(.object(start: objectStart, members: members, key: nextKey, keyOffset: nextOffset))
                }
                break
            }
        }
    }

    private func checkDepth(_ depth: Int, at offset: Int) throws(JSONSyntaxError) {
        if depth >= maxDepth {
            throw JSONSyntaxError(offset: offset, message: "arrays and objects are nested more than \(maxDepth) levels deep")
        }
    }

    /// After an item: consumes `,` (returns false, more items follow) or the closing bracket (returns true).
    private mutating func expectSeparator(closing: UInt8, in container: String) throws(JSONSyntaxError) -> Bool {
        switch peek() {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            if peek() == closing {
                throw JSONSyntaxError(offset: position, message: "trailing comma before '\(Character(Unicode.Scalar(closing)))'")
            }
            return false
        case closing:
            position += 1
            return true
        default:
            let expected = "',' or '\(Character(Unicode.Scalar(closing)))'"
            throw JSONSyntaxError(offset: position, message: "expected \(expected) in \(container), found \(describe(peek()))")
        }
    }

    /// Reads `"key"` and the colon after it, leaving the position at the value.
    private mutating func readKey() throws(JSONSyntaxError) -> (String, Int) {
        let offset = position
        guard peek() == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(offset: position, message: "expected a quoted key, found \(describe(peek()))")
        }
        let key = try readString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
            throw JSONSyntaxError(offset: position, message: "expected ':' after key \"\(key)\", found \(describe(peek()))")
        }
        position += 1
        skipWhitespace()
        return (key, offset)
    }

    private mutating func readScalar() throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else {
            throw JSONSyntaxError(offset: position, message: "expected a value, found end of file")
        }
        switch byte {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try readWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try readWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw JSONSyntaxError(offset: position, message: "expected a value, found \(describeWord(at: position))")
        }
    }

    private mutating func readWord(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for byte in word.utf8 {
            guard peek() == byte else {
                throw JSONSyntaxError(offset: start, message: "expected a value, found \(describeWord(at: start))")
            }
            position += 1
        }
        if let next = peek(), isWordByte(next) {
            throw JSONSyntaxError(offset: start, message: "expected a value, found \(describeWord(at: start))")
        }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if !skipDigits() {
            throw invalidNumber(start)
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard skipDigits() else { throw invalidNumber(start) }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() else { throw invalidNumber(start) }
        }
        if let next = peek(), isWordByte(next) { throw invalidNumber(start) }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return JSONNumber(text: text, isInteger: isInteger)
    }

    /// Skips `[0-9]*`; true when at least one digit was there.
    private mutating func skipDigits() -> Bool {
        let first = position
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
        return position > first
    }

    private func invalidNumber(_ start: Int) -> JSONSyntaxError {
        JSONSyntaxError(offset: start, message: "invalid number \(describeWord(at: start))")
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// `'x'` or "end of file", for messages.
    func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "end of file" }
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    /// The run of word characters at `offset` (at most 20), quoted, for messages.
    private func describeWord(at offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 20, isWordByte(bytes[end]) { end += 1 }
        if end == offset { return describe(offset < bytes.count ? bytes[offset] : nil) }
        return "'" + String(decoding: bytes[offset..<end], as: UTF8.self) + "'"
    }
}
