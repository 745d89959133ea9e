import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Site
import Synchronization
import UnixSignals

/// `magbuild serve`: builds the site into memory with the same pipeline as
/// `magbuild build`, serves it over HTTP, rebuilds when sources change, and
/// tells open pages to reload (or to show the errors) over Server-Sent Events.
///
/// The pieces, each replaceable on its own:
///
///     FileWatcher → ChangeBatcher → BuildCoordinator(SiteRebuilder) → PreviewState + EventHub
///                                                                      ↓
///                                                            PreviewResponder (Hummingbird)
public final class PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    /// What is being served; readable from tests.
    public let state = PreviewState()
    /// The connected browsers.
    public let hub = EventHub()
    private let makeRebuilder: @Sendable (BuildOptions) -> any SiteRebuilder
    private let group = Mutex<ServiceGroup?>(nil)

    /// - Parameter makeRebuilder: the rebuild strategy; a full in-memory rebuild unless given.
    public init(
        configuration: PreviewConfiguration,
        makeRebuilder: @escaping @Sendable (BuildOptions) -> any SiteRebuilder = { IncrementalRebuilder(options: $0) }
    ) {
        self.configuration = configuration
        self.makeRebuilder = makeRebuilder
    }

    /// Binds, builds, serves and watches until cancelled or, with `handlesSignals`, until Ctrl-C.
    /// - Parameters:
    ///   - onReady: called once with the URL (with the real port) after the first build, good or failed.
    ///   - onBuild: called after every rebuild.
    /// - Throws: when the address cannot be bound.
    public func run(
        onReady: @escaping @Sendable (_ url: String, _ firstBuild: BuildReport) -> Void,
        onBuild: @escaping @Sendable (BuildReport) -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "magbuild.serve")
        logger.logLevel = .warning
        let (ports, portSink) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let app = Application(
            responder: PreviewResponder(state: state, hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger
        )
        let rebuilding = RebuildService(
            server: self, ports: ports, makeRebuilder: makeRebuilder, onReady: onReady, onBuild: onBuild)
        let signals: [UnixSignal] = configuration.handlesSignals ? [.sigint, .sigterm] : []
        // Services shut down in reverse order: the rebuild service first, closing
        // every event stream, so the HTTP server has no endless response to wait for.
        let group = ServiceGroup(configuration: .init(services: [app, rebuilding], gracefulShutdownSignals: signals, logger: logger))
        self.group.withLock { $0 = group }
        try await group.run()
    }

    /// Shuts the server down gracefully, as Ctrl-C does: event streams end, open requests finish, `run` returns.
    public func stop() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }
}

/// Waits for the bound port, makes the first build, then rebuilds on every burst
/// of changes until shutdown, when it ends the browsers' event streams.
struct RebuildService: Service {
    let server: PreviewServer
    let ports: AsyncStream<Int>
    let makeRebuilder: @Sendable (BuildOptions) -> any SiteRebuilder
    let onReady: @Sendable (String, BuildReport) -> Void
    let onBuild: @Sendable (BuildReport) -> Void

    func run() async throws {
        defer { server.hub.finishAll() }
        try await cancelWhenGracefulShutdown {
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            try await serve(url: server.configuration.url(port: port))
        }
    }

    private func serve(url: String) async throws {
        let configuration = server.configuration
        let coordinator = BuildCoordinator(
            rebuilder: makeRebuilder(configuration.buildOptions(baseURL: url)), state: server.state, hub: server.hub)
        let batcher = ChangeBatcher(quiet: configuration.quietPeriod, limit: configuration.burstLimit)
        var watcher = configuration.watch.makeWatcher(site: configuration.source)
        do {
            try watcher.start { batcher.record($0) }
        } catch {
            watcher = PollingWatcher(site: configuration.source)
            try watcher.start { batcher.record($0) }
        }
        defer {
            watcher.stop()
            batcher.finish()
        }
        onReady(url, await coordinator.build(after: nil))
        await withTaskCancellationHandler {
            await coordinator.run(changes: batcher.changes, report: onBuild)
        } onCancel: {
            batcher.finish()
        }
    }
}
