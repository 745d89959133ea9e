/// A JSON value read by `JSONReader`, with the byte offset where it starts so that
/// problems found later can be reported at `file:line:col`.
struct JSONNode: Sendable {
    var value: JSONValue
    /// Offset of the value's first byte in the source.
    var offset: Int
}

/// The kinds of JSON value. Numbers keep their source text, so ids like `1001`
/// convert to strings without a detour through floating point.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The word for this kind of value in messages: "a string", "an array".
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A number as written in the source.
struct JSONNumber: Sendable, Hashable {
    /// The literal, e.g. `-12`, `3.5e2`.
    var text: String
    /// True when the literal has neither fraction nor exponent.
    var isInteger: Bool
}

/// One `"key": value` pair of an object, in source order.
struct JSONMember: Sendable {
    var key: String
    var keyOffset: Int
    var value: JSONNode
}
