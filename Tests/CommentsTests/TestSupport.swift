import Diagnostics
import Foundation
import Testing
@testable import Comments

/// Swift Testing has a `Comment` type too; in these tests the name means a reader comment.
typealias Comment = Comments.Comment

/// Parses `json` as `comments.json` and returns the diagnostics it throws, as `file:line:col: message` strings.
func parseErrors(_ json: String, file: String = "c.json") -> [Diagnostic] {
    do {
        _ = try CommentFile.parse(Data(json.utf8), file: file)
        Issue.record("expected parse errors for \(json)")
        return []
    } catch let list as DiagnosticList {
        return list.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

/// The `file:line:col` of each diagnostic.
func locations(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { $0.location.map(\.description) ?? "-" }
}

/// A date `minutes` after 2022-06-23T08:00:00Z.
func minute(_ minutes: Int) -> Date {
    Date(timeIntervalSince1970: 1_655_971_200 + Double(minutes) * 60)
}

/// A comment for threading tests; the author is "A<id>".
func comment(_ id: String, parent: String? = nil, at minutes: Int = 0, rating: Int = 0,
             status: Comment.Status = .approved, text: String = "text") -> Comment {
    Comment(id: id, parent: parent, author: "A\(id)", date: minute(minutes), text: text, rating: rating, status: status)
}

extension CommentSection {
    /// Every node, depth-first in display order, without recursion.
    var allNodes: [CommentNode] {
        var out: [CommentNode] = []
        var stack = Array(threads.reversed())
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.replies.reversed())
        }
        return out
    }

    /// The shape of the section, e.g. `1[2[3] 4] 5`.
    var outline: String {
        func render(_ nodes: [CommentNode]) -> String {
            nodes.map { node in
                node.replies.isEmpty ? node.comment.id : node.comment.id + "[" + render(node.replies) + "]"
            }.joined(separator: " ")
        }
        return render(threads)
    }
}
