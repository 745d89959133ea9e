import Diagnostics
import Foundation

/// Turns the JSON tree of a `comments.json` into comments, collecting a diagnostic for
/// every problem instead of stopping at the first.
struct CommentDecoder {
    private var source: JSONSourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each id was first defined, to report duplicates.
    private var firstOffsetOfID: [String: Int] = [:]

    static let requiredKeys = ["id", "author", "date", "text"]
    static let knownKeys = ["id", "parent", "author", "date", "text", "rating", "status"]

    init(source: JSONSourceFile) {
        self.source = source
    }

    /// The comments of the document `root`; problems go to `diagnostics`.
    mutating func decodeFile(_ root: JSONNode) -> [Comment] {
        guard case .object(let members) = root.value else {
            report(at: root.offset, "a comment file must be an object with a \"comments\" array, found \(root.value.kindDescription)")
            return []
        }
        // A repeated key keeps its last value, as most readers do.
        guard let list = members.last(where: { $0.key == "comments" }) else {
            report(at: root.offset, "missing key \"comments\"", hint: "the file must look like {\"comments\": [ … ]}")
            return []
        }
        guard case .array(let items) = list.value.value else {
            report(at: list.value.offset, "\"comments\" must be an array, found \(list.value.value.kindDescription)")
            return []
        }
        var comments: [Comment] = []
        comments.reserveCapacity(items.count)
        for item in items {
            if let comment = decodeComment(item) { comments.append(comment) }
        }
        return comments
    }

    private mutating func decodeComment(_ node: JSONNode) -> Comment? {
        guard case .object(let members) = node.value else {
            report(at: node.offset, "a comment must be an object, found \(node.value.kindDescription)")
            return nil
        }
        // One pass over the members, no dictionary; a repeated key keeps its last value.
        var idNode: JSONNode?, parentNode: JSONNode?, authorNode: JSONNode?, dateNode: JSONNode?
        var textNode: JSONNode?, ratingNode: JSONNode?, statusNode: JSONNode?
        for member in members {
            switch member.key {
            case "id": idNode = member.value
            case "parent": parentNode = member.value
            case "author": authorNode = member.value
            case "date": dateNode = member.value
            case "text": textNode = member.value
            case "rating": ratingNode = member.value
            case "status": statusNode = member.value
            default: break
            }
        }
        if idNode == nil || authorNode == nil || dateNode == nil || textNode == nil {
            // In the order of `requiredKeys`.
            let found = [idNode, authorNode, dateNode, textNode]
            let missing = zip(Self.requiredKeys, found).filter { $0.1 == nil }.map(\.0)
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let nouns = missing.count == 1 ? "key" : "keys"
            report(at: node.offset, "comment is missing the required \(nouns) \(list)", hint: misspellingHint(members, missing))
        }
        var id: String?, author: String?, text: String?, date: Date?
        var parent: String?? = .some(nil), rating: Int? = 0, status: Comment.Status? = .approved
        if let idNode { id = identifier(idNode, key: "id") }
        if let authorNode { author = string(authorNode, key: "author") }
        if let textNode { text = string(textNode, key: "text") }
        if let dateNode { date = decodeDate(dateNode) }
        if let parentNode { parent = optionalIdentifier(parentNode) }
        if let ratingNode { rating = decodeRating(ratingNode) }
        if let statusNode { status = decodeStatus(statusNode) }

        if let id, let idNode {
            if let first = firstOffsetOfID[id] {
                let firstLocation = source.location(of: first)
                report(at: idNode.offset, "duplicate comment id \"\(id)\"", notes: ["first used at \(firstLocation)"])
            } else {
                firstOffsetOfID[id] = idNode.offset
            }
        }
        guard let id, let author, let text, let date, let parent, let rating, let status else { return nil }
        return Comment(id: id, parent: parent, author: author, date: date, text: text, rating: rating, status: status)
    }

    // MARK: - Fields

    private mutating func string(_ node: JSONNode, key: String) -> String? {
        if case .string(let value) = node.value { return value }
        report(at: node.offset, "\"\(key)\" must be a string, found \(node.value.kindDescription)")
        return nil
    }

    /// A string, or an integer number written as its digits.
    private mutating func identifier(_ node: JSONNode, key: String) -> String? {
        switch node.value {
        case .string(let value) where !value.isEmpty:
            return value
        case .string:
            report(at: node.offset, "\"\(key)\" must not be empty")
        case .number(let number) where number.isInteger:
            return number.text
        default:
            report(at: node.offset, "\"\(key)\" must be a string or an integer, found \(describe(node.value))")
        }
        return nil
    }

    /// The parent id; `null` and `""` mean "no parent". The outer nil signals an error.
    private mutating func optionalIdentifier(_ node: JSONNode) -> String?? {
        switch node.value {
        case .null: return .some(nil)
        case .string(let value) where value.isEmpty: return .some(nil)
        default: return identifier(node, key: "parent").map { .some($0) }
        }
    }

    private mutating func decodeDate(_ node: JSONNode) -> Date? {
        guard case .string(let text) = node.value else {
            report(at: node.offset, "\"date\" must be a string, found \(node.value.kindDescription)")
            return nil
        }
        if let date = CommentDate.date(from: text) { return date }
        report(at: node.offset, "bad date \"\(text)\"", hint: "expected ISO 8601 with a time zone, like 2022-06-23T08:12:00Z or 2022-06-23T10:12:00+02:00")
        return nil
    }

    private mutating func decodeRating(_ node: JSONNode) -> Int? {
        switch node.value {
        case .null:
            return 0
        case .number(let number) where number.isInteger:
            if let value = Int(number.text) { return value }
            report(at: node.offset, "\"rating\" \(number.text) is out of range")
        default:
            report(at: node.offset, "\"rating\" must be an integer, found \(describe(node.value))")
        }
        return nil
    }

    private mutating func decodeStatus(_ node: JSONNode) -> Comment.Status? {
        switch node.value {
        case .null:
            return .approved
        case .string(let text):
            if let status = Comment.Status(rawValue: text) { return status }
            let names = Comment.Status.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" }
                ?? "expected one of " + names.joined(separator: ", ")
            report(at: node.offset, "unknown status \"\(text)\"", hint: hint)
        default:
            report(at: node.offset, "\"status\" must be a string, found \(node.value.kindDescription)")
        }
        return nil
    }

    // MARK: - Reporting

    private func describe(_ value: JSONValue) -> String {
        if case .number(let number) = value { return "the number \(number.text)" }
        return value.kindDescription
    }

    /// "did you mean …" for a missing key when a present unknown key looks like a typo of it.
    private func misspellingHint(_ members: [JSONMember], _ missing: [String]) -> String? {
        let unknown = Set(members.map(\.key)).filter { !Self.knownKeys.contains($0) }.sorted()
        for key in unknown {
            if let match = Suggestion.closest(to: key, in: missing) { return "found \"\(key)\": did you mean \"\(match)\"?" }
        }
        return nil
    }

    private mutating func report(at offset: Int, _ message: String, hint: String? = nil, notes: [String] = []) {
        diagnostics.append(source.error(at: offset, message, hint: hint, notes: notes))
    }
}
