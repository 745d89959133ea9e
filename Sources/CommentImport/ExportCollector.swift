import Comments
import Diagnostics
import Foundation

/// Receives the threads and comments a reader finds in an export and keeps them on disk
/// (``CommentSpool``), together with the counts the import report needs: what was read,
/// what was left out and why, and which defaults filled missing fields.
///
/// Only the fields of the native format are ever stored: readers never pass on emails,
/// IP addresses, user agents or author URLs.
final class ExportCollector {
    /// How many entries of one reason are shown with their location; the rest are counted.
    static let locatedPerReason = 3

    let spool: CommentSpool
    /// Threads in the order they were first seen.
    private(set) var threads: [ExportThread] = []
    private var numberOfKey: [String: Int] = [:]
    /// Comments stored per thread number.
    private(set) var commentCounts: [Int] = []
    private(set) var statusCounts: [Comment.Status: Int] = [:]
    /// Comment entries met, read or not.
    private(set) var entries = 0
    /// Pingbacks and trackbacks (and other non-comment entries) left out.
    private(set) var skippedPings = 0
    private(set) var skipped: [ImportReport.Tally] = []
    private(set) var defaults: [ImportReport.Tally] = []
    /// The first few skipped comments of each reason, at their location.
    private(set) var skipDiagnostics: [Diagnostic] = []
    /// Other warnings: the first few defaults of each rule, and remarks on the export.
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
        known.postID = known.postID ?? thread.postID
        threads[number] = known
    }

    /// Counts a comment entry of the export, before it is read, skipped or found to be a ping.
    func entry() {
        entries += 1
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

    /// Leaves out `count` comments for `reason` (`without wp:comment_id`); the first few of
    /// each reason are reported at `location` with `message`.
    func skip(_ reason: String, count: Int = 1, at location: SourceLocation, _ message: String) {
        tally(reason, count: count, in: &skipped, at: location, message + "; skipped", into: &skipDiagnostics)
    }

    /// Notes that a default filled a field (`without wp:comment_approved, taken as approved`).
    func defaulted(_ rule: String, at location: SourceLocation, _ message: String) {
        tally(rule, count: 1, in: &defaults, at: location, message, into: &diagnostics)
    }

    /// `name`, or `anonymous` when it is empty; that default is counted like the others,
    /// its message (`comment 12 has no author`) completed with the name given.
    func author(_ name: String, or anonymous: String, at location: SourceLocation, _ message: @autoclosure () -> String) -> String {
        guard name.isEmpty else { return name }
        defaulted("without an author, named '\(anonymous)'", at: location, message() + "; named '\(anonymous)'")
        return anonymous
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

    private func tally(_ reason: String, count: Int, in tallies: inout [ImportReport.Tally], at location: SourceLocation,
                       _ message: String, into located: inout [Diagnostic]) {
        guard count > 0 else { return }
        if let index = tallies.firstIndex(where: { $0.reason == reason }) {
            if tallies[index].count < Self.locatedPerReason { located.append(.warning(at: location, message)) }
            tallies[index].count += count
        } else {
            located.append(.warning(at: location, message))
            tallies.append(.init(reason: reason, count: count))
        }
    }
}
