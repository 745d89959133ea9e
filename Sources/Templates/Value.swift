import Foundation

/// A value a template can print, test, iterate or pass through filters.
///
/// `.safe` holds HTML that prints as is (rendered Markdown, `| safe`); every
/// other value is HTML-escaped when printed. A `.record` is a dictionary with fixed keys
/// (see ``Record``) and equals the `.dict` with the same entries.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case safe(String)
    case date(Date)
    case array([Value])
    case dict([String: Value])
    case record(Record)

    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)), (.safe(let a), .safe(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.dict(let a), .dict(let b)): return a == b
        case (.record(let a), _): return rhs == .dict(a.dictionary)
        case (_, .record(let b)): return lhs == .dict(b.dictionary)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let flag): hasher.combine(1); hasher.combine(flag)
        case .int(let number): hasher.combine(2); hasher.combine(number)
        case .double(let number): hasher.combine(3); hasher.combine(number)
        case .string(let text): hasher.combine(4); hasher.combine(text)
        case .safe(let html): hasher.combine(5); hasher.combine(html)
        case .date(let date): hasher.combine(6); hasher.combine(date)
        case .array(let items): hasher.combine(7); hasher.combine(items)
        case .dict(let entries): hasher.combine(8); hasher.combine(entries)
        case .record(let record): hasher.combine(8); hasher.combine(record.dictionary)
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .dict(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension Value {
    /// `.string(s)` or `.null` for an optional string.
    public static func string(_ value: String?) -> Value { value.map(Value.string) ?? .null }
    /// `.date(d)` or `.null` for an optional date.
    public static func date(_ value: Date?) -> Value { value.map(Value.date) ?? .null }
}
