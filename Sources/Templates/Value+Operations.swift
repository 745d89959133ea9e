import Foundation

/// What templates can do with values: test them, compare them, print them.
extension Value {
    /// Truthiness: null, false, 0, 0.0, "", [] and {} are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .double(let value): return value != 0
        case .string(let text), .safe(let text): return !text.isEmpty
        case .date: return true
        case .array(let items): return !items.isEmpty
        case .dict(let entries): return !entries.isEmpty
        case .record(let record): return !record.values.isEmpty
        }
    }

    /// The kind of value, as messages name it.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .safe: return "HTML string"
        case .date: return "date"
        case .array: return "list"
        case .dict, .record: return "dictionary"
        }
    }

    /// A `.record` as the `.dict` it stands for; every other value as it is.
    var expanded: Value {
        if case .record(let record) = self { return .dict(record.dictionary) }
        return self
    }

    /// Entry `name` of a dictionary or record; nil when there is none or this is not one.
    func field(_ name: String) -> Value? {
        switch self {
        case .record(let record): return record[name]
        case .dict(let entries): return entries[name]
        default: return nil
        }
    }

    /// The text of a string or safe string.
    var text: String? {
        switch self {
        case .string(let text), .safe(let text): return text
        default: return nil
        }
    }

    /// Numbers as `Double`, for arithmetic and comparison across `int` and `double`.
    var number: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// Equality as templates see it: `1 == 1.0`, and a safe string equals the plain string with the same text.
    func looselyEquals(_ other: Value) -> Bool {
        switch (expanded, other.expanded) {
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double): return number == other.number
        case (.string(let a), .string(let b)), (.string(let a), .safe(let b)),
            (.safe(let a), .string(let b)), (.safe(let a), .safe(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.looselyEquals($1) }
        case (.dict(let a), .dict(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map(value.looselyEquals) ?? false }
        default: return self == other
        }
    }

    /// Ordering of numbers, strings and dates; nil when the two cannot be compared.
    func compare(to other: Value) -> ComparisonResult? {
        if case .int(let a) = self, case .int(let b) = other { return order(a, b) }
        if let a = number, let b = other.number { return order(a, b) }
        if let a = text, let b = other.text { return order(a, b) }
        if case .date(let a) = self, case .date(let b) = other { return order(a, b) }
        if case .bool(let a) = self, case .bool(let b) = other { return order(a ? 1 : 0, b ? 1 : 0) }
        return nil
    }

    /// Whether `self` occurs in `container`: an element of a list, a key of a dictionary,
    /// a substring of a string; nil when `container` cannot contain anything.
    func isContained(in container: Value) -> Bool? {
        switch container {
        case .array(let items): return items.contains { $0.looselyEquals(self) }
        case .dict, .record: return text.map { container.field($0) != nil } ?? false
        case .string(let haystack), .safe(let haystack):
            guard let needle = text else { return nil }
            return needle.isEmpty || haystack.contains(needle)
        default: return nil
        }
    }
}

private func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
    a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
}

/// Shortest text of a number that reads naturally: `3` for 3.0, `0.25` for 0.25.
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
