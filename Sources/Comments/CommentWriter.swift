import Basics

/// Writes comments as the text of a `comments.json`.
enum CommentWriter {
    static func json(for comments: [Comment]) -> String {
        if comments.isEmpty { return "{\n  \"comments\": []\n}\n" }
        var out = "{\n  \"comments\": [\n"
        for (index, comment) in comments.enumerated() {
            out += "    {\n"
            out += "      \"id\": \(quoted(comment.id)),\n"
            out += "      \"parent\": \(comment.parent.map(quoted) ?? "null"),\n"
            out += "      \"author\": \(quoted(comment.author)),\n"
            out += "      \"date\": \(quoted(CommentDate.string(from: comment.date))),\n"
            out += "      \"text\": \(quoted(comment.text)),\n"
            out += "      \"rating\": \(comment.rating),\n"
            out += "      \"status\": \(quoted(comment.status.rawValue))\n"
            out += index == comments.count - 1 ? "    }\n" : "    },\n"
        }
        return out + "  ]\n}\n"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func quoted(_ text: String) -> String {
        JSONString.literal(text, style: .plain)
    }
}
