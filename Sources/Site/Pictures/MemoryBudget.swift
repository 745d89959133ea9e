import Foundation

/// Bytes that work running side by side shares: ``withBytes(_:_:)`` waits until the bytes it
/// asks for are free, in the order the requests came (a request larger than the whole budget
/// runs alone). The build makes pictures in parallel under one: a picture with transparency
/// needs three photos' memory (``Derivatives/peakMemory(of:settings:)``).
final class MemoryBudget: @unchecked Sendable {
    // Safe: `free`, `next` and `serving` are read and written only with `condition` locked.
    private let condition = NSCondition()
    private let total: Int
    private var free: Int
    /// The ticket of the next request, and of the one served next.
    private var next = 0
    private var serving = 0

    init(bytes: Int) {
        total = max(1, bytes)
        free = total
    }

    func withBytes<R>(_ bytes: Int, _ body: () throws -> R) rethrows -> R {
        let taken = min(max(0, bytes), total)
        condition.lock()
        let ticket = next
        next += 1
        while serving != ticket || free < taken { condition.wait() }
        free -= taken
        serving += 1
        condition.broadcast()
        condition.unlock()
        defer {
            condition.lock()
            free += taken
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}
