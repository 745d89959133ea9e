import Dispatch
import Synchronization

/// Runs `transform` over `items` on up to `jobs` threads (`--jobs`) and returns the results
/// in input order.
///
/// Work is handed out one item at a time, so a few slow items (an article with
/// hundreds of comments) do not leave the other threads idle. Inlinable, so that callers
/// get a version specialized for their types, as when it lived in their own module.
@inlinable
public func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], jobs: Int, _ transform: @Sendable (T) -> R
) -> [R] {
    if min(jobs, items.count) <= 1 { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    forEachIndex(items.count, jobs: jobs) { results.store(transform(items[$0]), at: $0) }
    return results.values()
}

/// Runs `body` for each of `items` on up to `jobs` threads, handed out as ``parallelMap(_:jobs:_:)``
/// does, for work that keeps nothing per item.
@inlinable
public func parallelForEach<T: Sendable>(_ items: [T], jobs: Int, _ body: @Sendable (T) -> Void) {
    forEachIndex(items.count, jobs: jobs) { body(items[$0]) }
}

/// Runs `body` for each of `items` as ``parallelForEach(_:jobs:_:)`` does, with state of
/// its own per thread: `worker` makes it on the thread, once, and it never leaves that
/// thread. For objects that every item reads in a tight loop (a template set), whose
/// reference counts would otherwise be shared by every core; so it need not be `Sendable`.
@inlinable
public func parallelForEach<T: Sendable, S>(
    _ items: [T], jobs: Int, worker: @Sendable () -> S, _ body: @Sendable (inout S, T) -> Void
) {
    forEachIndex(items.count, jobs: jobs, worker: worker) { state, index in body(&state, items[index]) }
}

/// Calls `body` with each of `0..<count` once, on up to `jobs` threads, one index at a time.
@inlinable
func forEachIndex(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
    forEachIndex(count, jobs: jobs, worker: {}) { _, index in body(index) }
}

/// Calls `body` with each of `0..<count` once, on up to `jobs` threads, one index at a time,
/// with the state `worker` made on that thread (none is made when there is nothing to do).
@inlinable
func forEachIndex<S>(_ count: Int, jobs: Int, worker: @Sendable () -> S, _ body: @Sendable (inout S, Int) -> Void) {
    guard count > 0 else { return }
    let workers = min(jobs, count)
    if workers <= 1 {
        var state = worker()
        for index in 0..<count { body(&state, index) }
        return
    }
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var state = worker()
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            body(&state, index)
        }
    }
}

/// Fixed slots written by distinct threads, each slot exactly once.
@usableFromInline
final class ResultSlots<R: Sendable>: Sendable {
    @usableFromInline let slots: Mutex<[R?]>

    @inlinable
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    @inlinable
    func store(_ value: R, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// The results, in an array of exactly their count (`compactMap` grows its result by
    /// doubling: 15.8 MB for the results of "render pages" at N=10,000, per heaptrack).
    @inlinable
    func values() -> [R] {
        slots.withLock { slots in
            var values: [R] = []
            values.reserveCapacity(slots.count)
            for case let value? in slots { values.append(value) }
            return values
        }
    }
}
