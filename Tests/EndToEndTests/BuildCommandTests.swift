import Foundation
import Testing

/// Runs `magbuild build` on the fixture site under `Tests/Fixtures/basic-site` and checks what it writes.
@Suite struct BuildCommandTests {
    @Test func buildsArticlePagesHomeAndResources() throws {
        let site = try E2E.copyFixture("basic-site")
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("Built "))
        #expect(run.stdout.contains(" pages, 5 comments, "))

        let public_ = site.appendingPathComponent("public")
        let article = try #require(E2E.read(public_, "politik/erste-meldung/index.html"))
        #expect(article.contains("<h1>Erste Meldung über Äpfel</h1>"))
        #expect(article.contains("Ein Teaser mit &lt;b&gt;Markup&lt;/b&gt;"))
        #expect(article.contains(#"<img src="/politik/erste-meldung/lead-160w.png" alt="Ein Apfel">"#), "the fixture theme's plain <img>")
        #expect(article.contains("<figcaption>Ein roter Apfel</figcaption>"))
        #expect(article.contains(#"<small class="credit">Foto: Testagentur</small>"#))
        #expect(article.contains("<del>Streichung</del>"))
        #expect(article.contains(#"<h2 id="zwischentitel">"#))
        #expect(article.contains(#"src="/politik/erste-meldung/detail-96w.png""#))
        #expect(article.contains(#"href="/kultur/zweite-meldung/""#), "related article box")
        #expect(article.contains("<h2>5 Kommentare</h2>") == false, "spam and pending are not counted")
        #expect(article.contains("<h2>4 Kommentare</h2>"))
        #expect(article.contains("Bitte <strong>freundlich</strong> bleiben."))
        #expect(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!article.contains("<script>alert(1)"))
        #expect(!article.contains("Kaufen!"))
        #expect(!article.contains("Noch nicht frei."))
        #expect(article.contains("Antwort an Bert"))
        #expect(article.contains(#"rel="nofollow ugc noopener""#))
        #expect(article.contains(#"<link rel="canonical" href="https://test.example/politik/erste-meldung/">"#))
        #expect(article.contains(#"datetime="2024-03-01T09:30:00+01:00""#))
        #expect(article.contains("1. März 2024"))

        // Pictures are published next to the page as derivatives, their originals not; Markdown
        // sources and comment exports never are.
        for file in ["lead-160w.png", "lead-160w.webp", "detail-96w.png", "detail-96w.webp"] {
            #expect(E2E.read(public_, "politik/erste-meldung/" + file) != nil, "\(file)")
        }
        #expect(E2E.read(public_, "politik/erste-meldung/lead.png") == nil)
        #expect(E2E.read(public_, "politik/erste-meldung/detail.png") == nil)
        #expect(E2E.read(public_, "politik/erste-meldung/index.md") == nil)
        #expect(E2E.read(public_, "politik/erste-meldung/comments.json") == nil)
        #expect(E2E.read(public_, "css/style.css") == "body { color: #222 }\n")

        let flat = try #require(E2E.read(public_, "kultur/zweite-meldung/index.html"))
        #expect(flat.contains(#"<p class="closed">"#))
        #expect(flat.contains("Schon geschlossen."))
        let column = try #require(E2E.read(public_, "kolumnen/am-rand/notiz-eins/index.html"))
        #expect(column.contains(#"<p class="kicker">Am Rand</p>"#))
        #expect(!column.contains("Kommentare"), "comments: off hides the section")

        // Drafts and future articles are not published by default.
        #expect(E2E.read(public_, "kultur/entwurf/index.html") == nil)
        #expect(E2E.read(public_, "kultur/zukunft/index.html") == nil)

        // Home: the newest article leads; paginate 2 puts the remaining two on page 1.
        let home = try #require(E2E.read(public_, "index.html"))
        #expect(home.contains(#"<div class="lead"><div class="teaser"><a href="/politik/erste-meldung/">"#))
        #expect(home.contains("Seite 1 von 1"))
        #expect(E2E.read(public_, "404.html")?.contains("Nicht gefunden") == true)
        #expect(E2E.read(public_, "kolumnen/am-rand/index.html")?.contains("<h1>Am Rand</h1>") == true)
        let redirect = try #require(E2E.read(public_, "alt/erste.html"))
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=https://test.example/politik/erste-meldung/">"#))
    }

    @Test func aliasLeavingTheSiteIsAnError() throws {
        let site = try E2E.copyFixture("basic-site")
        let file = site.appendingPathComponent("content/kultur/zweite-meldung.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "comments: closed\n", with: "comments: closed\naliases: [/../../etc/x.html]\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/kultur/zweite-meldung.md:8:"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("must be a path on this site"))
        #expect(!run.stderr.contains("related article"), "no follow-up errors about the broken article")
    }

    @Test func draftsAndFutureArticlesOnRequest() throws {
        let site = try E2E.copyFixture("basic-site")
        let run = try E2E.run(["build", "--source", site.path, "--drafts", "--future", "--output", site.appendingPathComponent("out").path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let out = site.appendingPathComponent("out")
        #expect(E2E.read(out, "kultur/entwurf/index.html") != nil)
        #expect(E2E.read(out, "kultur/zukunft/index.html") != nil)
        #expect(E2E.read(out, "page/2/index.html") != nil, "five articles, lead plus two per page")
    }

    @Test func identicalInputGivesIdenticalOutput() throws {
        let site = try E2E.copyFixture("basic-site")
        let first = site.appendingPathComponent("one"), second = site.appendingPathComponent("two")
        #expect(try E2E.run(["build", "--source", site.path, "--output", first.path]).status == 0)
        #expect(try E2E.run(["build", "--source", site.path, "--output", second.path, "--jobs", "1"]).status == 0)
        let a = E2E.snapshot(first), b = E2E.snapshot(second)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func brokenFrontMatterNamesFileAndLineAndKeepsPreviousOutput() throws {
        let site = try E2E.copyFixture("basic-site")
        #expect(try E2E.run(["build", "--source", site.path]).status == 0)
        let before = E2E.snapshot(site.appendingPathComponent("public"))

        let broken = site.appendingPathComponent("content/politik/kaputt")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try """
            ---
            title: "Kaputt"
            teaser: "Mit falschem Datum."
            date: 2024-13-45
            authors: [Erika Muster]
            ---
            Text.
            """.write(to: broken.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)

        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/politik/kaputt/index.md:4:"), "stderr: \(run.stderr)")
        #expect(E2E.snapshot(site.appendingPathComponent("public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("magbuild-") }
        #expect(leftovers.isEmpty)
    }

    @Test func errorsInSeveralArticlesAreReportedTogether() throws {
        let site = try E2E.copyFixture("basic-site")
        for name in ["a", "b"] {
            let folder = site.appendingPathComponent("content/politik/\(name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "---\ntitle: \"Ohne Teaser\"\ndate: 2024-01-01\nauthors: [X]\n---\nText.\n"
                .write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        }
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("content/politik/a/index.md:"))
        #expect(run.stderr.contains("content/politik/b/index.md:"))
        #expect(run.stderr.contains("teaser"))
    }
}
