import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

@Suite struct MachineFilesTests {
    @Test func escapesXMLAndDropsControlCharacters() {
        #expect(MachineFiles.xmlEscape("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;")
    }

    @Test func formatsDatesInUTC() {
        #expect(MachineFiles.isoDate(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(MachineFiles.isoDate(Date(timeIntervalSince1970: 1_655_885_700)) == "2022-06-22T08:15:00Z")
    }

    @Test func feedsSitemapAndRobotsAreWellFormed() throws {
        let options = BuildOptions(source: SiteBuilderTests.fixture, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        let memory = MemoryOutput()
        _ = try SiteBuilder(options: options).build(into: memory)
        let files = memory.files
        for path in ["atom.xml", "politik/atom.xml", "kolumnen/am-rand/atom.xml", "sitemap.xml"] {
            let data = try #require(files[path], "missing \(path)")
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(path) is not well-formed XML")
        }
        let atom = String(decoding: try #require(files["atom.xml"]), as: UTF8.self)
        #expect(atom.contains("<id>https://test.example/politik/erste-meldung/</id>"))
        // The feed's updated time is the newest entry's, never the clock's.
        #expect(atom.contains("<updated>2024-03-01T08:30:00Z</updated>"))
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 3)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://test.example/kultur/zweite-meldung/</loc><lastmod>2024-01-31T23:00:00Z</lastmod>"))
        #expect(!sitemap.contains("404.html"))
        let robots = String(decoding: try #require(files["robots.txt"]), as: UTF8.self)
        #expect(robots.contains("Sitemap: https://test.example/sitemap.xml"))
    }
}
