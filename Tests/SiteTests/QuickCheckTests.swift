import Foundation
import Testing
@testable import Site

/// The quick "nothing changed" check: taken only while every watched stamp is as recorded;
/// any change to the site, the output or the clock falls back to the full incremental build,
/// which must then give exactly what a clean build gives.
@Suite struct QuickCheckTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// A workspace whose files are old enough for a build to record its quick check
    /// (files changed in the second before a build began are not trusted by their stamps).
    func settledWorkspace() throws -> Workspace {
        let site = try Workspace()
        Thread.sleep(forTimeInterval: 1.2)
        return site
    }

    static let article = """
        ---
        title: "Neu"
        teaser: "Ein neuer Artikel."
        date: 2024-03-02
        authors: [Erika Muster]
        ---
        Text.
        """

    func tookQuickCheck(_ summary: BuildSummary) -> Bool {
        summary.steps.contains { $0.name == "quick check" } && !summary.steps.contains { $0.name == "read cache" }
    }

    @Test func aSecondBuildOfASettledSiteIsAQuickCheck() throws {
        let site = try settledWorkspace()
        let first = try site.build()
        let before = site.stamps()
        let again = try site.build()
        #expect(tookQuickCheck(again))
        #expect(again.written == 0)
        #expect(again.pages == first.pages && again.files == first.files && again.comments == first.comments)
        #expect(again.warnings.map(\.description) == first.warnings.map(\.description))
        #expect(site.touched(since: before).isEmpty)
    }

    @Test(arguments: [
        "same-size edit of an article", "new bundle resource", "new article folder", "article in a folder without one",
        "deleted static file", "edited template", "output file deleted", "site.yml edited",
    ])
    func everyChangeFallsBackToTheFullCheck(change: String) throws {
        let site = try settledWorkspace()
        try site.build()
        #expect(tookQuickCheck(try site.build()), "recorded before the change")
        let manager = FileManager.default
        let root = site.site
        switch change {
        case "same-size edit of an article":
            try site.edit(IncrementalBuildTests.article) { $0.replacingOccurrences(of: "Erster Absatz", with: "Erster Abschn") }
        case "new bundle resource":
            try Data("pdf".utf8).write(to: root.appendingPathComponent("content/politik/erste-meldung/dossier.pdf"))
        case "new article folder":
            let folder = root.appendingPathComponent("content/politik/neu")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.article.write(to: folder.appendingPathComponent("index.md"), atomically: false, encoding: .utf8)
        case "article in a folder without one":
            let folder = root.appendingPathComponent("content/kolumnen/am-rand/notiz-eins/anhang")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.article.write(to: folder.appendingPathComponent("index.md"), atomically: false, encoding: .utf8)
            try Data().write(to: root.appendingPathComponent("content/kolumnen/am-rand/notiz-eins/anhang/x.txt"))
        case "deleted static file":
            try manager.removeItem(at: root.appendingPathComponent("static/img/punkt.svg"))
        case "edited template":
            try site.edit("templates/404.html") { $0.replacingOccurrences(of: "Nicht gefunden", with: "Nicht da") }
        case "output file deleted":
            try manager.removeItem(at: site.output.appendingPathComponent("kultur/index.html"))
        case "site.yml edited":
            try site.edit("site.yml") { $0 + "\n" }
        default:
            Issue.record("unknown change \(change)")
        }
        let summary = try site.build()
        #expect(!tookQuickCheck(summary), "\(change)")
        #expect(site.outputFiles() == (try site.cleanBuild()), "\(change)")
    }

    @Test func anArticleFallingDueDefeatsTheQuickCheck() throws {
        let site = try settledWorkspace()
        try site.build()
        #expect(tookQuickCheck(try site.build()))
        let later = site.options(now: .distantFuture)  // after the fixture's article dated 2999
        let summary = try SiteBuilder(options: later).build()
        #expect(!tookQuickCheck(summary))
        #expect(summary.written > 0)
    }

    @Test func aCorruptOrForeignRecordIsIgnored() throws {
        let site = try settledWorkspace()
        try site.build()
        let quick = CacheFolder(output: site.output).quickFile
        let recorded = try Data(contentsOf: quick)
        for damaged in [Data("MAGBUILD-QUICK-1 garbage".utf8), recorded.prefix(recorded.count / 2), Data()] {
            try damaged.write(to: quick)
            let summary = try site.build()
            #expect(!tookQuickCheck(summary))
            #expect(summary.written == 0)
            #expect(tookQuickCheck(try site.build()), "the full way records it again")
        }
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func cleanBuildsNeverTakeIt() throws {
        let site = try settledWorkspace()
        try site.build()
        #expect(!tookQuickCheck(try site.build(clean: true)))
    }

    @Test func filesChangedAfterTheBuildBeganAreNotTrusted() throws {
        let site = try Workspace()  // just copied: every file changed a moment ago
        #expect(SiteWalk.entries(of: site.site.path, changedBefore: Date().addingTimeInterval(-30)) == nil)
        let entries = try #require(SiteWalk.entries(of: site.site.path, changedBefore: Date().addingTimeInterval(30)))
        let paths = Set(try #require(entries.decoded()).map(\.path))
        #expect(paths.isSuperset(of: ["site.yml", "content", "content/politik/erste-meldung/lead.png", "static/css/style.css", "templates/base.html"]))
        #expect(!paths.contains { $0.hasPrefix("public") }, "the output is not an input")
        // A build right after the copy records nothing, so the next build compares contents.
        try site.build()
        #expect(!tookQuickCheck(try site.build()))
    }
}
