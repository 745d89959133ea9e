import Diagnostics
import Foundation
import PreviewServer
import Site
import Testing

/// The preview's rebuilds after a save must give exactly what a full build gives, and tell
/// the browsers about exactly the pages that changed.
@Suite struct IncrementalRebuildTests {
    static let article = "content/politik/erste-meldung/index.md"

    struct Preview {
        let site: URL
        let rebuilder: IncrementalRebuilder
        var snapshot: SiteSnapshot

        init() throws {
            site = try Fixtures.copy("basic-site")
            rebuilder = IncrementalRebuilder(options: Self.options(site))
            snapshot = try rebuilder.rebuild(after: nil, previous: nil)
        }

        /// As `magbuild serve` builds: assets keep their names.
        static func options(_ site: URL) -> BuildOptions {
            var options = BuildOptions(source: site, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
            options.fingerprintAssets = false
            return options
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        /// Rebuilds after `paths` changed; returns the paths the browsers hear about.
        mutating func save(_ paths: String...) throws -> [String] {
            let next = try rebuilder.rebuild(after: ChangeSet(paths: paths), previous: snapshot)
            defer { snapshot = next }
            return next.changedPaths(since: snapshot)
        }

        /// What a full build of the site as it is now gives.
        func fullBuild() throws -> [String: Data] {
            let memory = MemoryOutput()
            _ = try SiteBuilder(options: Self.options(site)).build(into: memory)
            return memory.files
        }
    }

    @Test func savingABodyChangesItsPageAndFeedsOnly() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit(Self.article) { $0 + "\nEin neuer Absatz.\n" }
        let changed = try preview.save(Self.article)
        #expect(changed == ["atom.xml", "politik/atom.xml", "politik/erste-meldung/index.html"])
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func savingATitleChangesItsListings() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit(Self.article) { $0.replacingOccurrences(of: "Erste Meldung über Äpfel", with: "Birnen") }
        let changed = try preview.save(Self.article)
        #expect(changed.contains("index.html"))
        #expect(changed.contains("tags/aepfel/index.html"))
        #expect(!changed.contains("kultur/index.html"))
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func savingATemplateChangesThePagesThatUseIt() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit("templates/404.html") { $0.replacingOccurrences(of: "</h1>", with: "!</h1>") }
        #expect(try preview.save("templates/404.html") == ["404.html"])
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func savingAStaticFileChangesOnlyThatFile() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit("static/css/style.css") { $0 + "\nbody { margin: 0 }\n" }
        #expect(try preview.save("static/css/style.css") == ["css/style.css"])
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func siteSettingsRebuildEverything() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit("site.yml") { $0.replacingOccurrences(of: "title:", with: "title: Neu –") }
        let changed = try preview.save("site.yml")
        #expect(changed.contains("index.html") && changed.contains("politik/erste-meldung/index.html"))
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    /// A plain page, a section profile and an author profile: created, then edited, each save
    /// gives what a full build gives and names the pages that show it.
    @Test func savingPagesAndProfilesEqualsAFullBuild() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        let files = [
            "pages/impressum.md": "---\ntitle: Impressum\nmenu: footer\n---\nAlt.\n",
            "content/politik/_index.md": "---\ntitle: Innenpolitik\n---\nAlt.\n",
            "authors/erika-muster.md": "---\nname: Erika Muster\nrole: Redakteurin\n---\nAlt.\n",
        ]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = preview.site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            #expect(ChangeSet.isWatched(path))
            _ = try preview.save(path)
            #expect(preview.snapshot.files == (try preview.fullBuild()), "\(path) created")
        }
        #expect(try preview.save("pages/impressum.md").isEmpty, "nothing changed")
        try preview.edit("pages/impressum.md") { $0.replacingOccurrences(of: "Alt.", with: "Neu.") }
        #expect(try preview.save("pages/impressum.md") == ["impressum/index.html"])
        try preview.edit("content/politik/_index.md") { $0.replacingOccurrences(of: "Alt.", with: "Neu.") }
        #expect(try preview.save("content/politik/_index.md") == ["politik/index.html"])
        try preview.edit("authors/erika-muster.md") { $0.replacingOccurrences(of: "Alt.", with: "Neu.") }
        #expect(try preview.save("authors/erika-muster.md") == ["autoren/erika-muster/index.html"])
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func aBrokenSaveFailsAndTheNextGoodOneRecovers() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        let good = try String(contentsOf: preview.site.appendingPathComponent(Self.article), encoding: .utf8)
        try preview.edit(Self.article) { $0.replacingOccurrences(of: "date: ", with: "date: kaputt ") }
        #expect(throws: DiagnosticList.self) { try preview.save(Self.article) }
        try preview.edit(Self.article) { _ in good + "\nRepariert.\n" }
        _ = try preview.save(Self.article)
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }

    @Test func aSavedArticlesPageIsShownFirstExactlyAsTheFullRebuildMakesIt() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit(Self.article) { $0 + "\nSofort sichtbar.\n" }
        // With the editor's temporary file, renamed over the article before the rebuild.
        let saved = ChangeSet(paths: [Self.article, Self.article + ".saving"])
        let answer = try #require(preview.rebuilder.quickRebuild(after: saved, previous: preview.snapshot))
        #expect(!answer.isComplete)
        let quick = answer.snapshot
        #expect(quick.changedPaths(since: preview.snapshot) == ["politik/erste-meldung/index.html"])
        let page = try #require(quick["politik/erste-meldung/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("Sofort sichtbar."))
        let full = try preview.rebuilder.rebuild(after: ChangeSet(paths: [Self.article]), previous: quick)
        #expect(full["politik/erste-meldung/index.html"] == page)
        #expect(full.changedPaths(since: quick) == ["atom.xml", "politik/atom.xml"])
        #expect(full.files == (try preview.fullBuild()))
    }

    @Test func noQuickSnapshotForTemplatesNewFilesOrBrokenArticles() throws {
        let preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        let shown = preview.snapshot
        #expect(preview.rebuilder.quickRebuild(after: ChangeSet(paths: ["templates/article.html"]), previous: shown) == nil)
        #expect(preview.rebuilder.quickRebuild(after: ChangeSet(paths: ["content/politik/neu/index.md"]), previous: shown) == nil)
        try preview.edit(Self.article) { $0.replacingOccurrences(of: "date: ", with: "date: kaputt ") }
        #expect(preview.rebuilder.quickRebuild(after: ChangeSet(paths: [Self.article]), previous: shown) == nil)
    }

    @Test func aNewStylesheetIsServedAndThePagesFollow() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try Data("p { margin: 0 }\n".utf8).write(to: preview.site.appendingPathComponent("static/css/print.css"))
        let quick = try #require(preview.rebuilder.quickRebuild(after: ChangeSet(paths: ["static/css/print.css"]), previous: preview.snapshot))
        #expect(!quick.isComplete)
        #expect(quick.snapshot.files["css/print.css"] != nil)
        try preview.edit("templates/base.html") { $0.replacingOccurrences(of: "</head>", with: "<link href=\"{{ 'css/print.css' | asset_url }}\">\n</head>") }
        _ = try preview.save("static/css/print.css", "templates/base.html")
        #expect(preview.snapshot.files == (try preview.fullBuild()))
        let page = String(decoding: try #require(preview.snapshot.files["index.html"]), as: UTF8.self)
        #expect(page.contains(#"<link href="/css/print.css">"#))
    }

    @Test func aSavedStaticFileIsJustServedAnew() throws {
        var preview = try Preview()
        defer { Fixtures.remove(preview.site) }
        try preview.edit("static/css/style.css") { $0 + "\nh1 { color: teal }\n" }
        let answer = try #require(preview.rebuilder.quickRebuild(after: ChangeSet(paths: ["static/css/style.css"]), previous: preview.snapshot))
        #expect(answer.isComplete)
        #expect(answer.snapshot.changedPaths(since: preview.snapshot) == ["css/style.css"])
        #expect(answer.snapshot.files == (try preview.fullBuild()))
        // A later rebuild starting from that snapshot still agrees with a full build.
        preview.snapshot = answer.snapshot
        try preview.edit(Self.article) { $0 + "\nDanach.\n" }
        _ = try preview.save(Self.article)
        #expect(preview.snapshot.files == (try preview.fullBuild()))
    }
}
