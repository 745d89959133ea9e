import Basics
import Foundation

/// Filters on text: case, trimming, replacing, truncating, URLs and slugs.
extension Filters {
    static let textFilters: [FilterDefinition] = [
        FilterDefinition("lower") { input, _, environment throws(FilterError) in
            try mapText(input, "lower", environment) { $0.lowercased() }
        },
        FilterDefinition("upper") { input, _, environment throws(FilterError) in
            try mapText(input, "upper", environment) { $0.uppercased() }
        },
        FilterDefinition("capitalize") { input, _, environment throws(FilterError) in
            try mapText(input, "capitalize", environment) { text in
                guard let first = text.first else { return text }
                return first.uppercased() + text.dropFirst().lowercased()
            }
        },
        FilterDefinition("trim") { input, _, environment throws(FilterError) in
            try mapText(input, "trim", environment) { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        },
        FilterDefinition("replace", arguments: 2...2) { input, arguments, environment throws(FilterError) in
            let old = try text(of: arguments[0], for: "replace", environment: environment)
            var new = try text(of: arguments[1], for: "replace", environment: environment)
            guard !old.isEmpty else { throw FilterError("'replace' needs a non-empty text to replace") }
            // Plain text going into safe HTML is escaped, so the result can stay safe.
            if case .safe = input, !isSafe(arguments[1]) { new = Escaping.html(new) }
            // Scalar by scalar, as Jinja does, with the standard library: Foundation's
            // `replacingOccurrences` traps on some texts with NUL or `\r` (found by fuzzing).
            return try mapText(input, "replace", environment) { text in
                String(text.unicodeScalars.replacing(old.unicodeScalars, with: new.unicodeScalars))
            }
        },
        FilterDefinition("truncate", arguments: 1...2) { input, arguments, environment throws(FilterError) in
            let length = try integer(arguments[0], "the length of 'truncate'")
            guard length >= 0 else { throw FilterError("the length of 'truncate' must not be negative") }
            let ending = try arguments.count > 1 ? text(of: arguments[1], for: "truncate", environment: environment) : "…"
            return .string(truncate(try plainText(of: input, for: "truncate", environment), to: length, ending: ending))
        },
        FilterDefinition("wordcount") { input, _, environment throws(FilterError) in
            let words = try plainText(of: input, for: "wordcount", environment).split { $0.isWhitespace }
            return .int(words.count)
        },
        FilterDefinition("urlencode") { input, _, environment throws(FilterError) in
            if case .dict(let entries) = input.expanded {
                var pairs: [String] = []
                for key in entries.keys.sorted() {
                    let value = try text(of: entries[key] ?? .null, for: "urlencode", environment: environment)
                    pairs.append(Escaping.percentEncoded(key, keepSlash: false) + "="
                                 + Escaping.percentEncoded(value, keepSlash: false))
                }
                return .string(pairs.joined(separator: "&"))
            }
            return .string(Escaping.percentEncoded(try text(of: input, for: "urlencode", environment: environment),
                                                   keepSlash: true))
        },
        FilterDefinition("slugify") { input, _, environment throws(FilterError) in
            .string(Slug.make(try plainText(of: input, for: "slugify", environment)))
        },
    ]

    static func isSafe(_ value: Value) -> Bool {
        if case .safe = value { return true }
        return false
    }

    /// Text without markup: safe HTML is reduced to its text, other values to their text.
    static func plainText(of value: Value, for filter: String, _ environment: FilterEnvironment) throws(FilterError) -> String {
        if case .safe(let html) = value { return HTMLText.strippingTags(html) }
        return try text(of: value, for: filter, environment: environment)
    }

    /// `text` cut to at most `length` characters, at a word boundary when one is near, plus `ending`.
    ///
    /// Text that fits is returned unchanged. Otherwise the cut goes back to the last space
    /// if that keeps at least half of `length`; trailing spaces and `,;:-–` go; `ending` follows.
    static func truncate(_ text: String, to length: Int, ending: String) -> String {
        guard let cut = text.index(text.startIndex, offsetBy: length, limitedBy: text.endIndex), cut < text.endIndex else {
            return text
        }
        var kept = text[..<cut]
        let nextIsBreak = text[cut].isWhitespace
        if !nextIsBreak, let space = kept.lastIndex(where: { $0.isWhitespace }),
           kept.distance(from: kept.startIndex, to: space) >= length / 2
        {
            kept = kept[..<space]
        }
        while let last = kept.last, last.isWhitespace || ",;:-–".contains(last) { kept = kept.dropLast() }
        return kept + ending
    }
}
