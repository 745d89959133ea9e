import Diagnostics
import Foundation
import Testing
@testable import Site

/// Author profiles from `authors/`: shown on the author's page, kept up to date incrementally.
@Suite struct AuthorProfileBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let erika = """
        ---
        name: Erika Muster
        role: Redakteurin
        links: [https://erika.example/]
        image:
          src: erika.png
          alt: Erika Muster lacht
          credit: "Foto: Studio"
        ---
        Schreibt über **Politik**.

        """

    @Test func theAuthorsPageShowsTheProfile() throws {
        let site = try Workspace(adding: ["authors/erika-muster.md": Self.erika, "authors/erika.png": "png"])
        let files = try site.cleanBuild()
        let page = String(decoding: try #require(files["autoren/erika-muster/index.html"]), as: UTF8.self)
        #expect(page.contains(#"<div class="intro"><p>Schreibt über <strong>Politik</strong>.</p>"#), "\(page)")
        #expect(page.contains(#"<img src="/autoren/erika-muster/erika.png" alt="Erika Muster lacht"><small>Foto: Studio</small>"#))
        #expect(files["autoren/erika-muster/erika.png"] == Data("png".utf8), "the portrait is published beside the author's page")
        let other = String(decoding: try #require(files["autoren/max-beispiel/index.html"]), as: UTF8.self)
        #expect(!other.contains(#"class="intro""#), "an author without a profile keeps a plain page")
    }

    @Test func aMissingPortraitAndASecondProfileAreErrors() throws {
        let site = try Workspace(adding: [
            "authors/erika-muster.md": Self.erika,
            "authors/zweite.md": "---\nname: Erika Muster\n---\n",
        ])
        do {
            _ = try site.cleanBuild()
            Issue.record("the build succeeded")
        } catch let list as DiagnosticList {
            let text = list.description
            #expect(text.contains("authors/erika-muster.md:6:8: error: portrait 'erika.png' not found beside authors/erika-muster.md"), "\(text)")
            #expect(text.contains("authors/zweite.md:2:7: error: 'Erika Muster' has a profile in authors/erika-muster.md already"), "\(text)")
        }
    }

    @Test func checkWarnsAboutAProfileNobodyUses() throws {
        let site = try Workspace(adding: ["authors/niemand.md": "---\nname: Nie Mand\n---\n"])
        let report = SiteChecker(options: CheckOptions(source: site.site, jobs: 2)).check()
        #expect(report.diagnostics.map(\.description).contains {
            $0.hasPrefix("authors/niemand.md:2:7: warning: no published article names the author 'Nie Mand'")
        }, "\(report.diagnostics)")
    }

    @Test func anEditedProfileRebuildsWhatShowsIt() throws {
        let site = try Workspace(adding: ["authors/erika-muster.md": "---\nname: Erika Muster\nrole: Redakteurin\n---\nAlt.\n"])
        try site.build()
        try site.build()
        let before = site.stamps()
        try site.edit("authors/erika-muster.md") { $0.replacingOccurrences(of: "Alt.", with: "Neu.") }
        try site.build()
        #expect(site.touched(since: before) == ["autoren/erika-muster/index.html"])
        #expect(site.outputFiles() == (try site.cleanBuild()))
        try site.edit("authors/erika-muster.md") { $0.replacingOccurrences(of: "Redakteurin", with: "Chefredakteurin") }
        try site.build()
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }
}
