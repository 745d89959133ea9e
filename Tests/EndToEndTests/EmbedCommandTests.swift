import Foundation
import Testing

/// In-body embeds through the command line: `build` renders them, and a broken one stops
/// `build` (leaving the previous output) and shows up in `check`, at its `file:line:col`.
@Suite struct EmbedCommandTests {
    private static let article = """
        ---
        title: Mit Kasten
        teaser: Ein Artikel mit Einschüben.
        date: 2024-03-04
        authors: [Erika Muster]
        ---
        Erster Absatz.

        > [!teaser] kultur/zweite-meldung

        Zweiter Absatz.

        > [!slot] promo

        """

    @Test func buildRendersTheEmbedsAndABrokenOneKeepsThePreviousOutput() throws {
        let site = try E2E.copyFixture("basic-site")
        try Data(Self.article.utf8).write(to: site.appendingPathComponent("content/politik/kasten.md"))
        let out = site.appendingPathComponent("public")
        let run = try E2E.run(["build", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let page = try #require(E2E.read(out, "politik/kasten/index.html"))
        #expect(page.contains(#"<aside class="auch"><a href="/kultur/zweite-meldung/">Zweite Meldung</a></aside>"#), "\(page)")
        #expect(page.contains(#"<aside class="promo">Promo für Testmagazin: Mit Kasten</aside>"#))
        let before = E2E.snapshot(out)

        let broken = Self.article.replacingOccurrences(of: "kultur/zweite-meldung", with: "kultur/zweite")
            .replacingOccurrences(of: "[!slot] promo", with: "[!slott] promo")
        try Data(broken.utf8).write(to: site.appendingPathComponent("content/politik/kasten.md"))
        let failed = try E2E.run(["build", "--source", site.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("content/politik/kasten.md:13:3: error: unknown embed '[!slott]' (did you mean '[!slot]'?)"),
                "stderr: \(failed.stderr)")
        #expect(E2E.snapshot(out) == before, "a failed build leaves the previous output")

        let check = try E2E.run(["check", "--source", site.path])
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("content/politik/kasten.md:9:3: error: embedded article 'kultur/zweite' does not exist (did you mean 'kultur/zweite-meldung'?)"),
                "stdout: \(check.stdout)\nstderr: \(check.stderr)")
    }
}
