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
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
