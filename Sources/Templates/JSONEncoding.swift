import Foundation

/// JSON for the `json` filter, safe to place inside `<script type="application/ld+json">`
/// and HTML attributes: `<`, `>`, `&`, `'`, U+2028 and U+2029 are written as `\u` escapes,
/// so the text can neither close the script element nor break JavaScript parsers.
/// Dictionary keys are sorted, so equal values always give equal text.
struct JSONEncoding {
    let dates: DateFormatting
    /// Spaces per level; 0 writes everything on one line.
    let indent: Int
    /// The UTF-8 bytes written so far.
    private var out: [UInt8] = []

    init(dates: DateFormatting, indent: Int = 0) {
        self.dates = dates
        self.indent = indent
    }

    mutating func encode(_ value: Value) -> String {
        out = []
        write(value, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func write(_ value: Value, level: Int) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .int(let number): out += String(number).utf8
        case .double(let number): out += (number.isFinite ? formatNumber(number) : "null").utf8
        case .string(let text), .safe(let text): Self.appendStringLiteral(text, to: &out)
        case .date(let date): Self.appendStringLiteral(dates.iso8601(date), to: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]".utf8
                return
            }
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .record(let record):
            write(.dict(record.dictionary), level: level)
        case .dict(let entries):
            guard !entries.isEmpty else {
                out += "{}".utf8
                return
            }
            out.append(UInt8(ascii: "{"))
            for (position, key) in entries.keys.sorted().enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                Self.appendStringLiteral(key, to: &out)
                out += (indent > 0 ? ": " : ":").utf8
                write(entries[key] ?? .null, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        out.append(UInt8(ascii: "\n"))
        out += repeatElement(UInt8(ascii: " "), count: indent * level)
    }

    /// Appends `text` as a JSON string literal that is also safe inside `<script>` and attributes.
    ///
    /// Works on UTF-8 bytes, copying the runs between characters that need an escape in
    /// one go; U+2028 and U+2029 are the bytes `E2 80 A8` and `E2 80 A9`.
    static func appendStringLiteral(_ text: String, to out: inout [UInt8]) {
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
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "'"), 0..<0x20: escape = nil
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

    /// `\u` and four lowercase hex digits.
    private static func appendEscape(_ code: UInt32, to out: inout [UInt8]) {
        out += "\\u".utf8
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(code >> UInt32(shift) & 0xF)
            out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }
}
