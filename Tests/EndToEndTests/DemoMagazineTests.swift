import Foundation
import Testing

/// Builds the repository's own demo magazine, as `make build` does, and checks the result as a whole.
@Suite struct DemoMagazineTests {
    @Test func demoMagazineBuildsCleanWithEveryInternalLinkResolving() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-demo-\(UUID().uuidString)")
        let run = try E2E.run(["build", "--source", E2E.packageRoot.path, "--output", output.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty, "the demo magazine builds without warnings: \(run.stderr)")

        let files = E2E.snapshot(output)
        #expect(files["index.html"] != nil)
        #expect(files["atom.xml"] != nil)
        #expect(files["sitemap.xml"] != nil)

        // Every published article of content/ has its page.
        let content = E2E.packageRoot.appendingPathComponent("content")
        var articles = 0
        for case let path as String in FileManager.default.enumerator(atPath: content.path) ?? FileManager.DirectoryEnumerator() {
            guard path.hasSuffix(".md"), !path.hasSuffix("_index.md") else { continue }
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            if text.contains("\ndraft: true") { continue }
            let page = path.hasSuffix("/index.md") ? String(path.dropLast("index.md".count)) : String(path.dropLast(3)) + "/"
            if text.contains("\nslug:") { continue }
            #expect(files[page + "index.html"] != nil, "no page for content/\(path)")
            articles += 1
        }
        #expect(articles >= 10)

        // Every root-relative link and image in every page leads to a file of the output.
        var broken: [String] = []
        let pattern = try NSRegularExpression(pattern: ##"(?:href|src)="(/[^"#?]*)"##)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let target = String(html[range])
                if target.hasPrefix("//") { continue }
                var file = String(target.dropFirst())
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                if files[file.removingPercentEncoding ?? file] == nil { broken.append("\(path) → \(target)") }
            }
        }
        #expect(broken.isEmpty, "broken internal links:\n\(broken.sorted().joined(separator: "\n"))")

        // The plain pages are linked from every page's footer; the notice's Netiquette link works.
        let home = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        for page in ["impressum", "datenschutz", "netiquette"] {
            #expect(home.contains(#"<a href="/\#(page)/">"#), "the footer links /\(page)/")
            #expect(files[page + "/index.html"] != nil)
        }
        let article = String(decoding: files["politik/tempo-30-haldenau/index.html"] ?? Data(), as: UTF8.self)
        #expect(article.contains(#"<a href="/netiquette/">Netiquette</a>"#), "the comment notice links the Netiquette")
        // An editor's kicker replaces the section label, on the article and on its cards.
        #expect(article.contains(#"<p class="kicker">Ein Jahr Tempo 30</p>"#))
        #expect(home.contains("Ein Jahr Tempo 30") || String(decoding: files["politik/index.html"] ?? Data(), as: UTF8.self)
            .contains(#"<p class="kicker">Ein Jahr Tempo 30</p>"#))

        // "Meistdiskutiert" on the home page; comment counts on the cards link to the comments.
        #expect(home.contains(#"<h2 id="most-discussed-title" class="section-heading">Meistdiskutiert</h2>"#))
        #expect(home.contains(#"class="card__comments" href="/politik/buergerrat-klima/#kommentare">5 Kommentare</a>"#))

        // No local path of the machine that built the site ends up in the output.
        for (path, data) in files where !String(decoding: data, as: UTF8.self).isEmpty {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(output.path) && !text.contains(E2E.packageRoot.path), "\(path) contains a local path")
        }
    }

    @Test func articlePagesCarrySharingTagsAndNewsArticleData() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-demo-\(UUID().uuidString)")
        #expect(try E2E.run(["build", "--source", E2E.packageRoot.path, "--output", output.path]).status == 0)
        let html = try #require(E2E.read(output, "wissen/stadtbaeume-hitze/index.html"))
        #expect(html.contains(#"<html lang="de">"#))
        #expect(html.contains(#"<link rel="canonical" href="https://magazin.example/wissen/stadtbaeume-hitze/">"#))
        #expect(html.contains(#"<meta property="og:image" content="https://magazin.example/wissen/stadtbaeume-hitze/lead-social-1200w.png">"#))
        #expect(html.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        #expect(html.contains(#"width="1200" height="675""#), "lead image size read from the PNG")

        // Every JSON-LD block parses: the breadcrumb trail and the article.
        var blocks: [[String: Any]] = []
        for part in html.components(separatedBy: #"<script type="application/ld+json">"#).dropFirst() {
            let text = try #require(part.components(separatedBy: "</script>").first)
            blocks.append(try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
        }
        #expect(blocks.map { $0["@type"] as? String } == ["BreadcrumbList", "NewsArticle"])
        let crumbs = (blocks.first?["itemListElement"] as? [[String: Any]]) ?? []
        #expect(crumbs.map { $0["name"] as? String } == ["Startseite", "Wissen", "Wie Stadtbäume die Hitze brechen – und warum sie selbst leiden"])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(crumbs.first?["item"] as? String == "https://magazin.example/")
        #expect(crumbs.dropFirst().first?["item"] as? String == "https://magazin.example/wissen/")
        #expect(html.contains(#"<nav class="breadcrumb" aria-label="Brotkrümelnavigation">"#))
        let json = try #require(blocks.last)
        #expect(json["@type"] as? String == "NewsArticle")
        #expect(json["headline"] as? String == "Wie Stadtbäume die Hitze brechen – und warum sie selbst leiden")
        #expect(json["datePublished"] as? String == "2026-07-21T06:00:00+02:00")
        #expect(json["dateModified"] != nil)
        #expect((json["image"] as? [String])?.first == "https://magazin.example/wissen/stadtbaeume-hitze/lead-social-1200w.png")
        #expect(((json["author"] as? [[String: Any]])?.first?["name"] as? String) == "Selin Aydın")
        #expect(((json["publisher"] as? [String: Any])?["name"] as? String) == "Das Beispiel-Magazin")
    }

    @Test func iconsAndTheManifestAreLinkedAndPublished() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try E2E.run(["build", "--source", E2E.packageRoot.path, "--output", output.path]).status == 0)
        let html = try #require(E2E.read(output, "impressum/index.html"))
        for link in [#"<link rel="icon" href="/favicon.ico" sizes="32x32">"#, #"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#,
                     #"<link rel="apple-touch-icon" href="/apple-touch-icon.png">"#, #"<link rel="manifest" href="/manifest.webmanifest">"#,
                     ##"<meta name="theme-color" content="#a3142a">"##] {
            #expect(html.contains(link), "missing \(link)")
        }
        let ico = try #require(FileManager.default.contents(atPath: output.path + "/favicon.ico"))
        #expect(ico.prefix(4) == Data([0, 0, 1, 0]), "an ICO file")
        let manifest = try #require(FileManager.default.contents(atPath: output.path + "/manifest.webmanifest"))
        let json = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        #expect(json["name"] as? String == "Das Beispiel-Magazin")
        #expect(json["lang"] as? String == "de" && json["theme_color"] as? String == "#a3142a")
        let icons = (json["icons"] as? [[String: Any]])?.compactMap { $0["src"] as? String } ?? []
        #expect(icons == ["/favicon.svg", "/icon-192.png", "/apple-touch-icon.png"])
        for icon in icons { #expect(FileManager.default.fileExists(atPath: output.path + icon), "\(icon) is listed but not published") }
    }
}
