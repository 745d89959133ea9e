/// JSON string literals, written from UTF-8 bytes with the runs between characters that need
/// an escape copied in one go.
public enum JSONString {
    /// Which characters besides `"`, `\` and control characters are escaped.
    public enum Style: Sendable {
        /// Also `< > & '` and U+2028/U+2029, so the literal is safe inside `<script>` and
        /// attributes and in JavaScript (template output).
        case scriptSafe
        /// Only what JSON requires, plus U+2028/U+2029 (files people read, such as `comments.json`).
        case plain
    }

    /// Appends `text` as a JSON string literal in `style`.
    public static func append(_ text: String, style: Style = .scriptSafe, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                let escape: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20: escape = nil
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"):
                    guard style == .scriptSafe else {
                        position += 1
                        continue
                    }
                    escape = nil
                case 0xE2 where position + 2 < bytes.count && bytes[position + 1] == 0x80
                    && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9):
                    escape = nil
                    width = 3
                default:
                    position += 1
                    continue
                }
                out += UnsafeBufferPointer(rebasing: bytes[runStart..<position])
                if let escape {
                    out += UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount)
                } else {
                    appendEscape(width == 3 ? 0x2028 + UInt32(bytes[position + 2] - 0xA8) : UInt32(byte), to: &out)
                }
                position += width
                runStart = position
            }
            out += UnsafeBufferPointer(rebasing: bytes[runStart...])
            out.append(UInt8(ascii: "\""))
        }
    }

    /// `text` as a JSON string literal in `style`.
    public static func literal(_ text: String, style: Style = .scriptSafe) -> String {
        var out: [UInt8] = []
        append(text, style: style, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `\u` and four lowercase hex digits.
    private static func appendEscape(_ code: UInt32, to out: inout [UInt8]) {
        out += "\\u".utf8
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(code >> UInt32(shift) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
