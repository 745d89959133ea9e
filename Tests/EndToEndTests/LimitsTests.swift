import Foundation
import Testing

/// The documented limits of `magbuild build`, run on the fixture site with one oversized
/// input each: the build finishes, or fails with `file:line:col` and what to do, and never
/// crashes. No time is asserted.
///
/// The 10 MB article and the 100,000 comments take 10–25 s each in a debug build, so by
/// default these two run at a tenth of the size; `MAGBUILD_FULL_LIMITS=1 swift test` runs
/// them in full. (The module tests render 10 MB of Markdown and thread 100,000 comments always.)
@Suite struct LimitsTests {
    private let article = "content/politik/erste-meldung/index.md"

    /// 1 with `MAGBUILD_FULL_LIMITS=1`, else 10: the divisor of the two large inputs.
    private static let reduction = ProcessInfo.processInfo.environment["MAGBUILD_FULL_LIMITS"] == "1" ? 1 : 10

    /// The largest resident size of any build this test process has run and waited for.
    private static var peakChildMemory: Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return usage.ru_maxrss * 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        return usage.ru_maxrss
        #endif
    }

    /// A 10 MB article body (1 MB by default), rendered in full.
    @Test func tenMegabyteArticle() throws {
        let site = try E2E.copyFixture("basic-site")
        let size = 10_000_000 / Self.reduction
        let paragraph = "Ein Absatz über Äpfel mit *Betonung* und einem [Link](/kultur/zweite-meldung/).\n\n"
        let body = String(repeating: paragraph, count: size / paragraph.utf8.count + 1)
        try append(body, to: article, in: site)

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr.prefix(2000))")
        let page = try #require(E2E.read(site.appendingPathComponent("public"), "politik/erste-meldung/index.html"))
        #expect(page.utf8.count > size)
        #expect(Self.peakChildMemory < 2_000_000_000)
        #expect(page.hasSuffix("</html>\n") || page.hasSuffix("</html>"))
    }

    /// 100,000 comments (10,000 by default) under one article, in threads of 20.
    @Test func hundredThousandComments() throws {
        let site = try E2E.copyFixture("basic-site")
        let count = 100_000 / Self.reduction
        var json = "{\"comments\": [\n"
        for index in 0..<count {
            let threadStart = index - index % 20
            let parent = index == threadStart ? "null" : "\"\(threadStart + index * 7_919 % (index - threadStart))\""
            json += "{\"id\": \"\(index)\", \"parent\": \(parent), \"author\": \"Leser \(index % 97)\", "
            json += "\"date\": \"2024-03-02T08:00:00Z\", \"text\": \"Kommentar \(index)\\n\\n> Zitat\", \"rating\": \(index % 7)}"
            json += index == count - 1 ? "\n" : ",\n"
        }
        json += "]}\n"
        try Data(json.utf8).write(to: site.appendingPathComponent("content/politik/erste-meldung/comments.json"))

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr.prefix(2000))")
        let page = try #require(E2E.read(site.appendingPathComponent("public"), "politik/erste-meldung/index.html"))
        #expect(page.contains("<h2>\(count) Kommentare</h2>"))
        #expect(page.contains("id=\"c-\(count - 1)\""))
        #expect(Self.peakChildMemory < 2_000_000_000)
    }

    /// Markdown nested 10,000 levels deep: quotations and lists.
    @Test func markdownNestedTenThousandLevels() throws {
        let site = try E2E.copyFixture("basic-site")
        try append("\n" + String(repeating: "> ", count: 10_000) + "ganz tief\n\n"
                   + String(repeating: "- ", count: 10_000) + "noch tiefer\n", to: article, in: site)

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr.prefix(2000))")
        let page = try #require(E2E.read(site.appendingPathComponent("public"), "politik/erste-meldung/index.html"))
        #expect(page.contains("ganz tief") && page.contains("noch tiefer"))
    }

    /// A page template that includes itself: the build fails naming the include, writes nothing.
    @Test func templateIncludingItself() throws {
        let site = try E2E.copyFixture("basic-site")
        try E2E.run(["build", "--source", site.path]).expectSuccess()
        let before = E2E.snapshot(site.appendingPathComponent("public"))
        let partial = site.appendingPathComponent("templates/partials/teaser.html")
        let original = try String(contentsOf: partial, encoding: .utf8)
        try (original + "{% include \"partials/teaser.html\" %}\n").write(to: partial, atomically: true, encoding: .utf8)

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(run.stderr.contains("templates/partials/teaser.html:\(line):1: error: "), "\(run.stderr.prefix(2000))")
        #expect(run.stderr.contains("include"))
        #expect(E2E.snapshot(site.appendingPathComponent("public")) == before, "the previous output stays")
    }

    /// A comment partial that recurses through replies 40 deep on the build's worker threads:
    /// the site's `maxDepth` is clamped to 32, so the include depth stays below its limit.
    @Test func deepReplyChainThroughTheCommentPartial() throws {
        let site = try E2E.copyFixture("basic-site")
        let config = site.appendingPathComponent("site.yml")
        let settings = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "maxDepth: 2", with: "maxDepth: 1000")
        try settings.write(to: config, atomically: true, encoding: .utf8)
        let comments = (0..<40).map { index in
            let parent = index == 0 ? "null" : "\"\(index - 1)\""
            return "{\"id\": \"\(index)\", \"parent\": \(parent), \"author\": \"L\(index)\", \"date\": \"2024-03-02T08:00:00Z\", \"text\": \"Ebene \(index)\"}"
        }
        try Data("{\"comments\": [\(comments.joined(separator: ",\n"))]}".utf8)
            .write(to: site.appendingPathComponent("content/politik/erste-meldung/comments.json"))

        let run = try E2E.run(["build", "--source", site.path, "--jobs", "2"])
        #expect(run.status == 0, "stderr: \(run.stderr.prefix(2000))")
        let page = try #require(E2E.read(site.appendingPathComponent("public"), "politik/erste-meldung/index.html"))
        #expect(page.contains("depth-32"))
        #expect(!page.contains("depth-33"))
        #expect(page.contains("Ebene 39"))
    }

    private func append(_ text: String, to path: String, in site: URL) throws {
        let file = site.appendingPathComponent(path)
        let original = try String(contentsOf: file, encoding: .utf8)
        try (original + text).write(to: file, atomically: true, encoding: .utf8)
    }
}

extension E2E.Run {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "stderr: \(stderr.prefix(2000))", sourceLocation: sourceLocation)
    }
}
