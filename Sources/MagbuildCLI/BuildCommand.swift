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
              magbuild build --quiet --list-changes   # the files a deploy uploads
              magbuild build --format json            # counts, warnings, timings

            Warnings and errors go to stderr, the summary to stdout. Exit status:
            0 when the site was built, 1 when it has errors (nothing was written
            then), 64 for a usage error.
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

    @Flag(name: .long, help: "A preview build: robots.txt disallows everything, pages say noindex (implied by --drafts and --future).")
    var preview = false

    @Option(name: .long, help: "Number of parallel jobs (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Ignore the build cache in .magbuild/ and render everything.")
    var clean = false

    @Flag(name: .long, help: "Print the time of each build step.")
    var metrics = false

    @Flag(name: .long, help: "Print nothing but warnings and errors (on stderr).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Summary format on stdout: text or json.", valueName: "format"))
    var format: SummaryFormat = .text

    @Flag(name: .customLong("list-changes"), help: "List the output files added, changed and removed.")
    var listChanges = false

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let outputURL = output.map {
            URL(fileURLWithPath: $0, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
        }
        var options = BuildOptions(
            source: site.sourceURL, output: outputURL, includeDrafts: drafts, includeFuture: future,
            baseURL: baseURL, jobs: jobs)
        options.clean = clean
        options.preview = preview
        // Reproducible builds: the clock of the news sitemap's window and of future articles.
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            options.now = Date(timeIntervalSince1970: epoch)
        }
        let progress = ProgressLine()
        if progress.isEnabled, !quiet, format == .text {
            options.progress = { progress.update(step: $0, done: $1, total: $2) }
        }
        defer { progress.finish() }
        let summary: BuildSummary
        do {
            summary = try SiteBuilder(options: options).build()
        } catch {
            progress.finish()
            Reporter.report(error)
            if format == .json { print(BuildSummaryJSON(failure: error).json) }
            throw ExitCode.failure
        }
        progress.finish()
        Reporter.report(summary.warnings)
        switch format {
        case .json:
            print(BuildSummaryJSON(summary, listingChanges: listChanges).json)
        case .text:
            if metrics, !quiet { printMetrics(summary) }
            if listChanges { printChanges(summary.changes) }
            if !quiet { print(summary.line) }
        }
    }

    private func printMetrics(_ summary: BuildSummary) {
        for step in summary.steps {
            print(String(format: "%8.3f s  ", step.seconds) + step.name)
        }
        let avif = summary.avif.map { $0 ? "AVIF made" : "AVIF asked for, but this libvips cannot encode it" } ?? "AVIF not asked for"
        print("pictures decoded: \(summary.picturesMade) (\(avif))")
        if !summary.templates.isEmpty { print("templates (seconds summed over threads):") }
        for template in summary.templates {
            print(String(format: "%8.3f s  ", template.seconds) + "\(template.name) (\(template.pages) pages)")
        }
    }

    /// One line per file: `added`, `changed` or `removed`, a space, the path in the output folder.
    private func printChanges(_ changes: OutputChanges) {
        for path in changes.added { print("added " + path) }
        for path in changes.changed { print("changed " + path) }
        for path in changes.removed { print("removed " + path) }
    }
}
