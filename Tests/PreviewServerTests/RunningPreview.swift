import Foundation
import PreviewServer
import Synchronization

/// A preview server running on a free loopback port over a copy of a fixture
/// site, for the real-socket tests. `stop()` cancels it and waits until it ended.
final class RunningPreview: Sendable {
    let site: URL
    let server: PreviewServer
    let port: Int
    let url: String
    private let task: Task<Void, any Error>
    private let reports = Mutex<[BuildReport]>([])

    /// Every rebuild reported so far (not the first build).
    var rebuilds: [BuildReport] { reports.withLock { $0 } }

    private init(site: URL, server: PreviewServer, port: Int, url: String, task: Task<Void, any Error>) {
        self.site = site
        self.server = server
        self.port = port
        self.url = url
        self.task = task
    }

    static func start(
        fixture: String = "basic-site", watch: WatchMethod = .native, quietPeriod: Duration = .milliseconds(40)
    ) async throws -> RunningPreview {
        let site = try Fixtures.copy(fixture)
        var configuration = PreviewConfiguration(source: site, port: 0, jobs: 2, watch: watch, handlesSignals: false)
        configuration.quietPeriod = quietPeriod
        configuration.burstLimit = max(configuration.burstLimit, quietPeriod * 4)
        let server = PreviewServer(configuration: configuration)
        let (ready, readySink) = AsyncStream<String>.makeStream()
        let box = ReportBox()
        let task = Task {
            try await server.run(onReady: { url, _ in readySink.yield(url) }, onBuild: { box.append($0) })
        }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next(), let port = URL(string: url)?.port else {
            task.cancel()
            throw RawConnection.Failure(description: "the server did not start")
        }
        let preview = RunningPreview(site: site, server: server, port: port, url: url, task: task)
        box.target.withLock { $0 = preview }
        return preview
    }

    fileprivate func append(_ report: BuildReport) {
        reports.withLock { $0.append(report) }
    }

    func stop() async {
        await server.stop()
        _ = await task.result
        Fixtures.remove(site)
    }
}

/// Forwards reports that arrive before the `RunningPreview` exists (there are none: the watcher only reports after the first build).
private final class ReportBox: Sendable {
    let target = Mutex<RunningPreview?>(nil)

    func append(_ report: BuildReport) {
        target.withLock { $0 }?.append(report)
    }
}
