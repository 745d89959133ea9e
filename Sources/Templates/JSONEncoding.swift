import Foundation

/// JSON for the `json` filter, safe to place inside `<script type="application/ld+json">`
/// and HTML attributes: `<`, `>`, `&`, `'`, U+2028 and U+2029 are written as `\u` escapes,
/// so the text can neither close the script element nor break JavaScript parsers.
/// Dictionary keys are sorted, so equal values always give equal text.
struct JSONEncoding {
    let dates: DateFormatting
    /// Spaces per level; 0 writes everything on one line.
    let indent: Int
    private var out = ""

    init(dates: DateFormatting, indent: Int = 0) {
        self.dates = dates
        self.indent = indent
    }

    mutating func encode(_ value: Value) -> String {
        out = ""
        write(value, level: 0)
        return out
    }

    private mutating func write(_ value: Value, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number): out += number.isFinite ? formatNumber(number) : "null"
        case .string(let text), .safe(let text): writeString(text)
        case .date(let date): writeString(dates.iso8601(date))
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                newline(level + 1)
                write(item, level: level + 1)
            }
            newline(level)
            out += "]"
        case .dict(let entries):
            guard !entries.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (position, key) in entries.keys.sorted().enumerated() {
                if position > 0 { out += "," }
                newline(level + 1)
                writeString(key)
                out += indent > 0 ? ": " : ":"
                write(entries[key] ?? .null, level: level + 1)
            }
            newline(level)
            out += "}"
        }
    }

    private mutating func newline(_ level: Int) {
        guard indent > 0 else { return }
        out += "\n" + String(repeating: " ", count: indent * level)
    }

    private mutating func writeString(_ text: String) {
        Self.appendStringLiteral(text, to: &out)
    }

    /// Appends `text` as a JSON string literal that is also safe inside `<script>` and attributes.
    static func appendStringLiteral(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}": appendEscape(scalar.value, to: &out)
            default:
                if scalar.value < 0x20 { appendEscape(scalar.value, to: &out) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func appendEscape(_ code: UInt32, to out: inout String) {
        let hex = String(code, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
