import Foundation
import Synchronization
import Testing
@testable import Site

/// Random sequences of edits to a small magazine, each followed by an incremental build on
/// disk and a rebuild of the preview's live build; after every step both must hold exactly
/// the files a clean build of the same folder makes (or all three must fail).
///
/// `MAGBUILD_DIFF_STEPS` sets the number of steps (default 240; `make test-incremental
/// STEPS=20000` for a long run) and `MAGBUILD_DIFF_SEED` replays a failing sequence: the
/// seed is printed with every failure.
@Suite struct DifferentialBuildTests {
    static let templates: [String: Data] = {
        let folder = SiteBuilderTests.fixture.appendingPathComponent("templates")
        var files: [String: Data] = [:]
        for name in SiteFiles.list(folder) { files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) }
        return files
    }()

    @Test func incrementalBuildsEqualCleanBuilds() throws {
        let environment = ProcessInfo.processInfo.environment
        let steps = environment["MAGBUILD_DIFF_STEPS"].flatMap(Int.init) ?? 240
        let seed = environment["MAGBUILD_DIFF_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0..<UInt64.max)
        var run = try DifferentialRun(seed: seed)
        defer { run.removeFolder() }
        var built = 0
        for step in 0..<steps {
            let edit = run.site.edit()
            try run.write()
            let failure = try run.compare()
            #expect(failure == nil, "seed \(seed), step \(step) (\(edit)): \(failure ?? "")")
            if failure != nil { return }
            if run.lastBuildSucceeded { built += 1 }
        }
        // Typos are rare and fixed again, so nearly all comparisons are of real builds.
        #expect(built * 10 >= steps * 7, "seed \(seed): only \(built) of \(steps) builds succeeded")
    }
}

/// One differential run: the random site, its folder, and the preview's live build.
struct DifferentialRun {
    var site: RandomSite
    let folder: URL
    private var written: [String: Data] = [:]
    private let live: LiveBuild
    private var liveFiles: [String: Data] = [:]
    private let clock: Clock
    /// Whether the clean build of the last comparison succeeded.
    private(set) var lastBuildSucceeded = false

    /// The build's "now", which the site's edits move forward.
    final class Clock: Sendable {
        private let day = Atomic(0)
        func set(_ value: Int) { day.store(value, ordering: .relaxed) }
        var now: Date { Date(timeIntervalSince1970: RandomSite.epoch + Double(day.load(ordering: .relaxed)) * 86_400) }
    }

    init(seed: UInt64) throws {
        site = RandomSite(seed: seed)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = Clock()
        self.clock = clock
        live = LiveBuild(options: BuildOptions(source: folder, output: folder.appendingPathComponent("public"), jobs: 2)) { clock.now }
        try write()
    }

    var options: BuildOptions {
        BuildOptions(source: folder, output: folder.appendingPathComponent("public"), jobs: 2, now: clock.now)
    }

    /// Writes the files whose bytes changed and deletes those the site no longer has.
    mutating func write() throws {
        clock.set(site.today)
        let files = site.files(templates: DifferentialBuildTests.templates)
        for (path, data) in files where written[path] != data {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        for path in written.keys where files[path] == nil {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        }
        written = files
    }

    /// Builds incrementally on disk and in the live build, and cleanly in memory; describes the
    /// first difference, or nil when all agree.
    mutating func compare() throws -> String? {
        let clean: [String: Data]?
        do {
            let memory = MemoryOutput()
            // Pictures come from a store of the clean builds' own: each is made once from
            // scratch, apart from the incremental builds' store, and not again at every step.
            var options = options
            options.pictureStore = folder.appendingPathComponent("clean-pictures")
            _ = try SiteBuilder(options: options).build(into: memory)
            clean = memory.files
        } catch {
            clean = nil
            if ProcessInfo.processInfo.environment["MAGBUILD_DIFF_DEBUG"] != nil { print("clean build failed: \(error)") }
        }
        let before = outputFiles()
        let disk: [String: Data]?
        do {
            _ = try SiteBuilder(options: options).build()
            disk = outputFiles()
        } catch {
            disk = nil
            if outputFiles() != before { return "a failed build changed the output" }
        }
        let preview: [String: Data]?
        do {
            let memory = MemoryOutput(previous: liveFiles, keys: live.outputKeys)
            _ = try live.rebuild(into: memory, fromScratch: false)
            preview = memory.files
            liveFiles = memory.files
        } catch {
            preview = nil
        }
        lastBuildSucceeded = clean != nil
        guard let clean else {
            if disk != nil { return "the clean build failed, the incremental build did not" }
            if preview != nil { return "the clean build failed, the preview's rebuild did not" }
            return nil
        }
        if let problem = Self.difference(disk, clean, "incremental build") { return problem }
        return Self.difference(preview, clean, "preview's rebuild")
    }

    static func difference(_ files: [String: Data]?, _ clean: [String: Data], _ name: String) -> String? {
        guard let files else { return "the \(name) failed, the clean build did not" }
        let missing = clean.keys.filter { files[$0] == nil }.sorted()
        let extra = files.keys.filter { clean[$0] == nil }.sorted()
        let differing = clean.keys.filter { files[$0] != nil && files[$0] != clean[$0] }.sorted()
        if missing.isEmpty, extra.isEmpty, differing.isEmpty { return nil }
        return "the \(name) differs from a clean build: missing \(missing.prefix(5)), extra \(extra.prefix(5)), stale \(differing.prefix(5))"
    }

    func outputFiles() -> [String: Data] {
        let output = folder.appendingPathComponent("public")
        var files: [String: Data] = [:]
        for path in SiteFiles.list(output) { files[path] = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) }
        return files
    }

    func removeFolder() {
        // The build cache and picture store are in the folder too (`public`'s `.magbuild` beside it).
        try? FileManager.default.removeItem(at: folder)
    }
}
