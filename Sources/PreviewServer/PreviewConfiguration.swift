import Foundation
import Site

/// Settings of `magbuild serve`.
public struct PreviewConfiguration: Sendable {
    /// The site folder.
    public var source: URL
    /// The address to bind; loopback unless asked otherwise.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    public var includeDrafts: Bool
    public var includeFuture: Bool
    /// Threads for the build.
    public var jobs: Int
    public var watch: WatchMethod
    /// Stop on SIGINT (Ctrl-C) and SIGTERM; off in tests.
    public var handlesSignals: Bool
    /// A burst of saves ends after this long without another save …
    public var quietPeriod: Duration = .milliseconds(40)
    /// … or at the latest this long after its first save.
    public var burstLimit: Duration = .milliseconds(250)

    public init(
        source: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false,
        includeFuture: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        watch: WatchMethod = .native, handlesSignals: Bool = true
    ) {
        self.source = source
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.jobs = jobs
        self.watch = watch
        self.handlesSignals = handlesSignals
    }

    /// The URL browsers use for the server on `port`: `http://host:port/`, with
    /// `localhost` for the wildcard addresses and brackets for IPv6.
    public func url(port: Int) -> String {
        var name = host
        if name == "0.0.0.0" || name == "::" || name.isEmpty { name = "localhost" }
        if name.contains(":") { name = "[" + name + "]" }
        return "http://\(name):\(port)/"
    }

    /// The build options of the preview: the server's own URL as base URL, so
    /// canonical links and feeds point at the preview; assets keep their names.
    func buildOptions(baseURL: String) -> BuildOptions {
        var options = BuildOptions(
            source: source, includeDrafts: includeDrafts, includeFuture: includeFuture,
            baseURL: baseURL, jobs: jobs)
        options.fingerprintAssets = false
        return options
    }
}
