import Diagnostics
import Foundation
import Testing
@testable import Site

/// Disk builds with the build cache: each rebuild must give exactly the files a clean build
/// gives, while making only the files whose inputs changed.
@Suite struct IncrementalBuildTests {
    /// A copy of the basic fixture site in a fresh folder, with its output at `site/public`.
    struct Workspace {
        let site: URL
        var output: URL { site.appendingPathComponent("public") }

        init() throws {
            site = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-incremental-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: SiteBuilderTests.fixture, to: site)
        }

        func options(clean: Bool = false, output: URL? = nil, now: Date = Date(timeIntervalSince1970: 1_750_000_000)) -> BuildOptions {
            var options = BuildOptions(source: site, output: output ?? self.output, jobs: 2, now: now)
            options.clean = clean
            return options
        }

        @discardableResult
        func build(clean: Bool = false) throws -> BuildSummary {
            try SiteBuilder(options: options(clean: clean)).build()
        }

        /// The files a clean build of the site as it is now gives, by path.
        func cleanBuild() throws -> [String: Data] {
            let memory = MemoryOutput()
            _ = try SiteBuilder(options: options()).build(into: memory)
            return memory.files
        }

        /// What a clean build of the site as it is now reports, or "no error".
        func buildFailure() -> String {
            do {
                _ = try cleanBuild()
                return "no error"
            } catch let list as DiagnosticList {
                return list.description
            } catch {
                return "\(error)"
            }
        }

        func outputFiles() -> [String: Data] {
            var files: [String: Data] = [:]
            for path in SiteFiles.list(output) {
                files[path] = FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
            }
            return files
        }

        func stamps() -> [String: FileStamp] {
            var stamps: [String: FileStamp] = [:]
            for path in SiteFiles.list(output) { stamps[path] = FileStamp.of(output.appendingPathComponent(path).path) }
            return stamps
        }

        /// A copy of the fixture with `files` written into it.
        init(adding files: [String: String]) throws {
            try self.init()
            try write(files)
        }

        /// The text of an output file of `files`, or "" when there is none.
        static func text(_ files: [String: Data], _ path: String) -> String {
            files[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
        }

        /// Writes `files` (site-relative path → text) into the site, making folders as needed.
        func write(_ files: [String: String]) throws {
            for (path, text) in files {
                let url = site.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try change(text).write(to: url, atomically: true, encoding: .utf8)
        }

        /// Paths whose file is not the same file (inode or modification time) as in `before`.
        func touched(since before: [String: FileStamp]) -> Set<String> {
            let now = stamps()
            return Set(now.keys.filter { now[$0] != before[$0] }).union(before.keys.filter { now[$0] == nil })
        }
    }

    static let article = "content/politik/erste-meldung/index.md"

    @Test func aRebuildWithNothingChangedWritesNothing() throws {
        let site = try Workspace()
        let first = try site.build()
        #expect(first.written > 0)
        let before = site.stamps()
        let again = try site.build()
        #expect(again.written == 0)
        #expect(again.articlesRendered == 0)
        #expect(site.touched(since: before).isEmpty)
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aChangedBodyRewritesItsPageAndFeedsOnly() throws {
        let site = try Workspace()
        try site.build()
        try site.build()  // a spare copy exists from here on
        let before = site.stamps()
        try site.edit(Self.article) { $0 + "\nEin neuer letzter Absatz.\n" }
        try site.build()
        #expect(site.touched(since: before) == ["politik/erste-meldung/index.html", "atom.xml", "politik/atom.xml"])
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aChangedTitleRewritesEveryPageThatShowsIt() throws {
        let site = try Workspace()
        try site.build()
        let before = site.stamps()
        try site.edit("content/kultur/zweite-meldung.md") { $0.replacingOccurrences(of: "title: \"Zweite Meldung\"", with: "title: \"Neu\"") }
        try site.build()
        let touched = site.touched(since: before)
        #expect(touched.contains("index.html"))
        #expect(touched.contains("kultur/index.html"))
        #expect(touched.contains("tags/kultur/index.html"))
        #expect(touched.contains("politik/erste-meldung/index.html"), "its related box shows the title")
        #expect(!touched.contains("politik/index.html"))
        #expect(!touched.contains("404.html"))
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aChangedPartialRewritesThePagesThatUseIt() throws {
        let site = try Workspace()
        try site.build()
        let before = site.stamps()
        try site.edit("templates/partials/comment.html") { $0 + "<!-- kommentar -->" }
        try site.build()
        let touched = site.touched(since: before)
        #expect(touched.contains("politik/erste-meldung/index.html"))
        #expect(!touched.contains("index.html"), "the home page does not include the comment partial")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func deletedArticlesAndStaticFilesLeaveTheOutput() throws {
        let site = try Workspace()
        try site.build()
        try site.build()
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("content/kultur/zweite-meldung.md"))
        try site.edit(Self.article) { $0.replacingOccurrences(of: "related: [kultur/zweite-meldung]", with: "related: []") }
        try site.build()
        #expect(site.outputFiles()["kultur/zweite-meldung/index.html"] == nil)
        #expect(site.outputFiles() == (try site.cleanBuild()))
        // And back again, through the spare copy that still has the old page.
        try site.build()
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aCorruptCacheMeansAFullBuild() throws {
        let site = try Workspace()
        try site.build()
        let cache = CacheFolder(output: site.output).cacheFile
        try Data("{\"format\": 1, \"identity\": nonsense".utf8).write(to: cache)
        try site.edit(Self.article) { $0 + "\nNoch ein Absatz.\n" }
        let summary = try site.build()
        #expect(summary.articlesRendered == 3)
        #expect(site.outputFiles() == (try site.cleanBuild()))
        #expect(CacheFolder(output: site.output).cache(matching: BuildDriver.identity(of: site.options())) != nil, "the next cache is written")
    }

    @Test func aCacheOfOtherOptionsOrAnotherOutputFolderIsNotUsed() throws {
        let site = try Workspace()
        try site.build()
        var drafts = site.options()
        drafts.includeDrafts = true
        let identity = BuildDriver.identity(of: drafts)
        #expect(CacheFolder(output: site.output).cache(matching: identity) == nil)
        #expect(CacheFolder(output: site.output).cache(matching: BuildDriver.identity(of: site.options())) != nil)
        // The output folder replaced by hand: the cache no longer describes it.
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(CacheFolder(output: site.output).cache(matching: BuildDriver.identity(of: site.options())) == nil)
        try site.build()
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func cleanIgnoresTheCache() throws {
        let site = try Workspace()
        let first = try site.build()
        let clean = try site.build(clean: true)
        #expect(clean.articlesRendered == 3)
        #expect(clean.written == first.written)
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aFileRemovedFromTheOutputByHandIsMadeAgain() throws {
        let site = try Workspace()
        try site.build()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("kultur/index.html"))
        let summary = try site.build()
        #expect(summary.written == 1)
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aStaticFileSavedWithTheSameBytesKeepsItsOutputFile() throws {
        let site = try Workspace()
        try site.build()
        let before = site.stamps()
        for _ in 0..<2 {  // once into a new folder, once through the spare copy
            try site.edit("static/css/style.css") { $0 }
            try site.build()
            #expect(site.touched(since: before).isEmpty)
        }
    }

    @Test func anArticleWhoseTimeHasComeAppearsWithNothingElseChanged() throws {
        let site = try Workspace()
        try site.build()
        #expect(try site.build().written == 0)
        let later = site.options(now: .distantFuture)  // after the fixture's article dated 2999
        let summary = try SiteBuilder(options: later).build()
        #expect(summary.written > 0)
        let memory = MemoryOutput()
        _ = try SiteBuilder(options: later).build(into: memory)
        #expect(site.outputFiles() == memory.files)
    }
}
