import Foundation

/// The contents of an export's private elements (`<wp:comment_author_email>`, `<ipAddress>` …)
/// that occur nowhere else in the export: if one of them turns up in an imported comment,
/// the importer read a field it must not.
struct PrivateValues {
    private(set) var values: [String] = []

    init(in data: Data, elements: [String]) {
        let text = String(decoding: data, as: UTF8.self)
        let markup = Self.withoutTextSections(text)
        var found: [String: Int] = [:]
        for element in elements {
            var rest = markup[...]
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

    /// `text` without CDATA sections and comments (up to the end when unclosed): an element
    /// written inside them is text, which the importer rightly keeps.
    private static func withoutTextSections(_ text: String) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "<![CDATA[") ?? rest.range(of: "<!--") {
            let comment = rest.range(of: "<!--").map { $0.lowerBound < open.lowerBound ? $0 : open } ?? open
            out += rest[..<comment.lowerBound]
            let closer = rest[comment.lowerBound...].hasPrefix("<!--") ? "-->" : "]]>"
            guard let close = rest[comment.upperBound...].range(of: closer) else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
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
