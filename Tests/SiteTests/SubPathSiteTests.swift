import Foundation
import Testing
@testable import Site

/// A site under a path of its host (`https://verlag.example/magazin/`) and its fingerprinted assets.
@Suite struct SubPathSiteTests {
    private func build(baseURL: String? = nil) throws -> [String: Data] {
        let options = BuildOptions(
            source: SiteBuilderTests.fixture, baseURL: baseURL, jobs: 2, now: Date(timeIntervalSince1970: 1_750_000_000))
        let memory = MemoryOutput()
        _ = try SiteBuilder(options: options).build(into: memory)
        return memory.files
    }

    /// Every `href` and `src` of every page.
    private func links(in files: [String: Data]) -> [(page: String, link: String)] {
        let pattern = /(?:href|src)="([^"]*)"/
        var found: [(String, String)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            for match in String(decoding: data, as: UTF8.self).matches(of: pattern) { found.append((path, String(match.1))) }
        }
        return found
    }

    @Test func everyLinkIntoTheSiteStartsWithItsPathAndFindsAFile() throws {
        let files = try build(baseURL: "https://verlag.example/magazin/")
        let local = links(in: files).filter { $0.link.hasPrefix("/") || $0.link.hasPrefix("https://verlag.example") }
        #expect(local.count > 30)
        for (page, link) in local {
            let path = link.replacingOccurrences(of: "https://verlag.example", with: "")
            #expect(path.hasPrefix("/magazin/"), "\(page): \(link)")
            var file = String(path.dropFirst("/magazin/".count).prefix { $0 != "#" && $0 != "?" })
            if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
            #expect(files[file] != nil, "\(page): \(link) finds no file")
        }
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        #expect(sitemap.contains("<loc>https://verlag.example/magazin/politik/erste-meldung/</loc>"))
        #expect(!sitemap.contains("<loc>https://verlag.example/politik/"))
    }

    @Test func stylesheetsArePublishedUnderAFingerprintedNameToo() throws {
        let files = try build()
        let fingerprinted = files.keys.filter { $0.wholeMatch(of: /css\/style\.[0-9a-f]{10}\.css/) != nil }
        #expect(fingerprinted.count == 1)
        let name = try #require(fingerprinted.first)
        #expect(files[name] == files["css/style.css"])
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(page.contains(#"<link rel="stylesheet" href="/\#(name)">"#))
    }

    @Test func theFingerprintFollowsTheContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: SiteBuilderTests.fixture, to: folder)
        let css = folder.appendingPathComponent("static/css/style.css")
        let before = Fingerprints.of(site: folder)
        try Data("body { color: teal; }\n".utf8).write(to: css)
        let after = Fingerprints.of(site: folder)
        #expect(before.keys.sorted() == ["/css/style.css"])
        #expect(before["/css/style.css"] != after["/css/style.css"])
        try Data("body { color: teal; }\n".utf8).write(to: folder.appendingPathComponent("static/css/copy.css"))
        // The same content, the same fingerprint.
        #expect(Fingerprints.of(site: folder)["/css/copy.css"]?.split(separator: ".")[1]
            == after["/css/style.css"]?.split(separator: ".")[1])
    }
}
