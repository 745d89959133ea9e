import Diagnostics
import Foundation
import Testing
@testable import Content

@Suite struct ContentLoaderTests {
    @Test func discoversBundlesFlatFilesResourcesAndComments() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "title: Testmagazin\ntimezone: UTC\n")
        // A bundle with resources, a comment export and a nested bundle.
        try site.write("content/politik/russland/index.md", TestSite.article())
        try site.write("content/politik/russland/lead.jpg")
        try site.write("content/politik/russland/bilder/karte.png")
        try site.write("content/politik/russland/comments.json", "{}")
        try site.write("content/politik/russland/alt.comments.json", "{}")
        try site.write("content/politik/russland/notizen.md", TestSite.article(title: "Notizen"))
        try site.write("content/politik/russland/.DS_Store")
        try site.write("content/politik/russland/teil-2/index.md", TestSite.article(title: "Teil 2"))
        try site.write("content/politik/russland/teil-2/foto.jpg")
        // Flat articles, one with comments, one at the root, one in a nested section.
        try site.write("content/politik/kurz.md", TestSite.article(title: "Kurz"))
        try site.write("content/politik/kurz.comments.json", "{}")
        try site.write("content/impressum.md", TestSite.article(title: "Impressum"))
        try site.write("content/kolumnen/spitzwege/folge-1.md", TestSite.article(title: "Folge 1"))
        // Skipped: section metadata, hidden files and folders.
        try site.write("content/politik/_index.md", "---\ntitle: Politik\n---\n")
        try site.write("content/.entwurf.md", "kaputt")
        try site.write("content/.git/index.md", "kaputt")

        let loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config.title == "Testmagazin")
        #expect(loaded.articles.map(\.file) == [
            "content/impressum.md",
            "content/kolumnen/spitzwege/folge-1.md",
            "content/politik/kurz.md",
            "content/politik/russland/index.md",
            "content/politik/russland/notizen.md",
            "content/politik/russland/teil-2/index.md",
        ])
        let byFile = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.file, $0) })

        let bundle = try #require(byFile["content/politik/russland/index.md"])
        #expect(bundle.contentPath == "politik/russland")
        #expect(bundle.section == "politik")
        #expect(bundle.url == "/politik/russland/")
        #expect(bundle.bundleDirectory == "content/politik/russland")
        #expect(bundle.resources == ["bilder/karte.png", "lead.jpg"])
        #expect(bundle.commentsFile == "content/politik/russland/comments.json")
        #expect(bundle.body == "Text.\n")
        #expect(bundle.bodyLine == 8)

        let nested = try #require(byFile["content/politik/russland/teil-2/index.md"])
        #expect(nested.contentPath == "politik/russland/teil-2")
        #expect(nested.section == "politik/russland")
        #expect(nested.resources == ["foto.jpg"])
        #expect(nested.commentsFile == nil)

        let flat = try #require(byFile["content/politik/kurz.md"])
        #expect(flat.contentPath == "politik/kurz")
        #expect(flat.url == "/politik/kurz/")
        #expect(flat.bundleDirectory == nil)
        #expect(flat.resources.isEmpty)
        #expect(flat.commentsFile == "content/politik/kurz.comments.json")

        let root = try #require(byFile["content/impressum.md"])
        #expect(root.section == "")
        #expect(root.contentPath == "impressum")
        #expect(root.url == "/impressum/")
        #expect(root.commentsFile == nil)

        let column = try #require(byFile["content/kolumnen/spitzwege/folge-1.md"])
        #expect(column.section == "kolumnen/spitzwege")
        #expect(column.frontMatter.date == utcDate(2022, 6, 22))
    }

    @Test func slugOverrideReplacesTheLastSegment() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "")
        try site.write("content/wirtschaft/Mein Ordner/index.md", TestSite.article(extra: "slug: neuer-name"))
        try site.write("content/wirtschaft/Mein Ordner/bild.jpg")
        try site.write("content/wirtschaft/So Geschrieben.md", TestSite.article())
        let loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.articles.map(\.contentPath) == ["wirtschaft/neuer-name", "wirtschaft/So Geschrieben"])
        #expect(loaded.articles.first?.url == "/wirtschaft/neuer-name/")
        #expect(loaded.articles.first?.bundleDirectory == "content/wirtschaft/Mein Ordner")
        #expect(loaded.articles.first?.resources == ["bild.jpg"])
    }

    @Test func errorsOfSeveralArticlesAreCollected() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "title: T\npaginate: null\n")
        try site.write("content/a/eins/index.md", "---\ntitle: Eins\nteaser: D\ndate: 2022-13-45\nauthors: [A]\n---\n")
        try site.write("content/a/zwei.md", "Kein Front Matter")
        try site.write("content/b/drei.md", TestSite.article(extra: "teasr: x"))
        try site.write("content/b/vier.md", "---\ntitle: Vier\n---\n")
        let loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.articles.map(\.file) == ["content/b/drei.md"])
        #expect(loaded.hasErrors)
        let lines = loaded.diagnostics.map(\.description)
        #expect(lines.contains("site.yml:2:11: error: 'paginate' must be a whole number"))
        #expect(lines.contains { $0.hasPrefix("content/a/eins/index.md:4:7: error: 'date' is not a date") })
        #expect(lines.contains { $0.hasPrefix("content/a/zwei.md:1:1: error: missing front matter") })
        #expect(lines.contains { $0.hasPrefix("content/b/drei.md:6:1: warning: unknown key 'teasr'") })
        #expect(lines.filter { $0.hasPrefix("content/b/vier.md:1:1: error: missing required key") }.count == 3)
    }

    @Test func twoArticlesAtOneURLAreAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "")
        try site.write("content/politik/foo.md", TestSite.article())
        try site.write("content/politik/foo/index.md", TestSite.article())
        try site.write("content/politik/bar.md", TestSite.article(extra: "slug: foo"))
        let loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.articles.map(\.file) == ["content/politik/bar.md"])
        #expect(loaded.diagnostics.map(\.description) == [
            "content/politik/foo.md:1:1: error: 'politik/foo' is also the path of content/politik/bar.md (two articles cannot share the URL /politik/foo/; rename one or set 'slug:')",
            "content/politik/foo/index.md:1:1: error: 'politik/foo' is also the path of content/politik/bar.md (two articles cannot share the URL /politik/foo/; rename one or set 'slug:')",
        ])
    }

    @Test func rootIndexAndMissingContentFolder() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "")
        var loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.diagnostics.map(\.description) == ["warning: no content/ folder: the site has no articles"])
        try site.write("content/index.md", TestSite.article())
        loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.articles.isEmpty)
        #expect(loaded.diagnostics.first?.location?.file == "content/index.md")
        #expect(loaded.diagnostics.first?.severity == .error)
    }

    /// Folders read on several threads give what reading them one by one gives: the same
    /// articles, section profiles and findings, in the same order.
    @Test func aTreeReadOnSeveralThreadsIsTheTreeReadOnOne() throws {
        let site = try TestSite()
        defer { site.remove() }
        for section in ["politik", "kultur", "kolumnen/spitzwege", "kolumnen/am-rand"] {
            try site.write("content/\(section)/_index.md", "---\ntitle: \(section)\n---\n")
            for number in 0..<12 {
                try site.write("content/\(section)/artikel-\(number)/index.md", TestSite.article())
                try site.write("content/\(section)/artikel-\(number)/lead.jpg")
                try site.write("content/\(section)/flach-\(number).md", TestSite.article())
            }
            try site.write("content/\(section)/index.md", TestSite.article())
        }
        try site.write("content/index.md", TestSite.article())
        let one = ContentTree(siteAt: site.root, jobs: 1), several = ContentTree(siteAt: site.root, jobs: 4)
        #expect(one.articles.count == 4 * 25)
        #expect(several.articles == one.articles)
        #expect(several.profiles.map(\.file) == one.profiles.map(\.file) && several.profiles.map(\.section) == one.profiles.map(\.section))
        #expect(several.diagnostics.map(\.description) == one.diagnostics.map(\.description))
        #expect(one.diagnostics.count == 1, "content/index.md has no name of its own")
    }

    @Test func manyArticlesLoadInAStableOrder() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "")
        let names = (0..<60).map { String(format: "artikel-%02d", $0) }
        for name in names.shuffled() {
            try site.write("content/serie/\(name).md", TestSite.article(title: name))
        }
        let first = ContentLoader.load(siteAt: site.root)
        let second = ContentLoader.load(siteAt: site.root)
        #expect(first.articles.map(\.frontMatter.title) == names)
        #expect(first.articles == second.articles)
    }
}

extension ContentLoaderTests {
    /// Pictures made by `Tests/ImagesTests/Fixtures/make_fixtures.py`: photo.jpg names
    /// photographer and agency in IPTC, small.jpg has no credit.
    static func picture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImagesTests/Fixtures/\(name)"))
    }

    @Test func aLeadImageWithoutCreditTakesTheOneInThePicture() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("site.yml", "language: de\n")
        let image = "image:\n  src: foto.jpg\n  alt: Ein Bild"
        try site.write("content/politik/agentur/index.md", TestSite.article(extra: image))
        try Self.picture("photo.jpg").write(to: site.root.appendingPathComponent("content/politik/agentur/foto.jpg"))
        try site.write("content/politik/ohne/index.md", TestSite.article(extra: image))
        try Self.picture("small.jpg").write(to: site.root.appendingPathComponent("content/politik/ohne/foto.jpg"))
        try site.write("content/politik/geschrieben/index.md", TestSite.article(extra: image + "\n  credit: \"Foto: Redaktion\""))
        try Self.picture("photo.jpg").write(to: site.root.appendingPathComponent("content/politik/geschrieben/foto.jpg"))
        let loaded = ContentLoader.load(siteAt: site.root)
        let credits = Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.contentPath, $0.frontMatter.image?.credit) })
        #expect(credits == ["politik/agentur": "Foto: Erika Muster/dpa", "politik/geschrieben": "Foto: Redaktion"])
        #expect(loaded.diagnostics.map(\.description) == [
            "content/politik/agentur/index.md:6:1: warning: 'image' has no 'credit': 'Foto: Erika Muster/dpa' is taken from the picture's metadata "
                + "(write it as 'credit:' to keep it whatever becomes of the file)",
            "content/politik/ohne/index.md:6:1: error: 'image' needs 'credit' (licensing demands a credit for every image, here or in the picture's IPTC or XMP metadata)",
        ])
    }
}
