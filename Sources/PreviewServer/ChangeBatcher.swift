import Dispatch
import Foundation
import Synchronization

/// Coalesces a burst of file events into one `ChangeSet`.
///
/// Editors save in bursts: a temporary file written, renamed over the original,
/// its times set; "save all" touches several files at once. The batcher sends
/// the collected paths once no event came for `quiet`, or at the latest `limit`
/// after the first event, so a steady stream of writes still rebuilds. Nothing
/// runs while no events arrive.
public final class ChangeBatcher: Sendable {
    private struct State {
        var pending = Set<String>()
        var firstEvent: DispatchTime?
        var lastEvent = DispatchTime.now()
        var flushScheduled = false
        var finished = false
    }

    private let state = Mutex(State())
    private let quiet: Duration
    private let limit: Duration
    private let queue = DispatchQueue(label: "magbuild.change-batcher")
    private let continuation: AsyncStream<ChangeSet>.Continuation
    /// One element per burst of saves.
    public let changes: AsyncStream<ChangeSet>

    public init(quiet: Duration = .milliseconds(40), limit: Duration = .milliseconds(250)) {
        self.quiet = quiet
        self.limit = limit
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Records changed paths; only watched paths count.
    public func record(_ paths: [String]) {
        let relevant = paths.filter(ChangeSet.isWatched)
        guard !relevant.isEmpty else { return }
        let schedule = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.pending.formUnion(relevant)
            state.lastEvent = .now()
            if state.firstEvent == nil { state.firstEvent = state.lastEvent }
            if state.flushScheduled { return false }
            state.flushScheduled = true
            return true
        }
        if schedule { scheduleFlush(after: quiet) }
    }

    /// Ends the stream of changes.
    public func finish() {
        state.withLock { $0.finished = true }
        continuation.finish()
    }

    private func scheduleFlush(after delay: Duration) {
        queue.asyncAfter(deadline: .now() + Self.seconds(delay)) { [self] in flushIfQuiet() }
    }

    private func flushIfQuiet() {
        let now = DispatchTime.now()
        let outcome = state.withLock { state -> Result<ChangeSet, WaitMore> in
            let sinceLast = Self.duration(from: state.lastEvent, to: now)
            let sinceFirst = state.firstEvent.map { Self.duration(from: $0, to: now) } ?? .zero
            if let wait = Self.waitBeforeFlush(sinceLast: sinceLast, sinceFirst: sinceFirst, quiet: quiet, limit: limit) {
                return .failure(WaitMore(delay: wait))
            }
            let batch = ChangeSet(paths: state.pending)
            state.pending = []
            state.firstEvent = nil
            state.flushScheduled = false
            return .success(batch)
        }
        switch outcome {
        case .success(let batch): if !batch.isEmpty { continuation.yield(batch) }
        case .failure(let wait): scheduleFlush(after: wait.delay)
        }
    }

    /// How much longer to wait before sending the collected paths, or nil to send them now:
    /// once no event came for `quiet`, or `limit` after the first event of the burst.
    static func waitBeforeFlush(sinceLast: Duration, sinceFirst: Duration, quiet: Duration, limit: Duration) -> Duration? {
        if sinceLast >= quiet || sinceFirst >= limit { return nil }
        return min(quiet - sinceLast, limit - sinceFirst)
    }

    private struct WaitMore: Error {
        let delay: Duration
    }

    private static func duration(from start: DispatchTime, to end: DispatchTime) -> Duration {
        .nanoseconds(Int64(end.uptimeNanoseconds) - Int64(start.uptimeNanoseconds))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
