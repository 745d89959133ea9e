/// A small JSON reader (RFC 8259) that remembers where every value starts.
///
/// Foundation's decoders report no positions, and editors need `file:line:col`. The
/// reader works on UTF-8 bytes in one pass, keeps its own stack instead of recursing
/// (hostile nesting cannot overflow the call stack), and refuses nesting deeper than
/// `maxDepth`.
struct JSONReader {
    static let defaultMaxDepth = 128

    let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    var position = 0

    /// Reads `bytes` as one JSON document. A leading UTF-8 byte order mark is skipped.
    static func read(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONNode {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONNode, JSONSyntaxError> in
            var reader = JSONReader(bytes: buffer, maxDepth: maxDepth)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { reader.position = 3 }
            do throws(JSONSyntaxError) {
                return .success(try reader.readDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// `bytes` must stay valid while the reader is used; `read(_:maxDepth:)` guarantees that.
    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// An array or object whose items are still being read. Items of all open containers
    /// wait on one flat stack, so adding an item never copies a container's earlier items.
    private struct Frame {
        var start: Int
        var isObject: Bool
        /// Where this container's items begin on the item stack.
        var firstItem: Int
        /// The key of the object member being read.
        var key = ""
        var keyOffset = 0
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONNode {
        var frames: [Frame] = []
        var items: [JSONMember] = []
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
                    try checkDepth(frames.count, at: start)
                    let (key, keyOffset) = try readKey()
                    frames.append(Frame(start: start, isObject: true, firstItem: items.count, key: key, keyOffset: keyOffset))
                    continue
                }
            case UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    node = JSONNode(value: .array([]), offset: start)
                } else {
                    try checkDepth(frames.count, at: start)
                    frames.append(Frame(start: start, isObject: false, firstItem: items.count))
                    continue
                }
            default:
                node = JSONNode(value: try readScalar(), offset: start)
            }

            // Hand the finished value to the innermost container, closing those that end here.
            while true {
                guard let frame = frames.last else {
                    skipWhitespace()
                    guard position == bytes.count else {
                        throw JSONSyntaxError(offset: position, message: "unexpected \(describe(peek())) after the end of the document")
                    }
                    return node
                }
                items.append(JSONMember(key: frame.key, keyOffset: frame.keyOffset, value: node))
                skipWhitespace()
                let closing = frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard try expectSeparator(closing: closing, in: frame.isObject ? "object" : "array") else {
                    if frame.isObject {
                        (frames[frames.count - 1].key, frames[frames.count - 1].keyOffset) = try readKey()
                    }
                    break
                }
                node = JSONNode(value: closeContainer(frame, items: &items), offset: frame.start)
                frames.removeLast()
            }
        }
    }

    /// The container of `frame`, its items taken off the item stack.
    private func closeContainer(_ frame: Frame, items: inout [JSONMember]) -> JSONValue {
        let value: JSONValue
        if frame.isObject {
            value = .object(Array(items[frame.firstItem...]))
        } else {
            value = .array(items[frame.firstItem...].map(\.value))
        }
        // No slice of `items` is alive here, so this shrinks the stack in place.
        items.removeSubrange(frame.firstItem...)
        return value
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
            let byte = bytes[position]
            // Space, line feed, carriage return, tab: compared as plain integers, which keeps
            // this hot loop fast in debug builds too.
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
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
