import Diagnostics
import Foundation

/// What `magbuild check` looks at and which publishing rules it assumes.
public struct CheckOptions: Sendable {
    /// The site folder (holding `site.yml`, `content/`, `templates/`, `static/`).
    public var source: URL
    /// Number of threads for parallel steps.
    public var jobs: Int
    /// The moment that decides which articles are "future" (links to them are warnings).
    public var now: Date

    public init(source: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, now: Date = Date()) {
        self.source = source
        self.jobs = max(1, jobs)
        self.now = now
    }

    /// The publishing rules of a default build (no drafts, no future articles).
    var buildOptions: BuildOptions {
        BuildOptions(source: source, output: source, jobs: jobs, now: now)
    }
}

/// What `magbuild check` found.
public struct CheckReport: Sendable {
    /// Every finding, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// Articles read (drafts and future ones included).
    public var articles: Int
    /// Templates parsed.
    public var templates: Int
    public var seconds: Double
    /// Wall-clock seconds per named step, in order.
    public var steps: [(name: String, seconds: Double)]

    public init(diagnostics: [Diagnostic], articles: Int, templates: Int, seconds: Double,
                steps: [(name: String, seconds: Double)] = []) {
        self.diagnostics = diagnostics
        self.articles = articles
        self.templates = templates
        self.seconds = seconds
        self.steps = steps
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
