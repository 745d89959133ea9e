import Foundation

/// The contents of an export's private elements (`<wp:comment_author_email>`, `<ipAddress>` …)
/// that occur nowhere else in the export: if one of them turns up in an imported comment,
/// the importer read a field it must not.
struct PrivateValues {
    private(set) var values: [String] = []

    init(in data: Data, elements: [String]) {
        let text = String(decoding: data, as: UTF8.self)
        var found: [String: Int] = [:]
        for element in elements {
            var rest = text[...]
            while let open = rest.range(of: "<\(element)>"), let close = rest[open.upperBound...].range(of: "</\(element)>") {
                var value = rest[open.upperBound..<close.lowerBound]
                if value.hasPrefix("<![CDATA["), value.hasSuffix("]]>") { value = value.dropFirst(9).dropLast(3) }
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                // Short values ("1", "::1") occur in any text by chance.
                if trimmed.count >= 6 { found[trimmed, default: 0] += 1 }
                rest = rest[close.upperBound...]
            }
        }
        for (value, count) in found where Self.occurrences(of: value, in: text) == count && !value.contains("&") {
            values.append(value)
        }
    }

    /// The private value `field` contains, if any.
    func leaked(in field: String) -> String? {
        values.first { field.contains($0) }
    }

    private static func occurrences(of value: String, in text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: value) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
