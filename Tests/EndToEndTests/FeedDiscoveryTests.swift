import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The demo magazine's machine files read by a real XML parser: every feed a page links with
/// `rel="alternate"` exists and parses, and the sitemaps follow their protocols.
@Suite struct FeedDiscoveryTests {
    /// What a parse found: element names with their attributes, in document order.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found.append((qualifiedName ?? name, attributes))
        }
    }

    static func parse(_ data: Data) -> [(name: String, attributes: [String: String])]? {
        let parser = XMLParser(data: data)
        let elements = Elements()
        parser.delegate = elements
        return parser.parse() ? elements.found : nil
    }

    /// The `href` of each `<link rel="alternate" type="application/atom+xml">` of a page.
    static func feedLinks(in html: String) -> [String] {
        html.components(separatedBy: "<link rel=\"alternate\" type=\"application/atom+xml\"").dropFirst().compactMap { tag in
            guard let href = tag.range(of: "href=\"") else { return nil }
            return String(tag[href.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test func everyPageLinksFeedsThatParse() throws {
        let output = try HTMLValidationTests.buildDemo()
        defer { try? FileManager.default.removeItem(at: output) }
        var pages = 0
        var linked = Set<String>()
        for path in E2E.snapshot(output).keys where path.hasSuffix(".html") {
            let html = try #require(E2E.read(output, path))
            if html.contains("http-equiv=\"refresh\"") { continue }  // an alias
            pages += 1
            let links = Self.feedLinks(in: html)
            #expect(links.first == "/atom.xml", "\(path) links the site feed first: \(links)")
            if path.hasPrefix("tags/") || path.hasPrefix("autoren/") || path.hasPrefix("politik/index") || path.hasPrefix("kolumnen/lindqvists-landpartie/index") {
                if path != "tags/index.html", path != "autoren/index.html" {
                    #expect(links.count == 2, "\(path) links its own feed: \(links)")
                }
            }
            linked.formUnion(links)
        }
        #expect(pages > 30)
        #expect(linked.contains("/tags/haldenau/atom.xml") && linked.contains("/autoren/jana-feldmann/atom.xml"), "\(linked.sorted())")
        for link in linked {
            let data = try #require(FileManager.default.contents(atPath: output.path + link), "\(link) is linked but not written")
            let elements = try #require(Self.parse(data), "\(link) does not parse")
            #expect(elements.first?.name == "feed", "\(link) is an Atom feed")
            #expect(elements.contains { $0.name == "entry" }, "\(link) has entries")
        }
        // The site feed: whole articles with their pictures and tags.
        let siteData = try #require(FileManager.default.contents(atPath: output.path + "/atom.xml"))
        let site = try #require(Self.parse(siteData))
        #expect(site.contains { $0.name == "content" })
        #expect(site.contains { $0.name == "link" && $0.attributes["rel"] == "enclosure" && $0.attributes["type"] == "image/png" })
        #expect(site.contains { $0.name == "media:content" && $0.attributes["medium"] == "image" })
        #expect(site.contains { $0.name == "category" && $0.attributes["term"] == "Haldenau" })
        // A tag's feed: teasers only.
        let tagData = try #require(FileManager.default.contents(atPath: output.path + "/tags/haldenau/atom.xml"))
        let tag = try #require(Self.parse(tagData))
        #expect(!tag.contains { $0.name == "content" } && tag.contains { $0.name == "summary" })
    }
}
