import Foundation

/// A value a template can print, test, iterate or pass through filters.
///
/// `.safe` holds HTML that prints as is (rendered Markdown, `| safe`); every
/// other value is HTML-escaped when printed.
public indirect enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case safe(String)
    case date(Date)
    case array([Value])
    case dict([String: Value])
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
