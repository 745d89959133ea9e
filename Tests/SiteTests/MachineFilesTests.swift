import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Content
@testable import Templates
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

    /// A feed's key is the same whether its entries' digests are made once for all feeds or
    /// for it alone, and no two feeds share one.
    @Test func aFeedsKeyIsTheSameWithItsEntriesDigestedOnceForAllFeeds() throws {
        let pictures = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-feed-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pictures) }
        var options = BuildOptions(source: SiteBuilderTests.fixture, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        options.pictureStore = pictures
        var output = SinkTransaction(sink: MemoryOutput())
        let site = try BuildDriver(options: options).run(previous: nil, into: &output).site
        let feeds = MachineFiles.feeds(model: site.model, groups: PagePlan.listingGroups(site.model, urls: site.values.urls))
        let planned = site.maker.plan(feeds: feeds, jobs: 2)
        #expect(feeds.count > 3 && planned.count == feeds.count)
        for (feed, output) in zip(feeds, planned) {
            #expect(output.path == feed.path)
            #expect(output.key == site.maker.plan(.feed(feed), at: feed.path).key, "\(feed.path)")
        }
        #expect(Set(planned.map(\.key)).count == planned.count)
    }

    /// The elements a parser reads, with namespaces reported, by qualified name.
    final class Names: NSObject, XMLParserDelegate {
        var names: [String] = []
        var namespaces: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            names.append(qualifiedName ?? name)
            if let namespaceURI { namespaces.append(namespaceURI) }
        }
    }

    private func parsed(_ data: Data?) -> Names? {
        guard let data else { return nil }
        let parser = XMLParser(data: data), names = Names()
        parser.delegate = names
        parser.shouldProcessNamespaces = true
        return parser.parse() ? names : nil
    }

    @Test func theNewsSitemapHoldsTheLast48HoursAndDependsOnlyOnTheClock() throws {
        // erste-meldung is dated 2024-03-01T09:30+01:00; zweite-meldung 2024-02-01.
        let now = try #require(ISO8601DateFormatter().date(from: "2024-03-02T12:00:00Z"))
        func build() throws -> [String: Data] {
            let memory = MemoryOutput()
            _ = try SiteBuilder(options: BuildOptions(source: SiteBuilderTests.fixture, jobs: 2, now: now)).build(into: memory)
            return memory.files
        }
        let files = try build()
        let news = try #require(parsed(files["sitemap-news.xml"]), "sitemap-news.xml does not parse")
        #expect(news.namespaces.contains("http://www.google.com/schemas/sitemap-news/0.9"))
        let text = String(decoding: try #require(files["sitemap-news.xml"]), as: UTF8.self)
        #expect(text.contains("<loc>https://test.example/politik/erste-meldung/</loc><news:news><news:publication><news:name>Testmagazin</news:name><news:language>de</news:language></news:publication><news:publication_date>2024-03-01T08:30:00Z</news:publication_date>"), "\(text)")
        #expect(!text.contains("zweite-meldung"), "older than 48 hours")
        #expect(try build()["sitemap-news.xml"] == files["sitemap-news.xml"], "two builds at the same time give the same bytes")
        let robots = String(decoding: try #require(files["robots.txt"]), as: UTF8.self)
        #expect(robots.contains("Sitemap: https://test.example/sitemap-news.xml"))
    }

    @Test func aSiteOfMoreThan50000URLsGetsASitemapIndex() throws {
        let urls = SiteURLs(config: SiteConfig(baseURL: "https://gross.example/"), sections: [], articles: [])
        let entries = (0..<50_001).map { MachineFiles.SitemapEntry(url: "https://gross.example/a/\($0)/", lastmod: nil) }
        let files = MachineFiles.sitemapFiles(entries, urls: urls)
        #expect(files.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"])
        let last = try #require(files.last)
        let index = try #require(parsed(Data(last.file.xml.utf8)))
        #expect(index.names.filter { $0 == "sitemap" }.count == 3, "two parts and the news sitemap")
        #expect(index.names.first == "sitemapindex")
        let first = try #require(parsed(Data(files[0].file.xml.utf8)))
        #expect(first.names.filter { $0 == "url" }.count == 50_000)
        let second = try #require(parsed(Data(files[1].file.xml.utf8)))
        #expect(second.names.filter { $0 == "url" }.count == 1)
        #expect(MachineFiles.sitemapFiles(Array(entries.prefix(50_000)), urls: urls).map(\.path) == ["sitemap.xml"])
    }

    @Test func shareLinksCarryTheTitleAndPermalinkEncoded() {
        let value = ShareLinks.value(
            [.whatsapp, .mail, .copy], title: "Äpfel & Birnen", permalink: "https://m.example/a/?x=1", language: "de")
        guard case .array(let links) = value else {
            Issue.record("not a list")
            return
        }
        func field(_ link: Value, _ name: String) -> String? {
            if case .record(let record) = link, case .string(let text)? = record[name] { return text }
            return nil
        }
        #expect(links.map { field($0, "name") } == ["whatsapp", "mail", "copy"])
        #expect(field(links[0], "url") == "https://wa.me/?text=%C3%84pfel%20%26%20Birnen%20https%3A%2F%2Fm.example%2Fa%2F%3Fx%3D1")
        #expect(field(links[1], "url") == "mailto:?subject=%C3%84pfel%20%26%20Birnen&body=%C3%84pfel%20%26%20Birnen%0Ahttps%3A%2F%2Fm.example%2Fa%2F%3Fx%3D1")
        #expect(field(links[1], "label") == "E-Mail" && field(links[2], "label") == "Link kopieren")
        #expect(field(links[2], "url") == "https://m.example/a/?x=1")
    }
}
