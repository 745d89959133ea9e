import Foundation
import Testing

/// A build killed at any moment (SIGKILL: no cleanup code runs) leaves the output folder
/// holding either the complete previous site or the complete new one, and the next build
/// removes whatever the killed one left beside it ("a failed or interrupted build never leaves a
/// half-written site", README, "Building").
///
/// Timing only picks the kill moments; the assertions hold wherever a kill lands.
@Suite struct CrashSafeOutputTests {
    private let manager = FileManager.default

    @Test func killedBuildLeavesTheOldOrTheNewSite() throws {
        let (oldSite, newSite) = try CrashTestSite.oldAndNew()
        let work = oldSite.deletingLastPathComponent()
        let sites = [oldSite, newSite]

        let references = [work.appendingPathComponent("reference-old"), work.appendingPathComponent("reference-new")]
        var durations = [try timedBuild(oldSite, into: references[0]), try timedBuild(newSite, into: references[1])]
        let versions = references.map(E2E.snapshot)
        #expect(versions[0] != versions[1] && !versions[0].isEmpty && !versions[1].isEmpty)

        let outputs = work.appendingPathComponent("outputs")
        let output = outputs.appendingPathComponent("public")
        durations.append(try timedBuild(oldSite, into: output))
        #expect(E2E.snapshot(output) == versions[0])
        let buildSeconds = durations.sorted()[1]

        var random = SplitMix64(seed: 20_240_301)
        var current = 0
        var outcomes = [0, 0]
        let trials = 20
        for trial in 0..<trials {
            let next = 1 - current
            let delay = CrashTestSite.killDelay(trial: trial, of: trials, buildSeconds: buildSeconds, random: &random)
            try buildKilled(sites[next], into: output, after: delay)
            let seen = E2E.snapshot(output)
            guard seen == versions[current] || seen == versions[next] else {
                Issue.record("trial \(trial), killed after \(delay)s: \(CrashTestSite.difference(seen, versions[current], versions[next]))")
                return
            }
            current = seen == versions[current] ? current : next
            outcomes[current == next ? 1 : 0] += 1

            // Every few kills, and after the last, a normal build: it starts from whatever
            // the killed builds left and ends with the complete site and nothing beside it.
            if trial % 4 == 3 || trial == trials - 1 {
                current = 1 - current
                try build(sites[current], into: output)
                #expect(E2E.snapshot(output) == versions[current], "trial \(trial): the build after a killed one is complete")
                #expect(try manager.contentsOfDirectory(atPath: outputs.path).sorted() == [".magbuild", "public"],
                        "trial \(trial): nothing of the killed builds is left beside the output (only the build cache)")
            }
        }
        print("crash test: builds take \(buildSeconds)s; \(outcomes[0]) kills left the previous site, \(outcomes[1]) the new one")
    }

    /// The same with one site folder edited in place, so the builds after the first are
    /// incremental: they update the spare copy in `.magbuild/` and swap it in.
    @Test func killedIncrementalBuildLeavesTheOldOrTheNewSite() throws {
        let (oldSite, newSite) = try CrashTestSite.oldAndNew()
        let work = oldSite.deletingLastPathComponent()
        let versions = [try reference(oldSite, work.appendingPathComponent("reference-old")),
                        try reference(newSite, work.appendingPathComponent("reference-new"))]

        let site = work.appendingPathComponent("edited-site")
        try manager.copyItem(at: oldSite, to: site)
        let output = work.appendingPathComponent("outputs/public")
        let buildSeconds = try timedBuild(site, into: output)
        try build(site, into: output)

        var random = SplitMix64(seed: 20_241_129)
        var current = 0
        let trials = 20
        for trial in 0..<trials {
            let next = 1 - current
            try useContent(of: [oldSite, newSite][next], in: site)
            let delay = CrashTestSite.killDelay(trial: trial, of: trials, buildSeconds: buildSeconds, random: &random)
            try buildKilled(site, into: output, after: delay)
            let seen = E2E.snapshot(output)
            guard seen == versions[current] || seen == versions[next] else {
                Issue.record("trial \(trial), killed after \(delay)s: \(CrashTestSite.difference(seen, versions[current], versions[next]))")
                return
            }
            current = seen == versions[current] ? current : next
            if trial % 4 == 3 || trial == trials - 1 {
                current = 1 - current
                try useContent(of: [oldSite, newSite][current], in: site)
                try build(site, into: output)
                #expect(E2E.snapshot(output) == versions[current], "trial \(trial): the build after a killed one is complete")
            }
        }
    }

    private func reference(_ site: URL, _ output: URL) throws -> [String: Data] {
        try build(site, into: output)
        return E2E.snapshot(output)
    }

    /// Makes `site`'s `content/` that of `version`.
    private func useContent(of version: URL, in site: URL) throws {
        let content = site.appendingPathComponent("content")
        try manager.removeItem(at: content)
        try manager.copyItem(at: version.appendingPathComponent("content"), to: content)
    }

    private func build(_ site: URL, into output: URL) throws {
        let run = try E2E.run(["build", "--source", site.path, "--output", output.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    /// Builds and returns the seconds it took, to spread the kill moments over a build.
    private func timedBuild(_ site: URL, into output: URL) throws -> TimeInterval {
        let started = Date()
        try build(site, into: output)
        return Date().timeIntervalSince(started)
    }

    /// Starts `magbuild build` and sends it SIGKILL after `delay` seconds (it may have finished by then).
    private func buildKilled(_ site: URL, into output: URL, after delay: TimeInterval) throws {
        let process = Process()
        process.executableURL = E2E.executable
        process.arguments = ["build", "--source", site.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The changed copy of the fixture site and the kill schedule of the crash test.
enum CrashTestSite {
    /// A copy of the basic fixture and, beside it, a changed copy (`new-site`).
    static func oldAndNew() throws -> (old: URL, new: URL) {
        let old = try E2E.copyFixture("basic-site")
        let new = old.deletingLastPathComponent().appendingPathComponent("new-site")
        try FileManager.default.copyItem(at: old, to: new)
        try change(new)
        return (old, new)
    }

    /// Edits an article and adds a section of short articles, so the new site differs from
    /// the old one in changed, added and (building back) removed files.
    static func change(_ site: URL) throws {
        let article = site.appendingPathComponent("content/politik/erste-meldung/index.md")
        var text = try String(contentsOf: article, encoding: .utf8)
        text += "\nEin neuer Absatz, nur in der neuen Fassung.\n"
        try text.write(to: article, atomically: true, encoding: .utf8)
        for number in 1...12 {
            let folder = site.appendingPathComponent("content/notizen/notiz-\(number)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let markdown = """
                ---
                title: "Notiz \(number)"
                teaser: "Kurze Notiz Nummer \(number)."
                date: 2024-01-\(String(format: "%02d", number % 28 + 1))
                authors: [Notiz Schreiber]
                tags: [Notiz, Nummer \(number % 5)]
                ---
                Text der Notiz \(number) mit einem [Link](/politik/erste-meldung/).

                """
            try markdown.write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        }
    }

    /// Kill moments spread from 0 (before the process runs) to twice a build's time (the swap comes near its end),
    /// jittered by a seeded generator so every run of the test tries the same schedule.
    static func killDelay(trial: Int, of trials: Int, buildSeconds: TimeInterval, random: inout SplitMix64) -> TimeInterval {
        guard trial > 0 else { return 0 }
        let fraction = 2 * Double(trial) / Double(trials - 1)
        let jitter = 0.85 + 0.3 * random.nextUnit()
        return buildSeconds * fraction * jitter
    }

    /// A short description of how an output differs from the two complete versions.
    static func difference(_ seen: [String: Data], _ old: [String: Data], _ new: [String: Data]) -> String {
        func compare(_ version: [String: Data]) -> String {
            let missing = Set(version.keys).subtracting(seen.keys).count
            let extra = Set(seen.keys).subtracting(version.keys).count
            let changed = version.keys.filter { seen[$0] != nil && seen[$0] != version[$0] }.count
            return "\(missing) missing, \(extra) extra, \(changed) changed"
        }
        return "\(seen.count) files; against old: \(compare(old)); against new: \(compare(new))"
    }
}

/// A small seeded random number generator (SplitMix64), so the kill schedule is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A number in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
