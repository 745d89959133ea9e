import Basics
import Diagnostics
import Foundation

/// What a build did: counts for the summary line, warnings, and time per step.
public struct BuildSummary: Sendable {
    public var pages = 0
    public var comments = 0
    /// Static files and bundle resources copied.
    public var files = 0
    /// Output files added, changed or removed; the others were unchanged since the previous build and kept.
    public var written = 0
    /// Articles whose Markdown and comments were rendered; the others came from the build cache.
    public var articlesRendered = 0
    /// Pictures decoded to make derivatives; the others' derivatives were in the picture store.
    public var picturesMade = 0
    /// Whether AVIF derivatives were made: nil when `site.yml` does not ask for them, false
    /// when this machine's libvips cannot encode AVIF.
    public var avif: Bool?
    public var seconds = 0.0
    public var warnings: [Diagnostic] = []
    /// Wall-clock seconds per named pipeline step, in order.
    public var steps: [(name: String, seconds: Double)] = []
    /// Per page template: pages rendered with it and the seconds spent (summed over threads),
    /// slowest first.
    public var templates: [(name: String, pages: Int, seconds: Double)] = []
    /// The output files this build added, changed and removed (`magbuild build --list-changes`).
    public var changes = OutputChanges()

    public init() {}

    /// The one-line summary printed at the end of `magbuild build`.
    public var line: String {
        let time = String(format: "%.2f", seconds)
        let changed = written == 0 ? "nothing changed" : "\(written) file\(written == 1 ? "" : "s") changed"
        return "Built \(pages) pages, \(comments) comments, \(files) files in \(time) s (\(changed))"
    }
}

/// The output files a build added, changed and removed, by path relative to the output
/// folder, each list sorted. After a build without a cache (the first, or `--clean`) every
/// file is listed as changed, since the files it replaced are not known.
public struct OutputChanges: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added.sorted()
        self.changed = changed.sorted()
        self.removed = removed.sorted()
    }

    public var count: Int { added.count + changed.count + removed.count }

    /// What `outputs` add, change and remove in an output whose keys were `previous`.
    init(_ outputs: [PlannedOutput], previous: [String: Digest], jobs: Int) {
        // Looked up on every core: a lookup costs as much as hashing the path (59,000 at N=10,000).
        let found = parallelMap(outputs, jobs: jobs) { output in previous[output.path].map { $0 == output.key } }
        var added: [String] = [], changed: [String] = []
        for (output, same) in zip(outputs, found) {
            switch same {
            case nil: added.append(output.path)
            case false?: changed.append(output.path)
            case true?: break
            }
        }
        // Paths are unique in a plan: when every previous path is among them, none was removed
        // (the usual case, which then needs no set of every path).
        var removed: [String] = []
        if previous.count != outputs.count - added.count {
            let paths = Set(outputs.lazy.map(\.path))
            removed = previous.keys.filter { !paths.contains($0) }
        }
        self.init(added: added, changed: changed, removed: removed)
    }
}

/// Measures named steps of the pipeline.
struct StepClock {
    private(set) var steps: [(name: String, seconds: Double)] = []
    private let start = DispatchTime.now()

    mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let begin = DispatchTime.now()
        defer { steps.append((name, Self.seconds(since: begin))) }
        return try body()
    }

    /// Runs `body`, and how long it took: for a step that runs beside another (``record(_:_:)``).
    static func timed<T>(_ body: () -> T) -> (value: T, seconds: Double) {
        let begin = DispatchTime.now()
        let value = body()
        return (value, seconds(since: begin))
    }

    /// Adds a step timed with ``timed(_:)``.
    mutating func record<T>(_ name: String, _ timed: (value: T, seconds: Double)) -> T {
        steps.append((name, timed.seconds))
        return timed.value
    }

    var total: Double { Self.seconds(since: start) }

    private static func seconds(since begin: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e9
    }
}

extension BuildSummary {
    /// The summary of a build that had nothing to do: what the last build counted.
    init(unchanged counts: BuildCache.Counts, warnings: [Diagnostic], steps: [(name: String, seconds: Double)]) {
        self.init()
        pages = counts.pages
        files = counts.files
        comments = counts.comments
        self.warnings = warnings
        self.steps = steps
    }
}
