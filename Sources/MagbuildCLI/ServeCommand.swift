import ArgumentParser
import Dispatch
import Foundation
import PreviewServer
import Synchronization

/// `magbuild serve`: the preview server with live reload and in-browser errors.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it into memory, serve it, rebuild and reload on every save.",
        discussion: """
            Builds with the same pipeline as `magbuild build`, with the preview's own URL as
            base URL. Open pages reload after a rebuild that changed them; CSS changes apply
            without a reload. When a rebuild fails, every page shows the errors over the last
            good build until the next good save. Stop with Ctrl-C.

            Examples:
              magbuild serve
              magbuild serve --source ~/magazin --drafts --port 0
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Address to listen on (loopback unless you say otherwise).", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8000

    @Flag(name: .long, help: "Also publish articles marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Also publish articles dated in the future.")
    var future = false

    @Flag(name: .long, help: "Watch by polling file times every 150 ms (network drives, some containers).")
    var poll = false

    @Option(name: .long, help: "Number of parallel jobs (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let configuration = PreviewConfiguration(
            source: site.sourceURL, host: host, port: port, includeDrafts: drafts, includeFuture: future,
            jobs: jobs, watch: poll ? .poll : .native)
        let server = PreviewServer(configuration: configuration)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(onReady: Self.ready, onBuild: Self.report)
            } catch {
                outcome.error.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error.withLock({ $0 }) {
            Reporter.printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode.failure
        }
        Self.say("Stopped.")
    }

    /// How the server ended, handed from its task to the waiting command.
    private final class Outcome: Sendable {
        let error = Mutex<(any Error)?>(nil)
    }

    private static func ready(url: String, first: BuildReport) {
        report(first)
        say("Serving at \(url) (Ctrl-C to stop)")
    }

    /// Writes a line to stdout at once (stdout may be a pipe, where `print` buffers).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func report(_ build: BuildReport) {
        if let failure = build.failure {
            Reporter.report(failure.diagnostics)
            Reporter.printError(build.line + "; still serving the last good build")
        } else {
            say(build.line)
        }
    }
}
