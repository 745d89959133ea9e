import Basics
/// Filters about HTML: marking safe, escaping, stripping tags, JSON for `<script>`.
extension Filters {
    static let htmlFilters: [FilterDefinition] = [
        FilterDefinition("safe") { input, _, environment throws(FilterError) in
            .safe(try text(of: input, for: "safe", environment: environment))
        },
        FilterDefinition("escape", escape),
        FilterDefinition("e", escape),
        FilterDefinition("striptags") { input, _, environment throws(FilterError) in
            if case .safe(let html) = input { return .string(HTMLText.strippingTags(html)) }
            let text = try text(of: input, for: "striptags", environment: environment)
            return .string(HTMLText.strippingTags(text))
        },
        FilterDefinition("json", arguments: 0...1) { input, arguments, environment throws(FilterError) in
            let indent = try arguments.first.map { value throws(FilterError) in try integer(value, "the indent of 'json'") } ?? 0
            var encoder = JSONEncoding(dates: environment.dates, indent: max(0, min(indent, 8)))
            return .safe(encoder.encode(input))
        },
    ]

    private static func escape(_ input: Value, _: [Value], _ environment: FilterEnvironment) throws(FilterError) -> Value {
        if case .safe = input { return input }
        return .safe(Escaping.html(try text(of: input, for: "escape", environment: environment)))
    }
}
