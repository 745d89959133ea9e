import Foundation
import Testing

/// Output details that matter when a site is deployed: preview builds stay out of search
/// engines, and `static/.well-known/` is published.
@Suite struct DeployOutputTests {
    /// The fixture site with the default theme: its templates and static files.
    private func siteWithDefaultTheme() throws -> URL {
        let site = try E2E.copyFixture("basic-site")
        for folder in ["templates", "static"] {
            let theme = site.appendingPathComponent(folder)
            try FileManager.default.removeItem(at: theme)
            try FileManager.default.copyItem(at: E2E.packageRoot.appendingPathComponent(folder), to: theme)
        }
        return site
    }

    @Test(arguments: [["--preview"], ["--drafts"], ["--future"]])
    func previewBuildsAreNotForSearchEngines(_ flags: [String]) throws {
        let site = try siteWithDefaultTheme()
        let run = try E2E.run(["build", "--source", site.path, "--quiet"] + flags)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(E2E.read(site, "public/robots.txt") == "User-agent: *\nDisallow: /\n")
        let home = E2E.read(site, "public/index.html") ?? ""
        #expect(home.contains(#"<meta name="robots" content="noindex, nofollow">"#))
        #expect(E2E.read(site, "public/politik/erste-meldung/index.html")?.contains(#"content="noindex, nofollow""#) == true)

        // The same site built for the public again: every page loses the meta (keys include it).
        #expect(try E2E.run(["build", "--source", site.path, "--quiet"]).status == 0)
        #expect(E2E.read(site, "public/robots.txt")?.hasPrefix("User-agent: *\nAllow: /\n\nSitemap: ") == true)
        #expect(E2E.read(site, "public/index.html")?.contains("noindex") == false)
        #expect(E2E.read(site, "public/politik/erste-meldung/index.html")?.contains("noindex") == false)
    }

    @Test func wellKnownIsPublishedOtherHiddenFilesAreNot() throws {
        let site = try E2E.copyFixture("basic-site")
        let staticFolder = site.appendingPathComponent("static")
        let wellKnown = staticFolder.appendingPathComponent(".well-known")
        try FileManager.default.createDirectory(at: wellKnown, withIntermediateDirectories: true)
        try "Contact: mailto:security@magazin.example\n".write(
            to: wellKnown.appendingPathComponent("security.txt"), atomically: true, encoding: .utf8)
        try "x".write(to: wellKnown.appendingPathComponent(".DS_Store"), atomically: true, encoding: .utf8)
        try "secret".write(to: staticFolder.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        #expect(try E2E.run(["build", "--source", site.path, "--quiet"]).status == 0)
        #expect(E2E.read(site, "public/.well-known/security.txt") == "Contact: mailto:security@magazin.example\n")
        #expect(E2E.read(site, "public/.well-known/.DS_Store") == nil)
        #expect(E2E.read(site, "public/.env") == nil)

        // An edit is noticed by the next build like any static file's.
        try "Contact: mailto:sicherheit@magazin.example\n".write(
            to: wellKnown.appendingPathComponent("security.txt"), atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path, "--list-changes", "--quiet"])
        #expect(run.stdout == "changed .well-known/security.txt\n")
        #expect(E2E.read(site, "public/.well-known/security.txt") == "Contact: mailto:sicherheit@magazin.example\n")
    }
}
