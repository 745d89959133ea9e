import Diagnostics
import Foundation
import Testing
@testable import Site

/// Teaser boxes, slots and figures in article bodies, built end to end: placed by the editor
/// or by `embeds.auto`, rendered through the theme's partials, kept up to date incrementally,
/// and every mistake an error at its `file:line:col`.
@Suite struct EmbedBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let partials = [
        "templates/embeds/teaser.html": #"<aside class="auch">{{ teaser.title }} in {{ article.title }}</aside>"#,
        "templates/slots/promo.html": #"<aside class="promo">Promo für {{ site.title }}</aside>"#,
    ]

    static let dritte = """
        ---
        title: Dritte
        teaser: Mit Boxen.
        date: 2024-03-05
        authors: [Erika Muster]
        ---
        Eins.

        > [!teaser] kultur/zweite-meldung

        Zwei.

        > [!slot] promo

        """

    private func workspace(_ files: [String: String] = [:]) throws -> Workspace {
        try Workspace(adding: Self.partials.merging(["content/politik/dritte.md": Self.dritte]) { $1 }.merging(files) { $1 })
    }

    @Test func theEditorsEmbedsAreRenderedWhereTheyStand() throws {
        let files = try workspace().cleanBuild()
        let page = Workspace.text(files, "politik/dritte/index.html")
        #expect(page.contains(#"<p>Eins.</p><aside class="auch">Zweite Meldung in Dritte</aside><p>Zwei.</p><aside class="promo">Promo für"#)
                || page.contains("<p>Eins.</p>\n<aside class=\"auch\">Zweite Meldung in Dritte</aside><p>Zwei.</p>\n<aside class=\"promo\">Promo für"),
                "\(page)")
        let figure = Workspace.text(files, "politik/erste-meldung/index.html")
        #expect(figure.contains(#"<figure class="body-figure"><img src="/politik/erste-meldung/detail-96w.png" alt="Detail" width="96" height="72"><figcaption> <small>Foto: Redaktion</small>"#),
                "the figure partial gets the figure")
        let feed = Workspace.text(files, "atom.xml")
        #expect(feed.contains("&lt;figcaption&gt;Foto: Redaktion&lt;/figcaption&gt;"), "feeds show figures with their credit")
        #expect(!feed.contains("promo"), "feeds leave slots out")
    }

    @Test func automaticPlacementFillsArticlesThatPlaceNothing() throws {
        let site = try workspace([
            "content/kultur/vierte.md": """
                ---
                title: Vierte
                teaser: Automatisch.
                date: 2024-03-06
                authors: [Max Beispiel]
                related: [kultur/zweite-meldung, politik/erste-meldung]
                ---
                Eins.

                Zwei.

                - Liste

                Drei.

                """,
        ])
        try site.edit("site.yml") {
            $0 + "embeds:\n  auto:\n    - {after: 1, teaser: related}\n    - {after: 1, slot: promo}\n    - {after: 2, teaser: related}\n    - {after: 3, slot: promo}\n"
        }
        let files = try site.cleanBuild()
        let page = Workspace.text(files, "kultur/vierte/index.html")
        let body = page.components(separatedBy: "<div class=\"body\">").last?.components(separatedBy: "</div>").first ?? ""
        #expect(body == """
            <p>Eins.</p>
            <aside class="auch">Zweite Meldung in Vierte</aside><aside class="promo">Promo für Testmagazin</aside><p>Zwei.</p>
            <aside class="auch">Erste Meldung über Äpfel in Vierte</aside><ul>
            <li>Liste</li>
            </ul>
            <p>Drei.</p>

            """, "\(body)")
        #expect(Workspace.text(files, "politik/dritte/index.html").components(separatedBy: "class=\"promo\"").count == 2,
                "an article whose editor placed boxes gets no automatic ones")
    }

    @Test func unknownTargetsSlotsAndMissingCreditsAreErrorsAtTheirPlace() throws {
        let site = try workspace([
            "content/politik/fehler.md": """
                ---
                title: Fehler
                teaser: T
                date: 2024-03-07
                authors: [Erika Muster]
                ---
                Text.

                > [!teaser] kultur/zweite-meldnug

                > [!slot] promp

                > [!tesaer] kultur/zweite-meldung

                ![Grafik](grafik.png)

                """,
        ])
        let message = site.buildFailure()
        #expect(message.contains("content/politik/fehler.md:9:3: error: embedded article 'kultur/zweite-meldnug' does not exist (did you mean 'kultur/zweite-meldung'?)"), "\(message)")
        #expect(message.contains("content/politik/fehler.md:11:3: error: unknown slot 'promp' (did you mean 'promo'?)"), "\(message)")
        #expect(message.contains("content/politik/fehler.md:13:3: error: unknown embed '[!tesaer]' (did you mean '[!teaser]'?)"), "\(message)")
        #expect(message.contains("content/politik/fehler.md:15:1: error: the image 'grafik.png' has no credit"), "\(message)")
    }

    @Test func checkReportsTheSameMistakesAndQuotesTheLine() throws {
        let site = try workspace()
        try site.edit("content/politik/dritte.md") { $0.replacingOccurrences(of: "[!slot] promo", with: "[!slot] prom") }
        let report = SiteChecker(options: CheckOptions(source: site.site, jobs: 2)).check()
        let found = report.diagnostics.first { $0.message == "unknown slot 'prom'" }
        #expect(found?.location?.description == "content/politik/dritte.md:13:3")
        #expect(found?.hint == "did you mean 'promo'?")
        #expect(found?.sourceLine == "> [!slot] prom")
    }

    @Test func aRuleNamingAnUnknownSlotIsAnErrorInSiteYml() throws {
        let site = try workspace()
        try site.edit("site.yml") { $0 + "embeds:\n  auto:\n    - after: 2\n      slot: promi\n" }
        let message = site.buildFailure()
        let line = try String(contentsOf: site.site.appendingPathComponent("site.yml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("slot: promi") }.map { $0 + 1 } ?? 0
        #expect(message.contains("site.yml:\(line):13: error: unknown slot 'promi' (did you mean 'promo'?)"), "\(message)")
        try site.edit("site.yml") { $0.replacingOccurrences(of: "slot: promi", with: "teaser: neueste") }
        #expect(site.buildFailure().contains("error: 'embeds.auto.teaser' can only be 'related', not \"neueste\""))
    }

    @Test func aThemeWithoutThePartialIsToldWhichToAdd() throws {
        let site = try workspace()
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("templates/embeds/teaser.html"))
        #expect(site.buildFailure().contains("content/politik/dritte.md:9:3: error: the theme has no templates/embeds/teaser.html to show this embed"))
        // A rule of site.yml that places teasers needs the partial as well.
        try site.edit("content/politik/dritte.md") { $0.replacingOccurrences(of: "> [!teaser] kultur/zweite-meldung\n", with: "") }
        try site.edit("site.yml") { $0 + "embeds:\n  auto:\n    - {after: 1, teaser: related}\n" }
        let message = site.buildFailure()
        #expect(message.contains("site.yml:") && message.contains("error: the theme has no templates/embeds/teaser.html to show this embed"),
                "\(message)")
    }

    @Test func aDraftTargetIsLeftOutWithAWarning() throws {
        let site = try workspace()
        try site.edit("content/politik/dritte.md") { $0.replacingOccurrences(of: "kultur/zweite-meldung", with: "kultur/entwurf") }
        let summary = try site.build(clean: true)
        #expect(summary.warnings.map(\.description).contains {
            $0.hasPrefix("content/politik/dritte.md:9:3: warning: embedded article 'kultur/entwurf' is not published (draft or future)")
        }, "\(summary.warnings)")
        #expect(!Workspace.text(site.outputFiles(), "politik/dritte/index.html").contains("class=\"auch\""))
    }

    @Test func anEmbeddedTeaserFollowsItsArticleIncrementally() throws {
        let site = try workspace()
        try site.build()
        var before = site.stamps()
        // A new word for an old one: the body changes, its teaser (title, teaser, reading time) does not.
        try site.edit("content/kultur/zweite-meldung.md") { $0.replacingOccurrences(of: "Text der", with: "Inhalt der") }
        try site.build()
        #expect(!site.touched(since: before).contains("politik/dritte/index.html"), "the embedding page shows no body of the embedded one")
        before = site.stamps()
        try site.edit("content/kultur/zweite-meldung.md") { $0.replacingOccurrences(of: "title: \"Zweite Meldung\"", with: "title: \"Neue Meldung\"") }
        try site.build()
        #expect(site.touched(since: before).contains("politik/dritte/index.html"))
        #expect(Workspace.text(site.outputFiles(), "politik/dritte/index.html").contains("Neue Meldung in Dritte"))
        #expect(site.outputFiles() == (try site.cleanBuild()))
        before = site.stamps()
        try site.edit("templates/slots/promo.html") { $0.replacingOccurrences(of: "Promo", with: "Werbung") }
        try site.build()
        #expect(site.touched(since: before) == ["politik/dritte/index.html"], "a slot's partial rebuilds the pages that place it")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func aFiguresPictureIsAnInputOfItsArticle() throws {
        let site = try workspace()
        try site.build()
        let before = site.stamps()
        // Another picture of another size: the figure learns its size, its derivatives are made anew.
        try TestPictures.png(width: 120, height: 60).write(to: site.site.appendingPathComponent("content/politik/erste-meldung/detail.png"))
        try site.build()
        #expect(site.touched(since: before).isSuperset(of: [
            "politik/erste-meldung/index.html", "politik/erste-meldung/detail-120w.png", "politik/erste-meldung/detail-120w.webp",
        ]))
        #expect(!site.outputFiles().keys.contains("politik/erste-meldung/detail-96w.png"), "the old size's derivatives are gone")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }
}
