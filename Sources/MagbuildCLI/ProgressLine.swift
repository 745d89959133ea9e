import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long build on a terminal: `render pages  1200/15613`, redrawn in
/// place on stderr. Silent when stderr is not a terminal and during the first second.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant
        var drawn = false
    }

    private let start = ContinuousClock.now
    private let state: Mutex<State>
    let isEnabled: Bool

    init() {
        isEnabled = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        state = Mutex(State(lastDraw: start))
    }

    /// Draws the line at most ten times a second.
    func update(step: String, done: Int, total: Int) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        let draw = state.withLock { state -> Bool in
            guard now - start > .seconds(1), now - state.lastDraw > .milliseconds(100) || done == total else { return false }
            state.lastDraw = now
            state.drawn = true
            return true
        }
        guard draw else { return }
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(step) [\(bar)] \(done)/\(total)".utf8))
    }

    /// Removes the line before the summary is printed.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
