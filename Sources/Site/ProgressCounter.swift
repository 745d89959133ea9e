import Synchronization

/// Counts finished items of a parallel step and reports every hundredth (and the last) to
/// the build's progress callback.
final class ProgressCounter: Sendable {
    private let step: String
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?
    private let done = Atomic<Int>(0)

    init(step: String, total: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.step = step
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        let count = done.wrappingAdd(1, ordering: .relaxed).newValue
        if count % 100 == 0 || count == total { report(step, count, total) }
    }
}
