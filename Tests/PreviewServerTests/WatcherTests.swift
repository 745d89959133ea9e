import Foundation
import Synchronization
import Testing

@testable import PreviewServer

/// Both watchers see edits, new bundles and deletions; the batcher coalesces bursts.
@Suite struct WatcherTests {
    final class Seen: Sendable {
        let paths = Mutex<Set<String>>([])
        func add(_ new: [String]) { paths.withLock { $0.formUnion(new) } }

        /// Waits until `path` was seen; false after `timeout` seconds.
        func wait(for path: String, timeout: Double = 3) async -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if paths.withLock({ $0.contains(path) }) { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return false
        }
    }

    private func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-watch-\(UUID().uuidString)")
        for folder in ["content/politik/a", "templates", "static/css"] {
            try FileManager.default.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "x".write(to: site.appendingPathComponent("content/politik/a/index.md"), atomically: false, encoding: .utf8)
        try "t: 1".write(to: site.appendingPathComponent("site.yml"), atomically: false, encoding: .utf8)
        return site
    }

    @Test(arguments: WatchMethod.allCases)
    func seesEditsNewFoldersAndDeletions(method: WatchMethod) async throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let watcher = method.makeWatcher(site: site)
        let seen = Seen()
        try watcher.start { seen.add($0) }
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(50))

        try "y, longer".write(to: site.appendingPathComponent("content/politik/a/index.md"), atomically: false, encoding: .utf8)
        #expect(await seen.wait(for: "content/politik/a/index.md"))

        try "t: 2, longer".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        #expect(await seen.wait(for: "site.yml"))

        let bundle = site.appendingPathComponent("content/kultur/neu")
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(50))
        try "neu".write(to: bundle.appendingPathComponent("index.md"), atomically: false, encoding: .utf8)
        #expect(await seen.wait(for: "content/kultur/neu/index.md"))

        try await Task.sleep(for: .milliseconds(200))
        seen.paths.withLock { _ = $0.remove("content/politik/a/index.md") }
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/politik/a/index.md"))
        #expect(await seen.wait(for: "content/politik/a/index.md"))

        try "body{}".write(to: site.appendingPathComponent("public-not-watched.css"), atomically: false, encoding: .utf8)
        try "body{}".write(to: site.appendingPathComponent("static/css/style.css"), atomically: false, encoding: .utf8)
        #expect(await seen.wait(for: "static/css/style.css"))
        #expect(!seen.paths.withLock { $0.contains("public-not-watched.css") })
    }

    @Test func aBurstBecomesOneChangeSet() async throws {
        // The whole burst is recorded long before the quiet period can end, however busy the machine.
        let batcher = ChangeBatcher(quiet: .seconds(2), limit: .seconds(10))
        for index in 0..<5 {
            batcher.record(["content/a/index.md", "content/a/.index.md.swp", "content/tmp\(index)"])
        }
        var iterator = batcher.changes.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.paths == Set(["content/a/index.md"] + (0..<5).map { "content/tmp\($0)" }))
        batcher.record(["site.yml"])
        let second = await iterator.next()
        #expect(second?.paths == ["site.yml"])
        batcher.finish()
        #expect(await iterator.next() == nil)
    }

    /// The flush rule itself, on given durations: a quiet pause ends a burst, and a steady
    /// stream of saves is flushed at the limit.
    @Test func quietPauseOrLimitEndsABurst() {
        let quiet = Duration.milliseconds(40), limit = Duration.milliseconds(250)
        func wait(_ sinceLast: Int, _ sinceFirst: Int) -> Duration? {
            ChangeBatcher.waitBeforeFlush(
                sinceLast: .milliseconds(sinceLast), sinceFirst: .milliseconds(sinceFirst), quiet: quiet, limit: limit)
        }
        #expect(wait(10, 10) == .milliseconds(30))
        #expect(wait(40, 100) == nil)
        #expect(wait(20, 240) == .milliseconds(10), "the limit comes first")
        #expect(wait(5, 250) == nil, "a steady stream still flushes at the limit")
        #expect(wait(0, 0) == quiet)
    }
}
