import Foundation

/// A filter's failure, reported by the renderer at the filter's position.
struct FilterError: Error, Sendable {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// What filters may know about the site: settings and the date formatter built from them.
///
/// A class, so handing it to every filter call retains one reference instead of copying
/// the settings and the date tables.
final class FilterEnvironment: Sendable {
    let settings: TemplateSettings
    let dates: DateFormatting

    init(settings: TemplateSettings) {
        self.settings = settings
        dates = DateFormatting(language: settings.language, timeZone: settings.timeZone)
    }
}

/// One filter: its name, how many arguments it takes, and what it does.
struct FilterDefinition: Sendable {
    typealias Function = @Sendable (_ input: Value, _ arguments: [Value], _ environment: FilterEnvironment) throws(FilterError) -> Value

    let name: String
    let arguments: ClosedRange<Int>
    /// When true an undefined input reaches the filter as `.null` instead of being an error (`default`).
    let acceptsUndefined: Bool
    let apply: Function

    init(_ name: String, arguments: ClosedRange<Int> = 0...0, acceptsUndefined: Bool = false, _ apply: @escaping Function) {
        self.name = name
        self.arguments = arguments
        self.acceptsUndefined = acceptsUndefined
        self.apply = apply
    }

    /// "takes 1 argument", "takes 0 to 2 arguments" …
    var arityDescription: String {
        let count = arguments.lowerBound == arguments.upperBound
            ? "\(arguments.lowerBound)" : "\(arguments.lowerBound) to \(arguments.upperBound)"
        return "takes \(count) argument\(arguments.upperBound == 1 ? "" : "s")"
    }
}

/// The filter table. The parser resolves every `| name` against it, so unknown
/// filters and wrong argument counts are found when templates are loaded.
enum Filters {
    static let table: [String: FilterDefinition] = {
        var table: [String: FilterDefinition] = [:]
        for definition in textFilters + urlFilters + collectionFilters + htmlFilters + [dateFilter] {
            table[definition.name] = definition
        }
        return table
    }()

    static let dateFilter = FilterDefinition("date", arguments: 0...1) { input, arguments, environment throws(FilterError) in
        guard case .date(let date) = input else {
            throw FilterError("'date' needs a date value, got \(input.typeName)")
        }
        guard let format = arguments.first else { return .string(environment.dates.longForm(date)) }
        guard let pattern = format.text else {
            throw FilterError("the format of 'date' must be a string, got \(format.typeName)")
        }
        switch pattern {
        case "iso": return .string(environment.dates.iso8601(date))
        case "long": return .string(environment.dates.longForm(date))
        default: return .string(try environment.dates.format(date, pattern: pattern))
        }
    }

    // MARK: - Helpers shared by the filters

    /// The text of a scalar value; lists, dictionaries are an error.
    static func text(of value: Value, for filter: String, environment: FilterEnvironment) throws(FilterError) -> String {
        switch value {
        case .string(let text), .safe(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return formatNumber(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .date(let date): return environment.dates.iso8601(date)
        case .array, .dict, .record: throw FilterError("'\(filter)' needs text, got a \(value.typeName)")
        }
    }

    /// `transform` applied to the text of `value`, keeping it safe when it was safe.
    static func mapText(_ value: Value, _ filter: String, _ environment: FilterEnvironment,
                        _ transform: (String) -> String) throws(FilterError) -> Value
    {
        let result = transform(try text(of: value, for: filter, environment: environment))
        if case .safe = value { return .safe(result) }
        return .string(result)
    }

    static func list(_ value: Value, for filter: String) throws(FilterError) -> [Value] {
        guard case .array(let items) = value else {
            throw FilterError("'\(filter)' needs a list, got \(value.typeName)")
        }
        return items
    }

    static func integer(_ value: Value, _ what: String) throws(FilterError) -> Int {
        switch value {
        case .int(let number): return number
        case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
        default: throw FilterError("\(what) must be a whole number, got \(value.typeName)")
        }
    }

    /// `path` (`name` or `author.name`) looked up in `value`, nil when missing.
    static func attribute(_ path: String, of value: Value) -> Value? {
        var current = value
        for key in path.split(separator: ".") {
            guard let next = current.field(String(key)) else { return nil }
            current = next
        }
        return current
    }

    static func attributeName(_ value: Value, for filter: String) throws(FilterError) -> String {
        guard let name = value.text else {
            throw FilterError("the attribute name of '\(filter)' must be a string, got \(value.typeName)")
        }
        return name
    }
}
