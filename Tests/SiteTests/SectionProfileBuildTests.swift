import Diagnostics
import Foundation
import Testing
@testable import Site

/// Section profiles in a build: names, navigation order, intros, pictures; incremental too.
@Suite struct SectionProfileBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    @Test func aProfileNamesOrdersAndIntroducesItsSection() throws {
        let site = try Workspace(adding: [
            "content/politik/_index.md": "---\ntitle: Innenpolitik\ndescription: Aus dem Rathaus.\nweight: 9\n---\nDas **Rathaus** im Blick.\n",
            "content/kultur/_index.md": "---\nweight: 1\nimage:\n  src: bühne.png\n  alt: Eine Bühne\n  credit: \"Foto: B\"\n---\n",
            "content/kultur/bühne.png": "png",
        ])
        let files = try site.cleanBuild()
        let home = Workspace.text(files, "index.html")
        // Kultur (weight 1) before Innenpolitik (9); Kolumnen (no profile, weight 0) first.
        #expect(home.contains(#"<a href="/kolumnen/">Kolumnen</a><a href="/kultur/">Kultur</a><a href="/politik/">Innenpolitik</a>"#), "\(home)")
        #expect(home.contains(#"<span class="section">Innenpolitik</span>"#), "cards carry the profile's name")
        let politik = Workspace.text(files, "politik/index.html")
        #expect(politik.contains(#"<h1>Innenpolitik</h1><div class="intro"><p>Das <strong>Rathaus</strong> im Blick.</p>"#), "\(politik)")
        #expect(Workspace.text(files, "kultur/index.html").contains(#"<img src="/kultur/bühne.png" alt="Eine Bühne"><small>Foto: B</small>"#))
        #expect(files["kultur/bühne.png"] == Data("png".utf8), "the picture beside _index.md is published")
    }

    @Test func aMissingPictureIsAnErrorAtItsLine() throws {
        let site = try Workspace(adding: ["content/kultur/_index.md": "---\nimage:\n  src: fehlt.png\n  alt: A\n  credit: C\n---\n"])
        do {
            _ = try site.cleanBuild()
            Issue.record("the build succeeded")
        } catch let list as DiagnosticList {
            #expect(list.description.contains("content/kultur/_index.md:3:8: error: image 'fehlt.png' not found beside content/kultur/_index.md"),
                    "\(list.description)")
        }
    }

    @Test func anEditedProfileRebuildsWhatShowsIt() throws {
        let site = try Workspace(adding: ["content/politik/_index.md": "---\ntitle: Innenpolitik\n---\nAlt.\n"])
        try site.build()
        try site.build()
        var before = site.stamps()
        try site.edit("content/politik/_index.md") { $0.replacingOccurrences(of: "Alt.", with: "Neu.") }
        try site.build()
        #expect(site.touched(since: before) == ["politik/index.html"])
        #expect(site.outputFiles() == (try site.cleanBuild()))
        before = site.stamps()
        try site.edit("content/politik/_index.md") { $0.replacingOccurrences(of: "Innenpolitik", with: "Landespolitik") }
        try site.build()
        // The name is in every page's navigation and on the cards; feeds carry the section title too.
        #expect(site.touched(since: before).contains("kultur/zweite-meldung/index.html"))
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }
}
