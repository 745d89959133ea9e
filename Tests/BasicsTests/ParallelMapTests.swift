import Foundation
import Synchronization
import Testing
@testable import Basics

@Suite struct ParallelMapTests {
    @Test func keepsTheOrder() {
        let items = Array(0..<1_000)
        #expect(parallelMap(items, jobs: 4) { $0 * 2 } == items.map { $0 * 2 })
        #expect(parallelMap([Int](), jobs: 4) { $0 } == [])
    }

    /// `--jobs 1` runs one item at a time; `--jobs 2` never more than two.
    @Test(arguments: [1, 2])
    func honoursJobs(jobs: Int) {
        let running = Atomic<Int>(0), most = Atomic<Int>(0)
        _ = parallelMap(Array(0..<64), jobs: jobs) { item -> Int in
            let now = running.wrappingAdd(1, ordering: .relaxed).newValue
            _ = most.max(now, ordering: .relaxed)
            Thread.sleep(forTimeInterval: 0.001)
            running.wrappingSubtract(1, ordering: .relaxed)
            return item
        }
        #expect(most.load(ordering: .relaxed) <= jobs)
    }

    /// Each thread makes its state once and keeps it; every item is visited once, with the
    /// state of the thread it runs on.
    @Test(arguments: [1, 2, 4])
    func eachThreadHasStateOfItsOwn(jobs: Int) {
        final class State {
            let thread = pthread_self()
            var items: [Int] = []
        }
        let made = Atomic<Int>(0), strays = Atomic<Int>(0)
        let visited = Mutex([Int]())
        parallelForEach(Array(0..<500), jobs: jobs, worker: { () -> State in
            made.wrappingAdd(1, ordering: .relaxed)
            return State()
        }) { state, item in
            if pthread_equal(state.thread, pthread_self()) == 0 { strays.wrappingAdd(1, ordering: .relaxed) }
            state.items.append(item)
            visited.withLock { $0.append(item) }
            if state.items.count == 1 { Thread.sleep(forTimeInterval: 0.002) }  // give the other threads a turn
        }
        let workers = made.load(ordering: .relaxed)
        #expect(workers >= 1 && workers <= jobs)
        #expect(strays.load(ordering: .relaxed) == 0)
        #expect(visited.withLock { $0.sorted() } == Array(0..<500))
        parallelForEach([Int](), jobs: jobs, worker: { made.wrappingAdd(1, ordering: .relaxed) }) { _, _ in }
        #expect(made.load(ordering: .relaxed) == workers, "no state is made for no items")
    }
}
