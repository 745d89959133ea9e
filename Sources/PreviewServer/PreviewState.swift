import Synchronization

/// What the server shows right now: the last good build, the failure of the
/// latest rebuild (if it failed), and a generation counter that grows with every
/// rebuild. Shared by the request handlers and the rebuild loop.
public final class PreviewState: Sendable {
    /// A consistent view of the state, taken in one lock.
    public struct View: Sendable {
        public var snapshot: SiteSnapshot?
        public var failure: BuildFailure?
        public var generation: Int
    }

    private struct Storage {
        var view = View(snapshot: nil, failure: nil, generation: 0)
        var waiters: [CheckedContinuation<View, Never>] = []
    }

    private let storage = Mutex(Storage())

    public init() {}

    /// A state that already holds `snapshot` (tests and callers that build themselves).
    public convenience init(snapshot: SiteSnapshot, failure: BuildFailure? = nil) {
        self.init()
        publish(snapshot: snapshot, failure: failure)
    }

    public var current: View { storage.withLock { $0.view } }

    /// The state once the first build (good or failed) has finished.
    public func ready() async -> View {
        await withCheckedContinuation { continuation in
            let view: View? = storage.withLock { storage in
                if storage.view.generation > 0 { return storage.view }
                storage.waiters.append(continuation)
                return nil
            }
            if let view { continuation.resume(returning: view) }
        }
    }

    /// Records the outcome of a build: a new snapshot replaces the old one; a failure
    /// keeps the old snapshot. Returns the new view.
    @discardableResult
    public func publish(snapshot: SiteSnapshot?, failure: BuildFailure?) -> View {
        let (view, waiters) = storage.withLock { storage in
            if let snapshot { storage.view.snapshot = snapshot }
            storage.view.failure = failure
            storage.view.generation += 1
            let waiters = storage.waiters
            storage.waiters = []
            return (storage.view, waiters)
        }
        for waiter in waiters { waiter.resume(returning: view) }
        return view
    }
}
