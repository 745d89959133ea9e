import Diagnostics
import Synchronization
import Foundation
import Testing
@testable import Site

/// Builds the fixture site in memory, the way the preview server will.
@Suite struct SiteBuilderTests {
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/basic-site")

    private func build(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> (BuildSummary, [String: Data]) {
        var options = BuildOptions(source: Self.fixture, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        configure(&options)
        let memory = MemoryOutput()
        let summary = try SiteBuilder(options: options).build(into: memory)
        return (summary, memory.files)
    }

    @Test func buildsEveryPageKindIntoMemory() throws {
        let (summary, files) = try build()
        let expected = [
            "index.html", "404.html",
            "politik/erste-meldung/index.html", "kultur/zweite-meldung/index.html",
            "kolumnen/am-rand/notiz-eins/index.html",
            "politik/index.html", "kultur/index.html", "kolumnen/index.html", "kolumnen/am-rand/index.html",
            "tags/aepfel/index.html", "autoren/erika-muster/index.html", "autoren/max-beispiel/index.html",
        ]
        for path in expected { #expect(files[path] != nil, "missing \(path)") }
        #expect(summary.pages == files.keys.filter { $0.hasSuffix(".html") }.count)
        #expect(summary.comments == 5)
        #expect(files["politik/erste-meldung/comments.json"] == nil)
        #expect(summary.steps.map(\.name).contains("render pages"))
    }

    @Test func columnFolderIsTheColumnPage() throws {
        let (_, files) = try build()
        let html = String(decoding: try #require(files["kolumnen/am-rand/index.html"]), as: UTF8.self)
        #expect(html.contains("Notiz eins"))
        #expect(files.keys.filter { $0.hasPrefix("kolumnen/am-rand") && $0.hasSuffix("/index.html") }.count == 2)
    }

    @Test func baseURLOverrideChangesCanonicalLinks() throws {
        let (_, files) = try build { $0.baseURL = "https://preview.example" }
        let html = String(decoding: try #require(files["politik/erste-meldung/index.html"]), as: UTF8.self)
        #expect(html.contains(#"href="https://preview.example/politik/erste-meldung/""#))
    }

    @Test func futureArticlesDependOnTheBuildTime() throws {
        let (_, before) = try build { $0.now = Date(timeIntervalSince1970: 0) }
        #expect(before["politik/erste-meldung/index.html"] == nil)
        let (_, after) = try build { $0.includeFuture = true; $0.now = Date(timeIntervalSince1970: 0) }
        #expect(after["politik/erste-meldung/index.html"] != nil)
    }
}

@Suite struct ProgressTests {
    @Test func longStepsReportTheirLastItem() throws {
        let seen = Mutex<[String: (Int, Int)]>([:])
        var options = BuildOptions(source: SiteBuilderTests.fixture, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        options.progress = { step, done, total in seen.withLock { $0[step] = (done, total) } }
        let summary = try SiteBuilder(options: options).build(into: MemoryOutput())
        let final = seen.withLock { $0 }
        #expect(final["render pages"]?.0 == final["render pages"]?.1)
        #expect(final["render pages"]?.1 == summary.written)
        #expect(final["render articles"]?.0 == 3)
    }
}

@Suite struct TemplateMetricsTests {
    @Test func timesArePerPageTemplate() throws {
        let options = BuildOptions(source: SiteBuilderTests.fixture, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        let summary = try SiteBuilder(options: options).build(into: MemoryOutput())
        let byName = Dictionary(uniqueKeysWithValues: summary.templates.map { ($0.name, $0.pages) })
        #expect(byName["article.html"] == 3)
        #expect(byName["home.html"] == 1)
        #expect(byName["404.html"] == 1)
        #expect(summary.templates.reduce(0) { $0 + $1.pages } == summary.pages - 1, "all pages but the alias redirect")
    }
}
