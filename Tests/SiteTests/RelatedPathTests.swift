import Diagnostics
import Foundation
import Testing
@testable import Site

/// `related:` keeps working when the named article's `slug:` changes its URL.
@Suite struct RelatedPathTests {
    @Test func anArticleWithASlugIsFoundByItsContentPath() throws {
        let site = try IncrementalBuildTests.Workspace()
        try site.edit("content/kultur/zweite-meldung.md") { $0.replacingOccurrences(of: "\n---\n", with: "\nslug: neu-gemeldet\n---\n") }
        let files = try site.cleanBuild()
        let page = String(decoding: try #require(files["politik/erste-meldung/index.html"]), as: UTF8.self)
        #expect(page.contains(#"<aside class="related"><div class="teaser"><a href="/kultur/neu-gemeldet/">"#), "\(page)")
    }

    @Test func aMisspeltPathSuggestsTheNearestContentPath() throws {
        let site = try IncrementalBuildTests.Workspace()
        try site.edit("content/politik/erste-meldung/index.md") {
            $0.replacingOccurrences(of: "related: [kultur/zweite-meldung]", with: "related: [kultur/zweite-meldunk]")
        }
        do {
            _ = try site.cleanBuild()
            Issue.record("the build succeeded")
        } catch let list as DiagnosticList {
            #expect(list.description.contains(
                "content/politik/erste-meldung/index.md:12:11: error: related article 'kultur/zweite-meldunk' does not exist (did you mean 'kultur/zweite-meldung'?)"),
                "\(list.description)")
        }
    }
}
