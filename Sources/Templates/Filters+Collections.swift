import Basics
import Foundation

/// Filters on lists and dictionaries, and `default`.
extension Filters {
    static let collectionFilters: [FilterDefinition] = [
        FilterDefinition("default", arguments: 1...2, acceptsUndefined: true) { input, arguments, _ throws(FilterError) in
            let orFalsy = arguments.count > 1 && arguments[1].isTruthy
            if case .null = input { return arguments[0] }
            return orFalsy && !input.isTruthy ? arguments[0] : input
        },
        FilterDefinition("length") { input, _, _ throws(FilterError) in
            switch input {
            case .string(let text), .safe(let text): return .int(text.count)
            case .array(let items): return .int(items.count)
            case .dict(let entries): return .int(entries.count)
            case .record(let record): return .int(record.values.count)
            default: throw FilterError("'length' needs a list, dictionary or string, got \(input.typeName)")
            }
        },
        FilterDefinition("first") { input, _, _ throws(FilterError) in
            if let text = input.text { return text.first.map { .string(String($0)) } ?? .null }
            return try list(input, for: "first").first ?? .null
        },
        FilterDefinition("last") { input, _, _ throws(FilterError) in
            if let text = input.text { return text.last.map { .string(String($0)) } ?? .null }
            return try list(input, for: "last").last ?? .null
        },
        FilterDefinition("reverse") { input, _, _ throws(FilterError) in
            if let text = input.text { return .string(String(text.reversed())) }
            return .array(try list(input, for: "reverse").reversed())
        },
        FilterDefinition("map", arguments: 1...1) { input, arguments, _ throws(FilterError) in
            let name = try attributeName(arguments[0], for: "map")
            var result: [Value] = []
            for (position, item) in try list(input, for: "map").enumerated() {
                guard let value = attribute(name, of: item) else {
                    throw FilterError("item \(position) of the list has no attribute '\(name)'")
                }
                result.append(value)
            }
            return .array(result)
        },
        FilterDefinition("join", arguments: 0...2, join),
        FilterDefinition("sort", arguments: 0...2, sort),
    ]

    /// `join(separator = "", attribute)`: the items' text joined. When any item is safe HTML
    /// the result is safe, with the plain items and the separator escaped.
    private static func join(_ input: Value, _ arguments: [Value], _ environment: FilterEnvironment) throws(FilterError) -> Value {
        var items = try list(input, for: "join")
        let separator = try arguments.first.map { value throws(FilterError) in
            try text(of: value, for: "join", environment: environment)
        } ?? ""
        if arguments.count > 1 {
            let name = try attributeName(arguments[1], for: "join")
            var picked: [Value] = []
            for (position, item) in items.enumerated() {
                guard let value = attribute(name, of: item) else {
                    throw FilterError("item \(position) of the list has no attribute '\(name)'")
                }
                picked.append(value)
            }
            items = picked
        }
        let isSafe = items.contains { if case .safe = $0 { true } else { false } }
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for item in items {
            let part = try text(of: item, for: "join", environment: environment)
            if case .safe = item { parts.append(part) } else { parts.append(isSafe ? Escaping.html(part) : part) }
        }
        return isSafe ? .safe(parts.joined(separator: Escaping.html(separator))) : .string(parts.joined(separator: separator))
    }

    /// `sort(attribute, reverse = false)`: a stable sort by the items or by one attribute of
    /// them; strings compare case-insensitively, nulls come first.
    private static func sort(_ input: Value, _ arguments: [Value], _: FilterEnvironment) throws(FilterError) -> Value {
        let items = try list(input, for: "sort")
        var name: String?
        if let first = arguments.first, first != .null { name = try attributeName(first, for: "sort") }
        let descending = arguments.count > 1 && arguments[1].isTruthy
        var keyed: [(key: Value, offset: Int, item: Value)] = []
        keyed.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            var key = item
            if let name {
                guard let value = attribute(name, of: item) else {
                    throw FilterError("item \(offset) of the list has no attribute '\(name)'")
                }
                key = value
            }
            if let text = key.text { key = .string(text.lowercased()) }
            keyed.append((key, offset, item))
        }
        var failure: FilterError?
        keyed.sort { a, b in
            let order = sortOrder(a.key, b.key, failure: &failure)
            if order == .orderedSame { return a.offset < b.offset }
            return descending ? order == .orderedDescending : order == .orderedAscending
        }
        if let failure { throw failure }
        return .array(keyed.map(\.item))
    }

    private static func sortOrder(_ a: Value, _ b: Value, failure: inout FilterError?) -> ComparisonResult {
        switch (a, b) {
        case (.null, .null): return .orderedSame
        case (.null, _): return .orderedAscending
        case (_, .null): return .orderedDescending
        default:
            if let order = a.compare(to: b) { return order }
            if failure == nil {
                let kinds = [a.typeName, b.typeName].sorted()
                failure = FilterError("'sort' cannot order a list that mixes a \(kinds[0]) and a \(kinds[1])")
            }
            return .orderedSame
        }
    }
}
