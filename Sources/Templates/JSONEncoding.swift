import Basics
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
        case .string(let text), .safe(let text): JSONString.append(text, to: &out)
        case .date(let date): JSONString.append(dates.iso8601(date), to: &out)
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
                JSONString.append(key, to: &out)
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
}
