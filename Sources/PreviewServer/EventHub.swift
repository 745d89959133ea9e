import Synchronization

/// Fans SSE frames out to every connected browser. Each subscriber gets its own
/// stream; `finishAll()` ends them so the server can shut down with no request
/// left hanging.
public final class EventHub: Sendable {
    private struct Storage {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var finished = false
    }

    private let storage = Mutex(Storage())

    public init() {}

    /// A new stream of frames that starts with `first`.
    func subscribe(first: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield(first)
        let id: Int? = storage.withLock { storage in
            guard !storage.finished else { return nil }
            let id = storage.nextID
            storage.nextID += 1
            storage.subscribers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.storage.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `frame` to every subscriber.
    func publish(_ frame: String) {
        let subscribers = storage.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(frame) }
    }

    /// Number of connected browsers.
    public var subscriberCount: Int { storage.withLock { $0.subscribers.count } }

    /// Ends every stream, now and for later subscribers.
    public func finishAll() {
        let subscribers = storage.withLock { storage in
            storage.finished = true
            let all = Array(storage.subscribers.values)
            storage.subscribers = [:]
            return all
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
