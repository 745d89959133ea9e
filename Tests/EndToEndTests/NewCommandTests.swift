import Content
import Foundation
import Testing

/// Runs `magbuild new` in a copy of `Tests/Fixtures/check-base`.
@Suite struct NewCommandTests {
    @Test func createsABundleWithAGermanSlugAndFrontMatterThatParsesBack() throws {
        let site = try E2E.copyFixture("check-base")
        let run = try E2E.run(["new", "Über Äpfel", "--section", "kultur", "--author", "Erika Muster", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "content/kultur/ueber-aepfel/index.md\n")
        let text = try #require(E2E.read(site, "content/kultur/ueber-aepfel/index.md"))

        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let parsed = FrontMatterParser.parse(text: text, file: "index.md", timeZone: berlin)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let front = try #require(parsed.frontMatter)
        #expect(front.title == "Über Äpfel")
        #expect(front.authors == ["Erika Muster"])
        #expect(front.draft)
        #expect(front.comments == .open)
        #expect(abs(front.date.timeIntervalSinceNow) < 300, "dated now")
        let dateLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("date: ") })
        #expect(dateLine.hasSuffix("+01:00") || dateLine.hasSuffix("+02:00"), "the site's time zone, Europe/Berlin")
        #expect(dateLine.range(of: #"^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"#, options: .regularExpression) != nil)

        // A fresh draft checks clean: the pre-commit hook lets it through.
        let check = try E2E.run(["check", "--source", site.path, "--strict"])
        #expect(check.status == 0, "stderr: \(check.stderr)")
    }

    @Test func createsAPlainPageThatBuildsAtOnce() throws {
        let site = try E2E.copyFixture("basic-site")
        let run = try E2E.run(["new", "Über uns", "--page", "--file", "--source", site.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "pages/ueber-uns.md\n")
        let text = try #require(E2E.read(site, "pages/ueber-uns.md"))
        let parsed = PageFrontMatter.parse(text: text, file: "pages/ueber-uns.md")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.frontMatter?.title == "Über uns")
        #expect(try E2E.run(["build", "--source", site.path, "--quiet"]).status == 0)
        #expect(E2E.read(site, "public/ueber-uns/index.html")?.contains("<h1>Über uns</h1>") == true)
        let again = try E2E.run(["new", "Über uns", "--page", "--source", site.path])
        #expect(again.status == 1 && again.stderr.contains("pages/ueber-uns.md already exists"), "\(again.stderr)")
        let sectioned = try E2E.run(["new", "Abo", "--page", "--section", "politik", "--source", site.path])
        #expect(sectioned.status == 1 && sectioned.stderr.contains("a page has no section"), "\(sectioned.stderr)")
        let authored = try E2E.run(["new", "Abo", "--page", "--author", "Lina Iversen", "--source", site.path])
        #expect(authored.status == 1 && authored.stderr.contains("a page has no author"), "\(authored.stderr)")
    }

    @Test func writesAFlatFileWithDashFile() throws {
        let site = try E2E.copyFixture("check-base")
        let run = try E2E.run([
            "new", "Kurz notiert: 3 Dinge!", "--section", "/politik/", "--author", "Max \"Mäx\" Beispiel",
            "--file", "--source", site.path,
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "content/politik/kurz-notiert-3-dinge.md\n")
        let text = try #require(E2E.read(site, "content/politik/kurz-notiert-3-dinge.md"))
        let parsed = FrontMatterParser.parse(text: text, file: "x.md", timeZone: .gmt)
        #expect(parsed.frontMatter?.authors == ["Max \"Mäx\" Beispiel"])
        #expect(parsed.frontMatter?.title == "Kurz notiert: 3 Dinge!")
    }

    @Test func refusesToOverwriteAnArticleInEitherForm() throws {
        let site = try E2E.copyFixture("check-base")
        let original = E2E.read(site, "content/politik/haupt/index.md")
        for layout in ["--bundle", "--file"] {
            let run = try E2E.run(["new", "Haupt", "--section", "politik", "--author", "A", layout, "--source", site.path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("error: content/politik/haupt already exists"), "\(run.stderr)")
        }
        let flat = try E2E.run(["new", "Zweite", "--section", "kultur", "--author", "A", "--source", site.path])
        #expect(flat.status == 1)
        #expect(flat.stderr.contains("content/kultur/zweite.md already exists"))
        #expect(E2E.read(site, "content/politik/haupt/index.md") == original)
        #expect(E2E.read(site, "content/kultur/zweite/index.md") == nil)
    }

    @Test func rejectsBadSectionsAndMissingSiteFolders() throws {
        let site = try E2E.copyFixture("check-base")
        let bad = try E2E.run(["new", "Titel", "--section", "politik/../geheim", "--author", "A", "--source", site.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("is not a section path"))
        let nowhere = try E2E.run(["new", "Titel", "--author", "A", "--source", site.appendingPathComponent("content").path])
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("no site.yml"))
    }
}
