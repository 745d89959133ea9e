import Dispatch
import Testing
@testable import Basics

@Suite struct ConcurrentTests {
    /// The work starts at once, on its own thread, and every reader gets its value.
    @Test func runsWhileTheCallerGoesOn() {
        let started = DispatchSemaphore(value: 0), proceed = DispatchSemaphore(value: 0)
        let concurrent = Concurrent { () -> Int in
            started.signal()
            proceed.wait()
            return 42
        }
        #expect(started.wait(timeout: .now() + 30) == .success, "the work runs before anyone asks for its value")
        proceed.signal()
        #expect(concurrent.value == 42)
        #expect(concurrent.value == 42, "a second read")
    }

    @Test func anOptionalValueThatIsNil() {
        let concurrent = Concurrent { () -> Int? in nil }
        #expect(concurrent.value == nil)
    }
}
