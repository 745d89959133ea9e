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
