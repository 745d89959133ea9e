import Foundation
import Synchronization

/// A value computed on a thread of its own while the caller goes on; ``value`` waits for it.
///
/// For two steps that only read the same inputs and each leave a core idle in their serial
/// parts. A thread rather than a dispatch queue: the work's own ``parallelMap(_:jobs:_:)``
/// then runs at full width, as it would on the caller's thread.
public struct Concurrent<Value: Sendable>: Sendable {
    private final class Slot: Sendable {
        let value = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
    }

    private let slot = Slot()

    /// Starts `work` at once.
    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [slot] in
            let value = work()
            slot.value.withLock { $0 = value }
            slot.done.signal()
        }
        // As much stack as the main thread has: the work may be any step of a build.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's value, once it is done.
    public var value: Value {
        while true {
            if let value = slot.value.withLock({ $0 }) { return value }
            slot.done.wait()
            slot.done.signal()  // for the next reader
        }
    }
}
