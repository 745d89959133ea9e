import Synchronization

/// Values handed out by index, each once, to the workers of a ``parallelMap``: a value is
/// freed as soon as its worker is done with it, not when the whole map is.
final class HandOut<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(_ values: [Value]) { slots = Mutex(values.map { Optional.some($0) }) }

    /// The value at `index`; nil if it was taken already.
    func take(_ index: Int) -> Value? {
        slots.withLock { slots in
            let value = slots[index]
            slots[index] = nil
            return value
        }
    }
}
