import Basics
import Synchronization
import Testing
@testable import Site

/// The budget under which pictures are made side by side: work in flight never needs more
/// than it, work larger than it runs alone, and everything runs.
@Suite struct MemoryBudgetTests {
    /// Runs work needing `sizes` bytes on `jobs` threads under a budget of `budget` bytes;
    /// returns the most bytes and the most pieces of work in flight at one time.
    /// With `awaitCompany`, the first pieces wait up to two seconds for a second one to run
    /// beside them (a thread pool may start its threads late).
    static func run(_ sizes: [Int], budget: Int, jobs: Int, awaitCompany: Bool = false) -> (bytes: Int, pieces: Int, done: Int) {
        let gate = MemoryBudget(bytes: budget)
        let state = Mutex((bytes: 0, pieces: 0, mostBytes: 0, mostPieces: 0, done: 0))
        _ = parallelMap(sizes, jobs: jobs) { size in
            gate.withBytes(size) {
                state.withLock {
                    $0.bytes += min(size, budget)
                    $0.pieces += 1
                    $0.mostBytes = max($0.mostBytes, $0.bytes)
                    $0.mostPieces = max($0.mostPieces, $0.pieces)
                }
                // Long enough for the other threads to try to start work beside this one.
                var sum = 0
                for value in 0..<200_000 { sum &+= value &* size }
                let start = ContinuousClock.now
                while awaitCompany && state.withLock({ $0.mostPieces < 2 }) && ContinuousClock.now - start < .seconds(2) { sum &+= 1 }
                state.withLock {
                    $0.bytes -= min(size, budget)
                    $0.pieces -= 1
                    $0.done += sum == -1 ? 0 : 1
                }
            }
        }
        return state.withLock { ($0.mostBytes, $0.mostPieces, $0.done) }
    }

    @Test func workInFlightStaysWithinTheBudget() {
        let sizes = (0..<60).map { [30, 30, 30, 90][$0 % 4] }
        let result = Self.run(sizes, budget: 96, jobs: 4)
        #expect(result.bytes <= 96)
        #expect(result.done == sizes.count)
    }

    @Test func smallWorkRunsSideBySide() {
        let result = Self.run(Array(repeating: 10, count: 40), budget: 100, jobs: 4, awaitCompany: true)
        #expect(result.pieces > 1)
        #expect(result.done == 40)
    }

    @Test func workLargerThanTheBudgetRunsAlone() {
        let sizes = (0..<30).map { $0 % 3 == 0 ? 500 : 20 }
        let result = Self.run(sizes, budget: 100, jobs: 4)
        #expect(result.bytes <= 100)
        #expect(result.done == sizes.count)
    }
}
