import Foundation
import Testing

/// Every page type the README lists ("Building") on the fixture site, and the build's output discipline.
@Suite struct PageTypesTests {
    @Test func everyListingPageTypeIsWritten() throws {
        let site = try E2E.copyFixture("basic-site")
        let out = site.appendingPathComponent("out")
        let run = try E2E.run(["build", "--source", site.path, "--output", out.path, "--drafts", "--future"])
        #expect(run.status == 0, "stderr: \(run.stderr)")

        // Sections, nested sections, the column (its folder is its page), tags, authors, indexes.
        let politik = try #require(E2E.read(out, "politik/index.html"))
        #expect(politik.contains("/politik/erste-meldung/"))
        #expect(E2E.read(out, "kolumnen/index.html")?.contains("/kolumnen/am-rand/notiz-eins/") == true)
        #expect(E2E.read(out, "kolumnen/am-rand/index.html")?.contains("/kolumnen/am-rand/notiz-eins/") == true)
        #expect(E2E.read(out, "tags/aepfel/index.html")?.contains("<h1>Äpfel</h1>") == true)
        #expect(E2E.read(out, "autoren/max-beispiel/index.html")?.contains("/kultur/zweite-meldung/") == true)
        let tags = try #require(E2E.read(out, "tags/index.html"))
        #expect(tags.contains(#"<a href="/tags/aepfel/">Äpfel <span class="terms__count">(1)</span></a>"#))
        let authors = try #require(E2E.read(out, "autoren/index.html"))
        #expect(authors.contains(#"<a href="/autoren/max-beispiel/">Max Beispiel <span class="terms__count">(4)</span></a>"#))

        // Pagination: five articles, paginate 2: the lead plus two pages of two.
        let home = try #require(E2E.read(out, "index.html"))
        #expect(home.contains(#"<a rel="next" href="/page/2/">"#))
        let second = try #require(E2E.read(out, "page/2/index.html"))
        #expect(second.contains(#"<a rel="prev" href="/">"#))
        #expect(second.contains("Seite 2 von 2"))
        let kultur = try #require(E2E.read(out, "kultur/index.html"))
        #expect(kultur.contains("/kultur/zukunft/") && kultur.contains("/kultur/zweite-meldung/"))
        #expect(E2E.read(out, "kultur/page/2/index.html")?.contains("/kultur/entwurf/") == true)

        // Feeds per section, sitemap, robots, 404.
        for path in ["atom.xml", "kultur/atom.xml", "sitemap.xml", "robots.txt", "404.html"] {
            #expect(E2E.read(out, path) != nil, "missing \(path)")
        }
    }

    @Test func aBuildFailingWhileRenderingLeavesThePreviousOutput() throws {
        let site = try E2E.copyFixture("basic-site")
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        let before = E2E.snapshot(site.appendingPathComponent("public"))

        // Only one page hits the template error, after the others rendered fine.
        let template = site.appendingPathComponent("templates/article.html")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(
            of: "<h1>{{ article.title }}</h1>",
            with: "<h1>{{ article.title }}</h1>{% if article.title == \"Notiz eins\" %}{{ article.nope }}{% endif %}"
        ).write(to: template, atomically: true, encoding: .utf8)

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("templates/article.html:5:"), "stderr: \(run.stderr)")
        #expect(E2E.snapshot(site.appendingPathComponent("public")) == before)
    }

    @Test func deletedArticlesDoNotLinger() throws {
        let site = try E2E.copyFixture("basic-site")
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        #expect(E2E.read(site.appendingPathComponent("public"), "kolumnen/am-rand/notiz-eins/index.html") != nil)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/kolumnen"))
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        let files = E2E.snapshot(site.appendingPathComponent("public"))
        #expect(!files.keys.contains { $0.hasPrefix("kolumnen/") })
    }

    @Test func twoArticlesAtOneURLNameBothFiles() throws {
        let site = try E2E.copyFixture("basic-site")
        let folder = site.appendingPathComponent("content/kultur/zweite-meldung")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: \"Doppelt\"\nteaser: \"Gleiche URL.\"\ndate: 2024-01-01\nauthors: [X]\n---\nText.\n"
            .write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/kultur/zweite-meldung.md"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("content/kultur/zweite-meldung/index.md"))
    }

    @Test func aliasTakingAnArticleURLIsAnError() throws {
        let site = try E2E.copyFixture("basic-site")
        let file = site.appendingPathComponent("content/kultur/zweite-meldung.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "comments: closed\n", with: "comments: closed\naliases: [/politik/erste-meldung/]\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/kultur/zweite-meldung.md:8:"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("is the URL of an article"))
    }

    @Test func unknownFilterFailsTheBuildWithItsPositionAndASuggestion() throws {
        let site = try E2E.copyFixture("basic-site")
        let template = site.appendingPathComponent("templates/article.html")
        let text = try String(contentsOf: template, encoding: .utf8)
        // Line 12 of the fixture's article template.
        try text.replacingOccurrences(
            of: "<h2>{{ article.comments.count }} Kommentare</h2>",
            with: "<h2>{{ article.comments.count | lenght }} Kommentare</h2>"
        ).write(to: template, atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("templates/article.html:12:"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("lenght"))
        #expect(run.stderr.contains("did you mean 'length'?"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let site = try E2E.copyFixture("basic-site")
        let out = site.appendingPathComponent("public")
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        func identity(_ path: String) throws -> (Int, Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)
            return (
                (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1,
                attributes[.modificationDate] as? Date ?? .distantPast)
        }
        let paths = ["politik/erste-meldung/index.html", "kultur/zweite-meldung/index.html", "politik/erste-meldung/lead-160w.webp", "css/style.css"]
        let before = try paths.map(identity)

        // Only the flat article's page (and the listings that show its title) change.
        let file = site.appendingPathComponent("content/kultur/zweite-meldung.md")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Text der", with: "Neuer Text der")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        let after = try paths.map(identity)

        #expect(after[0] == before[0], "unchanged article page keeps its file and time")
        #expect(after[1].0 != before[1].0, "the changed article page is written anew")
        #expect(after[2] == before[2], "unchanged bundle resource")
        #expect(after[3] == before[3], "unchanged static file")
        #expect(E2E.read(out, "kultur/zweite-meldung/index.html")?.contains("Neuer Text der") == true)
    }
}
