import Comments
import Diagnostics
import Foundation
import FuzzSupport

// comments.json → comments → comment section.
// - A broken file is reported with diagnostics located in that file, at a line and column it has.
// - Threading publishes every approved comment exactly once, in every order and depth cap,
//   never deeper than the cap, and counts them.
// - Writing is stable: parsing what was written gives the same comments back, byte for byte.
let file = "content/politik/a/comments.json"

FuzzDriver.run { data in
    let comments: [Comment]
    do {
        comments = try CommentFile.parse(data, file: file)
    } catch let list as DiagnosticList {
        Invariant.require(!list.diagnostics.isEmpty, "an empty diagnostic list was thrown")
        for diagnostic in list.diagnostics {
            guard let location = diagnostic.location, location.file == file else {
                Invariant.require(false, "diagnostic without this file's location: \(diagnostic)")
                continue
            }
            LocationCheck.require(location, in: SourceText(utf8: Array(data)), "\(diagnostic)")
        }
        return
    } catch {
        Invariant.require(false, "CommentFile.parse threw \(error), not a DiagnosticList")
        return
    }

    let approved = comments.filter { $0.status == .approved }
    for order in CommentOrder.allCases {
        for maxDepth in [0, 1, 3] {
            let options = ThreadingOptions(order: order, maxDepth: maxDepth, collapseAfter: 40)
            let section = CommentThreading.section(from: comments, options: options)
            Invariant.require(section.count == approved.count, "count \(section.count), approved \(approved.count)")
            var shown: [String: Int] = [:]
            var stack = section.threads.map { ($0, 0) }
            while let (node, expectedDepth) = stack.popLast() {
                shown[node.comment.id, default: 0] += 1
                Invariant.require(node.comment.status == .approved, "unpublished comment \(node.comment.id) shown")
                Invariant.require(node.depth == expectedDepth && node.depth <= maxDepth,
                                  "comment \(node.comment.id) at depth \(node.depth), expected \(expectedDepth) (cap \(maxDepth))")
                stack += node.replies.map { ($0, expectedDepth + 1) }
            }
            for comment in approved {
                Invariant.require(shown[comment.id] == 1, "approved comment \(comment.id) shown \(shown[comment.id] ?? 0) times (\(order), depth \(maxDepth))")
            }
            Invariant.require(shown.values.reduce(0, +) == approved.count, "section shows \(shown.values.reduce(0, +)) comments, \(approved.count) approved")
        }
    }

    let written = CommentFile.encode(comments)
    do {
        let reread = try CommentFile.parse(written, file: file)
        Invariant.require(reread == comments, "the written file reads back different comments")
        Invariant.require(CommentFile.encode(reread) == written, "writing the comments again changes the bytes")
    } catch {
        Invariant.require(false, "magbuild cannot read the file it wrote: \(error)\n\(String(decoding: written, as: UTF8.self))")
    }
}
