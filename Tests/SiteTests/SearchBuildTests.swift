import Foundation
import Search
import Testing
@testable import Site

/// Site search built end to end: what the index holds (and what it never holds), the search
/// page, and incremental builds that rewrite only the index files an edit touches.
@Suite struct SearchBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let page = """
        ---
        title: Impressum
        description: Wer das Testmagazin macht.
        ---
        Herausgegeben vom Testverlag in Haldenau.

        """

    private func workspace(search: String = "search: true\n") throws -> Workspace {
        let site = try Workspace(adding: [
            "pages/impressum.md": Self.page,
            "content/kultur/zweite-meldung.comments.json":
                #"{ "comments": [ { "id": "a", "author": "Eva", "date": "2024-02-02T10:00:00Z", "text": "Kommentarwort Quittenbaum." } ] }"#,
        ])
        try site.edit("site.yml") { $0 + search }
        return site
    }

    /// The index's terms with their entries, read as a client does (directory, groups, shards).
    static func entries(_ files: [String: Data]) throws -> [String: [Any]] {
        func json(_ path: String) throws -> Any { try JSONSerialization.jsonObject(with: try #require(files[path], "\(path)")) }
        let index = try #require(try json("search/index.json") as? [String: Any])
        var entries: [String: [Any]] = [:]
        for group in try #require(index["groups"] as? [String: String]).values {
            for shard in try #require(try json("search/group/\(group).json") as? [String: String]).values {
                entries.merge(try #require(try json("search/shard/\(shard).json") as? [String: [Any]])) { $1 }
            }
        }
        return entries
    }

    static func urls(of term: String, in files: [String: Data]) throws -> Set<String> {
        guard let entry = try entries(files)[SearchText.terms(in: term)[0]], let postings = entry[1] as? [[Any]] else { return [] }
        return Set(try postings.map { posting in
            let id = try #require(posting.first as? String)
            let fragment = try JSONSerialization.jsonObject(with: try #require(files["search/fragment/\(id).json"])) as? [String: Any]
            return try #require(fragment?["url"] as? String)
        })
    }

    @Test func articlesAndPagesAreSearchableCommentsAreNot() throws {
        let files = try workspace().cleanBuild()
        #expect(try Self.urls(of: "Streichung", in: files) == ["/politik/erste-meldung/"], "body text")
        #expect(try Self.urls(of: "Äpfeln", in: files).contains("/politik/erste-meldung/"), "title and tags, inflected")
        #expect(try Self.urls(of: "Muster", in: files).contains("/politik/erste-meldung/"), "authors")
        #expect(try Self.urls(of: "Testverlag", in: files) == ["/impressum/"], "plain pages")
        #expect(try Self.urls(of: "Quittenbaum", in: files).isEmpty, "comments are not searchable")
        let page = Workspace.text(files, "suche/index.html")
        #expect(page.contains(#"data-index="/search/""#) && page.contains(#"href="/tags/""#), "\(page)")
        #expect(!Workspace.text(files, "sitemap.xml").contains("/suche/"), "the search page is not in the sitemap")
        let impressum = try #require(try Self.entries(files)[SearchText.terms(in: "Testverlag")[0]]?[1] as? [[Any]])
        #expect(impressum.first?.last as? Double == 0.5, "a plain page's matches count half")
    }

    @Test func withoutSearchThereIsNoIndexAndNoPage() throws {
        let files = try workspace(search: "").cleanBuild()
        #expect(!files.keys.contains { $0.hasPrefix("search/") || $0.hasPrefix("suche/") })
        let named = try workspace(search: "search:\n  page: finden\n").cleanBuild()
        #expect(named["finden/index.html"] != nil && named["search/index.json"] != nil)
    }

    @Test func aThemeWithoutSearchPageGetsAWarningAndTheIndex() throws {
        let site = try workspace()
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("templates/search.html"))
        let summary = try site.build()
        #expect(summary.warnings.contains { $0.description.contains("the theme has no templates/search.html") }, "\(summary.warnings)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search/index.json").path))
    }

    @Test func anEditRewritesOnlyTheIndexFilesItTouches() throws {
        let site = try workspace()
        try site.build()
        let before = site.stamps()
        try site.build()
        #expect(site.touched(since: before).isEmpty, "nothing changed, nothing written")

        // One word for another: the body keeps its length, so its other postings keep their bytes.
        try site.edit(IncrementalBuildTests.article) { $0.replacingOccurrences(of: "~~Streichung~~", with: "~~Zebrastreifen~~") }
        try site.build()
        let touched = site.touched(since: before)
        let search = touched.filter { $0.hasPrefix("search/") }
        #expect(!search.contains { $0.hasPrefix("search/fragment/") }, "a body edit keeps the fragments: \(search.sorted())")
        let shards = search.filter { $0.hasPrefix("search/shard/") }
        // A term gone and a term new: their shards go (old names) and come (new names), with their groups and the directory.
        #expect((2...4).contains(shards.count), "\(shards.sorted())")
        #expect(search.count <= shards.count + 5, "\(search.sorted())")
        #expect(site.outputFiles() == (try site.cleanBuild()), "the incremental index is the clean one")

        let title = site.stamps()
        try site.edit(IncrementalBuildTests.article) { $0.replacingOccurrences(of: "Erste Meldung über Äpfel", with: "Erste Meldung über Birnen") }
        try site.build()
        let retitled = site.touched(since: title).filter { $0.hasPrefix("search/fragment/") }
        #expect(retitled.count == 2, "the article's fragment goes and comes: \(retitled.sorted())")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aRenamedSectionReindexesItsArticlesFromTheirMarkdown() throws {
        let site = try workspace()
        try site.build()
        // The articles are not rendered again for their pages, but their postings change:
        // their body terms are counted again from their Markdown.
        try site.write(["content/politik/_index.md": "---\ntitle: Inland\n---\n"])
        let summary = try site.build()
        let files = site.outputFiles()
        #expect(try Self.urls(of: "Inland", in: files).contains("/politik/erste-meldung/"), "the new section name")
        #expect(try Self.urls(of: "Streichung", in: files) == ["/politik/erste-meldung/"], "the body's terms, counted again")
        #expect(summary.articlesRendered >= 1)
        #expect(files == (try site.cleanBuild()), "the incremental index is the clean one")
    }
}
