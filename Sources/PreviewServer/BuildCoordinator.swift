import Dispatch
import Foundation

/// Runs builds one at a time, off the concurrency pool, and publishes each
/// outcome: the new state for the request handlers and an SSE event for the
/// browsers.
public actor BuildCoordinator {
    private let rebuilder: any SiteRebuilder
    private let state: PreviewState
    private let hub: EventHub
    private let queue = DispatchQueue(label: "magbuild.build", qos: .userInitiated)

    public init(rebuilder: any SiteRebuilder, state: PreviewState, hub: EventHub) {
        self.rebuilder = rebuilder
        self.state = state
        self.hub = hub
    }

    /// Builds after `changes` (`nil`: the first build) and publishes the result.
    @discardableResult
    public func build(after changes: ChangeSet?) async -> BuildReport {
        var previous = state.current.snapshot
        let start = DispatchTime.now()
        var quickSeconds: Double?
        var shownFirst: [String] = []
        if let changes, let shown = previous, state.current.failure == nil,
            let quick = await run({ [rebuilder] in rebuilder.quickRebuild(after: changes, previous: shown) })
        {
            quickSeconds = Self.seconds(since: start)
            shownFirst = quick.snapshot.changedPaths(since: shown)
            let view = state.publish(snapshot: quick.snapshot, failure: nil)
            hub.publish(BuildEvent(generation: view.generation, ok: true, changedSitePaths: shownFirst).frame)
            if quick.isComplete {
                return BuildReport(generation: view.generation, changes: changes, seconds: quickSeconds ?? 0, changedFiles: shownFirst)
            }
            previous = quick.snapshot
        }
        let outcome = await run { [rebuilder, previous] in
            Result { try rebuilder.rebuild(after: changes, previous: previous) }
        }
        let seconds = Self.seconds(since: start)
        switch outcome {
        case .success(let snapshot):
            let changed = snapshot.changedPaths(since: previous)
            let view = state.publish(snapshot: snapshot, failure: nil)
            hub.publish(BuildEvent(generation: view.generation, ok: true, changedSitePaths: changed).frame)
            return BuildReport(
                generation: view.generation, changes: changes, seconds: seconds, quickSeconds: quickSeconds,
                changedFiles: Array(Set(changed + shownFirst)).sorted())
        case .failure(let error):
            let failure = BuildFailure(error: error)
            let view = state.publish(snapshot: nil, failure: failure)
            hub.publish(BuildEvent(generation: view.generation, ok: false, changedSitePaths: []).frame)
            return BuildReport(generation: view.generation, changes: changes, seconds: seconds, changedFiles: [], failure: failure)
        }
    }

    /// Rebuilds once per burst in `changes` until it ends; `report` hears about every build.
    public func run(changes: AsyncStream<ChangeSet>, report: @escaping @Sendable (BuildReport) -> Void) async {
        var iterator = changes.makeAsyncIterator()
        while let first = await iterator.next() {
            report(await build(after: first))
        }
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Runs blocking work (the build uses its own threads) on a dispatch queue.
    private func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
