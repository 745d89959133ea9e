import Content
import Foundation
import Testing

/// `magbuild init`: a new site that builds and checks clean at once, from files carried in the binary.
@Suite struct InitCommandTests {
    private func newFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-init-\(UUID().uuidString)/site")
    }

    @Test func aNewSiteBuildsAndChecksCleanAtOnce() throws {
        let site = newFolder()
        let created = try E2E.run(["init", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("magbuild serve"))
        for file in ["site.yml", ".gitignore", "templates/base.html", "static/css/style.css", "static/js/comments.js",
                     "content/aktuell/willkommen/index.md", "content/aktuell/willkommen/lead.png", "pages/impressum.md",
                     "templates/page.html"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("static/img").path), "demo pictures stay out")

        let built = try E2E.run(["build", "--source", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try #require(E2E.read(site, "public/aktuell/willkommen/index.html"))
        #expect(page.contains("Illustration: magbuild"), "the lead image's credit")
        #expect(page.contains(#"src="/aktuell/willkommen/lead-1200w.png""#), "the lead image's fallback derivative")
        #expect(E2E.read(site, "public/index.html")?.contains("© Mein Magazin") == true, "the footer from site.yml")
        #expect(E2E.read(site, "public/index.html")?.contains(#"<a href="/impressum/">Impressum</a>"#) == true)
        #expect(E2E.read(site, "public/impressum/index.html")?.contains("<h1 class=\"article__title\">Impressum</h1>") == true)
        #expect(E2E.read(site, "public/suche/index.html")?.contains("data-index=\"/search/\"") == true, "init turns search on")
        #expect(E2E.read(site, "public/search/index.json")?.contains("\"documents\":") == true)
        #expect(E2E.read(site, "public/index.html")?.contains(#"<form class="site-search" role="search" action="/suche/""#) == true)
        let checked = try E2E.run(["check", "--source", site.path, "--strict"])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    @Test func theStarterSettingsNameEveryKey() throws {
        let site = newFolder()
        #expect(try E2E.run(["init", site.path]).status == 0)
        let text = try #require(E2E.read(site, "site.yml"))
        let parsed = SiteConfig.parse(yaml: text)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let keys = SiteConfig.knownKeys + SiteConfig.Paths.knownKeys + SiteConfig.CommentSettings.knownKeys + SiteConfig.Images.knownKeys
        for key in keys {
            #expect(text.contains("\n\(key):") || text.contains(" \(key):"), "site.yml of a new site lacks '\(key)'")
        }
    }

    @Test func theDemoIsTheRepositorysDemoMagazine() throws {
        let site = newFolder()
        #expect(try E2E.run(["init", site.path, "--demo"]).status == 0)
        let made = E2E.snapshot(site)
        for folder in ["content", "pages", "authors", "templates", "static"] {
            let original = E2E.snapshot(E2E.packageRoot.appendingPathComponent(folder))
            let copied = made.filter { $0.key.hasPrefix(folder + "/") }
            #expect(Set(copied.keys) == Set(original.keys.map { folder + "/" + $0 }), "\(folder)")
            for (path, data) in original { #expect(copied[folder + "/" + path] == data, "\(folder)/\(path)") }
        }
        #expect(made["site.yml"] == FileManager.default.contents(atPath: E2E.packageRoot.appendingPathComponent("site.yml").path))
    }

    @Test func aFolderWithFilesIsRefusedAndLeftAlone() throws {
        let site = newFolder()
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: site.appendingPathComponent("notes.txt"))
        let run = try E2E.run(["init", site.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not empty (it holds notes.txt)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["notes.txt"])
    }

    @Test func aFreshRepositoryIsEmptyEnough() throws {
        let site = newFolder()
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(try E2E.run(["init", site.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yml").path))
    }
}
