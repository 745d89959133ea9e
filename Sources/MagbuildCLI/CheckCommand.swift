import ArgumentParser
import Diagnostics
import Foundation
import Site

/// `magbuild check`: finds everything the build would reject or publish broken; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check articles, comments, templates and internal links without writing anything.",
        discussion: """
            Reports everything the build would reject (front matter, comment files,
            templates) and what it would publish broken: links and #anchors that lead
            nowhere, missing images, related articles that do not exist, URLs and
            aliases that collide, placeholder teasers, titles over 120 characters.

            Each finding reads 'file:line:col: error|warning: message (hint)'. The exit
            status is 1 when there is an error (with --strict also on a warning).
            The whole site is always checked; naming files or folders only limits which
            findings are reported (the pre-commit hook passes the changed files).

            Examples:
              magbuild check
              magbuild check --source ~/magazin --strict
              magbuild check content/politik/neue-steuer/index.md
              magbuild check --format github    # GitHub Actions annotations
              magbuild check --format json > findings.json
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output format: text, github (GitHub Actions annotations) or json.")
    var format: CheckFormat = .text

    @Flag(name: .long, help: "Exit with status 1 on warnings too.")
    var strict = false

    @Option(name: .long, help: "Number of parallel jobs (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print the time of each step.")
    var metrics = false

    @Argument(help: ArgumentHelp("Only report findings in these files or folders.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let root = site.sourceURL
        let report = SiteChecker(options: CheckOptions(source: root, jobs: jobs)).check()
        let scopes = paths.map { Self.sitePath($0, root: root) }
        let findings = report.diagnostics.filter { Self.isInScope($0, scopes) }

        switch format {
        case .text:
            let style = TerminalStyle.standardError
            for finding in findings { Reporter.printError(style.render(finding)) }
            if metrics {
                for step in report.steps { print(String(format: "%8.3f s  ", step.seconds) + step.name) }
            }
            print(Self.summary(report, findings: findings))
        case .github:
            if !findings.isEmpty { print(CheckOutput.github(findings, pathPrefix: Self.prefix(of: root))) }
        case .json:
            print(CheckOutput.json(findings))
        }
        let failed = findings.contains { $0.severity == .error || strict }
        if failed { throw ExitCode.failure }
    }

    static func summary(_ report: CheckReport, findings: [Diagnostic]) -> String {
        let errors = findings.count { $0.severity == .error }
        let warnings = findings.count - errors
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let result = findings.isEmpty ? "no problems" : count(errors, "error") + ", " + count(warnings, "warning")
        let time = String(format: "%.2f", report.seconds)
        return "Checked \(count(report.articles, "article")) and \(count(report.templates, "template")) in \(time) s: \(result)"
    }

    /// A path given on the command line, relative to the site folder (`content/politik`).
    static func sitePath(_ path: String, root: URL) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let absolute = URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    static func isInScope(_ diagnostic: Diagnostic, _ scopes: [String]) -> Bool {
        guard !scopes.isEmpty, let file = diagnostic.location?.file else { return true }
        return scopes.contains { scope in
            let folder = scope.hasSuffix("/") ? scope : scope + "/"
            return file == scope || file.hasPrefix(folder)
        }
    }

    /// The site folder relative to the current folder, with a trailing `/` (empty when they are the same),
    /// so annotations name files relative to the repository a workflow runs in.
    static func prefix(of root: URL) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let base = root.standardizedFileURL.path
        guard base.hasPrefix(current + "/") else { return "" }
        return String(base.dropFirst(current.count + 1)) + "/"
    }
}
