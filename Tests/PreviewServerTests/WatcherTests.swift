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
        // Generous windows: the machine running the tests may be busy.
        let batcher = ChangeBatcher(quiet: .milliseconds(300), limit: .seconds(2))
        for index in 0..<5 {
            batcher.record(["content/a/index.md", "content/a/.index.md.swp", "content/tmp\(index)"])
            try await Task.sleep(for: .milliseconds(5))
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

    @Test func aSteadyStreamStillFlushesAtTheLimit() async throws {
        let batcher = ChangeBatcher(quiet: .milliseconds(40), limit: .milliseconds(150))
        let start = ContinuousClock.now
        let writer = Task {
            for index in 0..<40 {
                batcher.record(["content/x\(index).md"])
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        var iterator = batcher.changes.makeAsyncIterator()
        _ = await iterator.next()
        #expect(ContinuousClock.now - start < .milliseconds(600))
        writer.cancel()
        batcher.finish()
    }
}
