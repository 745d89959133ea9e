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
}
