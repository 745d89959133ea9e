import Basics
import Diagnostics
import Foundation
import Yams

/// One `key: value` pair of a YAML mapping, with the key as text.
struct YAMLEntry {
    /// The key as written, used in messages (`'image.credit'`).
    var name: String
    var key: Node
    var value: Node
}

/// Reads typed values out of a composed YAML tree and collects every problem as a
/// diagnostic at its file position, so one pass reports all mistakes of a file.
///
/// Scalars are read from their text as written, never through Yams' type resolution:
/// an unquoted `2022-06-22` stays the text the editor typed.
struct YAMLReader {
    var source: YAMLSource
    var diagnostics: [Diagnostic] = []
    /// The credit a picture's own metadata gives, by its `src`, for a picture whose front
    /// matter has none (``PictureCredits``); nil where pictures must have a written credit.
    var pictureCredit: ((String) -> String?)?

    init(source: YAMLSource) { self.source = source }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(.error(at: node.map(source.location(of:)) ?? source.location(nil), message, hint: hint))
    }

    mutating func warning(_ message: String, at node: Node, hint: String? = nil) {
        diagnostics.append(.warning(at: source.location(of: node), message, hint: hint))
    }

    /// The entries of `node` by key. Unknown keys are warnings naming the closest known key;
    /// `prefix` qualifies names in messages (`image.`). Nil, with an error, if `node` is no mapping.
    mutating func entries(of node: Node, known: [String], prefix: String = "", what: String) -> [String: YAMLEntry]? {
        guard case let .mapping(mapping) = node else {
            error("\(what) must be a mapping of 'key: value' lines", at: node)
            return nil
        }
        var result: [String: YAMLEntry] = [:]
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                error("keys must be plain words", at: key)
                continue
            }
            let name = scalar.string
            guard known.contains(name) else {
                let suggestion = Suggestion.closest(to: name, in: known)
                warning("unknown key '\(prefix)\(name)'", at: key,
                        hint: suggestion.map { "did you mean '\(prefix)\($0)'?" })
                continue
            }
            result[name] = YAMLEntry(name: prefix + name, key: key, value: value)
        }
        return result
    }

    /// Whether `node` is YAML's null: nothing after the colon, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text of a scalar; nil (no error) for null, nil with an error for a list or mapping.
    mutating func text(_ entry: YAMLEntry) -> String? {
        if Self.isNull(entry.value) { return nil }
        guard case let .scalar(scalar) = entry.value else {
            error("'\(entry.name)' must be text, not a \(Self.kind(of: entry.value))", at: entry.value)
            return nil
        }
        return scalar.string
    }

    /// Non-empty text (surrounding whitespace trimmed); nil with an error otherwise.
    mutating func requiredText(_ entry: YAMLEntry) -> String? {
        let value = text(entry)?.trimmedOfWhitespace
        if let value, !value.isEmpty { return value }
        if Self.isNull(entry.value) || value != nil { error("'\(entry.name)' must not be empty", at: entry.value) }
        return nil
    }

    /// Optional text: nil if absent, null or empty.
    mutating func optionalText(_ entry: YAMLEntry?) -> String? {
        guard let entry, let value = text(entry)?.trimmedOfWhitespace else { return nil }
        return value.isEmpty ? nil : value
    }

    /// A list of non-empty texts; a single text counts as a list of one; null is empty.
    mutating func list(_ entry: YAMLEntry) -> [String]? {
        if Self.isNull(entry.value) { return [] }
        let items: [Node]
        switch entry.value {
        case .scalar: items = [entry.value]
        case let .sequence(sequence): items = Array(sequence)
        default:
            error("'\(entry.name)' must be a list like [a, b], not a mapping", at: entry.value)
            return nil
        }
        var values: [String] = []
        var failed = false
        for item in items {
            guard case let .scalar(scalar) = item, !Self.isNull(item) else {
                error("each entry of '\(entry.name)' must be text", at: item)
                failed = true
                continue
            }
            let value = scalar.string.trimmedOfWhitespace
            if value.isEmpty {
                error("'\(entry.name)' has an empty entry", at: item)
                failed = true
            } else if !values.contains(value) {
                values.append(value)
            }
        }
        return failed ? nil : values
    }

    /// `true`/`false` (also `yes`/`no`, any case); nil with an error otherwise.
    mutating func bool(_ entry: YAMLEntry) -> Bool? {
        switch text(entry)?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error("'\(entry.name)' must be true or false", at: entry.value)
            return nil
        }
    }

    /// A whole number of at least `minimum`; nil with an error otherwise.
    mutating func int(_ entry: YAMLEntry, minimum: Int) -> Int? {
        guard let raw = text(entry) else {
            error("'\(entry.name)' must be a whole number", at: entry.value)
            return nil
        }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            error("'\(entry.name)' must be a whole number, not \"\(raw)\"", at: entry.value)
            return nil
        }
        guard value >= minimum else {
            error("'\(entry.name)' must be at least \(minimum), not \(value)", at: entry.value)
            return nil
        }
        return value
    }

    /// One of `choices`; nil with an error (and a suggestion) otherwise.
    mutating func choice(_ entry: YAMLEntry, of choices: [String]) -> String? {
        let raw = text(entry)
        if let raw, choices.contains(raw) { return raw }
        let listed = choices.joined(separator: ", ")
        let suggestion = raw.flatMap { Suggestion.closest(to: $0, in: choices) }
        error("'\(entry.name)' must be one of \(listed), not \"\(raw ?? "")\"", at: entry.value,
              hint: suggestion.map { "did you mean '\($0)'?" })
        return nil
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .sequence: return "list"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }
}
