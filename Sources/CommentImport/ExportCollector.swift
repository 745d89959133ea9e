import Comments
import Diagnostics
import Foundation

/// Receives the threads and comments a reader finds in an export and keeps them on disk
/// (``CommentSpool``), together with the counts the import report needs.
///
/// Only the fields of the native format are ever stored: readers never pass on emails,
/// IP addresses, user agents or author URLs.
final class ExportCollector {
    let spool: CommentSpool
    /// Threads in the order they were first seen.
    private(set) var threads: [ExportThread] = []
    private var numberOfKey: [String: Int] = [:]
    /// Comments stored per thread number.
    private(set) var commentCounts: [Int] = []
    private(set) var statusCounts: [Comment.Status: Int] = [:]
    /// Pingbacks and trackbacks (and other non-comment entries) left out.
    private(set) var skippedPings = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when storing failed; the reader stops.
    private(set) var failure: (any Error)?

    init(spool: CommentSpool) {
        self.spool = spool
    }

    /// Records a thread; a later record of the same key fills in what the first one lacked.
    func thread(_ thread: ExportThread) {
        let number = self.number(of: thread.key)
        var known = threads[number]
        known.link = known.link ?? thread.link
        known.slug = known.slug ?? thread.slug
        known.title = known.title ?? thread.title
        threads[number] = known
    }

    /// Stores a comment of the thread `key` (which may be recorded later).
    func comment(_ comment: Comment, thread key: String) {
        let number = self.number(of: key)
        do {
            try spool.append(comment, thread: number)
            commentCounts[number] += 1
            statusCounts[comment.status, default: 0] += 1
        } catch {
            failure = failure ?? error
        }
    }

    func skippedPing() {
        skippedPings += 1
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func number(of key: String) -> Int {
        if let number = numberOfKey[key] { return number }
        let number = threads.count
        numberOfKey[key] = number
        threads.append(ExportThread(key: key))
        commentCounts.append(0)
        return number
    }
}
