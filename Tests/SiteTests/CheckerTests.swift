import Diagnostics
import Foundation
import Testing
@testable import Site

/// The parts of `SiteChecker` that need no executable; the findings themselves are tested end to end.
@Suite struct CheckerTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func theCheckFixtureIsClean() {
        let report = SiteChecker(options: CheckOptions(source: Self.fixtures.appendingPathComponent("check-base"), jobs: 2)).check()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.articles == 2)
        #expect(report.templates == 9)
    }

    @Test func templateIDsAreLiteralOrPrefixes() {
        let found = LinkTargets.literalIDs(in: [
            #"<main id="main"><article id="c-{{ comment.id }}"><div id="{{ x }}"></div><p class="id"></p>"#,
        ])
        #expect(found.ids == ["main"])
        #expect(found.prefixes == ["c-"])
    }

    @Test func frontMatterLinesFindKeysAndNestedKeys() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = "---\ntitle: \"T\"\nimage:\n  alt: a\n  src:   lead.jpg\nsrc: no\n---\nsrc: body\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.md"))
        let lines = FrontMatterLines(site: folder, file: "a.md", bodyLine: 8)
        #expect(lines.locate(key: "title").0 == SourceLocation(file: "a.md", line: 2, column: 8))
        #expect(lines.locate(key: "image.src").0 == SourceLocation(file: "a.md", line: 5, column: 10))
        #expect(lines.locate(key: "image.src").1 == "  src:   lead.jpg")
        #expect(lines.locate(key: "teaser").0 == SourceLocation(file: "a.md", line: 1, column: 1))
        #expect(lines.locate(needle: "lead").0.line == 5)
    }
}

extension CheckerTests {
    /// The check fixture with its lead image replaced by a photo whose IPTC names Erika
    /// Muster and dpa (`Tests/ImagesTests/Fixtures/make_fixtures.py`).
    static func siteWithAgencyPhoto(credit: String) throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-credit-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("check-base"), to: site)
        let bundle = site.appendingPathComponent("content/politik/haupt")
        try FileManager.default.removeItem(at: bundle.appendingPathComponent("lead.png"))
        try FileManager.default.copyItem(
            at: fixtures.deletingLastPathComponent().appendingPathComponent("ImagesTests/Fixtures/photo.jpg"),
            to: bundle.appendingPathComponent("lead.jpg"))
        let file = bundle.appendingPathComponent("index.md")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "src: lead.png", with: "src: lead.jpg")
            .replacingOccurrences(of: "credit: \"Foto: Testagentur\"", with: "credit: \"\(credit)\"")
        try Data(text.utf8).write(to: file)
        return site
    }

    @Test func aCreditThatIsNotThePhotosIsAWarning() throws {
        let wrong = try Self.siteWithAgencyPhoto(credit: "Foto: Testagentur")
        defer { try? FileManager.default.removeItem(at: wrong) }
        let report = SiteChecker(options: CheckOptions(source: wrong, jobs: 2)).check()
        #expect(report.diagnostics.map(\.description) == [
            "content/politik/haupt/index.md:10:11: warning: the credit 'Foto: Testagentur' is not the one in the picture's metadata, "
                + "'Erika Muster/dpa' (check with the photo desk which one is right; the front matter's is printed)",
        ])
        let right = try Self.siteWithAgencyPhoto(credit: "Foto: ERIKA MUSTER / DPA")
        defer { try? FileManager.default.removeItem(at: right) }
        #expect(SiteChecker(options: CheckOptions(source: right, jobs: 2)).check().diagnostics.isEmpty)
        // Names are whole words: "Erika Musterfrau" is not "Erika Muster".
        let other = try Self.siteWithAgencyPhoto(credit: "Foto: Erika Musterfrau/dpa")
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(SiteChecker(options: CheckOptions(source: other, jobs: 2)).check().diagnostics.count == 1)
    }
}
