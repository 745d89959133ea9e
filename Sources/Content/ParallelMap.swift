import Dispatch
import Foundation

/// Maps over an array on all cores, keeping the order of the input.
enum ParallelMap {
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Slots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            results[index] = transform(elements[index])
        }
        return results.values
    }
}

/// Result slots written from several threads, each slot by exactly one; guarded by a lock.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// All values, in slot order; call after every slot is written.
    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
