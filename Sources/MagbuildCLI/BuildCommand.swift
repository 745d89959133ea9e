import ArgumentParser
import Foundation
import Site

/// `magbuild build`: builds the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The output is written beside the target folder and swapped in only when the
            whole build succeeded: a failed build leaves the previous output untouched.

            Examples:
              magbuild build
              magbuild build --source ~/magazin --output /tmp/site
              magbuild build --drafts --future --base-url https://preview.magazin.example/
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Output folder (default: public/ in the site folder).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Also publish articles marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Also publish articles dated in the future.")
    var future = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Override baseURL from site.yml.", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: "Number of parallel jobs (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Ignore the build cache in .magbuild/ and render everything.")
    var clean = false

    @Flag(name: .long, help: "Print the time of each build step.")
    var metrics = false

    func run() throws {
        let outputURL = output.map {
            URL(fileURLWithPath: $0, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
        }
        var options = BuildOptions(
            source: site.sourceURL, output: outputURL, includeDrafts: drafts, includeFuture: future,
            baseURL: baseURL, jobs: jobs)
        options.clean = clean
        let progress = ProgressLine()
        if progress.isEnabled { options.progress = { progress.update(step: $0, done: $1, total: $2) } }
        defer { progress.finish() }
        do {
            let summary = try SiteBuilder(options: options).build()
            progress.finish()
            Reporter.report(summary.warnings)
            if metrics {
                for step in summary.steps {
                    print(String(format: "%8.3f s  ", step.seconds) + step.name)
                }
                if !summary.templates.isEmpty { print("templates (seconds summed over threads):") }
                for template in summary.templates {
                    print(String(format: "%8.3f s  ", template.seconds) + "\(template.name) (\(template.pages) pages)")
                }
            }
            print(summary.line)
        } catch {
            Reporter.report(error)
            throw ExitCode.failure
        }
    }
}
