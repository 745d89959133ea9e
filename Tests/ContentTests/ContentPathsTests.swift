import Foundation
import Testing
@testable import Content

/// `related:` names articles by the path of their file under `content/`, which `slug:` does not change.
@Suite struct ContentPathsTests {
    private func article(_ file: String, url: String) -> ArticleSource {
        let path = String(url.dropFirst().dropLast())
        return ArticleSource(
            file: file, contentPath: path, section: "", url: url, bundleDirectory: nil, resources: [], commentsFile: nil,
            frontMatter: FrontMatter(title: "T", teaser: "D", date: Date(timeIntervalSince1970: 0), authors: ["A"]),
            body: "", bodyLine: 1)
    }

    @Test func theContentPathIsTheFileWithoutItsEnding() {
        #expect(article("content/politik/wahl/index.md", url: "/politik/wahl/").sourcePath == "politik/wahl")
        #expect(article("content/kultur/kurz.md", url: "/kultur/kurz/").sourcePath == "kultur/kurz")
        #expect(article("content/kultur/kurz.md", url: "/kultur/anders/").sourcePath == "kultur/kurz")
    }

    @Test func anArticleWithASlugIsNamedByItsFileAndByItsURL() {
        let index = ContentPaths.index([
            article("content/politik/wahl/index.md", url: "/politik/wahl-2026/"),
            article("content/kultur/oper.md", url: "/kultur/oper/"),
        ])
        #expect(index == ["politik/wahl": 0, "politik/wahl-2026": 0, "kultur/oper": 1])
    }

    @Test func theFileWinsAndAmbiguousURLFormsNameNothing() {
        let index = ContentPaths.index([
            article("content/politik/a/index.md", url: "/politik/b/"),  // slug: b
            article("content/politik/b.md", url: "/politik/c/"),  // slug: c
            article("content/kultur/x/index.md", url: "/kultur/z/"),  // slug: z
            article("content/kultur/y/index.md", url: "/kultur/z/"),  // slug: z as well
        ])
        #expect(index["politik/b"] == 1, "politik/b is the file of the second article")
        #expect(index["politik/c"] == 1)
        #expect(index["kultur/z"] == nil, "two articles have the URL form kultur/z")
        #expect(index["kultur/x"] == 2 && index["kultur/y"] == 3)
    }

    @Test func theSuggestionIsTheNearestContentPath() {
        let paths = ["kultur/zweite-meldung", "politik/wahl", "archiv/gipfel", "kultur/zweite-wahl"]
        #expect(ContentPaths.suggestion(for: "kultur/zweite-meldnug", in: paths) == "kultur/zweite-meldung", "a typo")
        #expect(ContentPaths.suggestion(for: "kultur/zweite-m", in: paths) == "kultur/zweite-meldung", "the start of one path")
        #expect(ContentPaths.suggestion(for: "kultur/zweite", in: paths) == nil, "the start of two paths")
        #expect(ContentPaths.suggestion(for: "politik/gipfel", in: paths) == "archiv/gipfel", "moved to another section")
        #expect(ContentPaths.suggestion(for: "sport/fussball", in: paths) == nil)
    }
}
