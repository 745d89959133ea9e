import Foundation
import Testing

/// `magbuild import-comments` through the executable, then `magbuild build` of the result.
@Suite struct ImportCommentsTests {
    static let imports = E2E.packageRoot.appendingPathComponent("Tests/Fixtures/imports")

    /// The comments fixture site with the repository's comment partials and script.
    func site() throws -> URL {
        let site = try E2E.copyFixture("comments-site")
        for file in ["templates/partials/comments.html", "templates/partials/comment.html", "static/js/comments.js"] {
            let target = site.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: E2E.packageRoot.appendingPathComponent(file), to: target)
        }
        return site
    }

    func importComments(_ flag: String, _ fixture: String, into site: URL, _ extra: [String] = []) throws -> E2E.Run {
        try E2E.run(["import-comments", flag, Self.imports.appendingPathComponent(fixture).path, "--source", site.path] + extra)
    }

    func build(_ site: URL) throws -> E2E.Run {
        try E2E.run(["build", "--source", site.path])
    }

    /// The comment section of a built page, ids of comments replaced by `#`.
    func section(_ site: URL, _ page: String) -> String {
        let html = E2E.read(site, "public/" + page) ?? ""
        guard let start = html.range(of: "<section id=\"kommentare\""), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return "" }
        let text = String(html[start.lowerBound..<end.upperBound])
        return text.replacingOccurrences(of: #"(c-|mehr-)[0-9]+"#, with: "$1#", options: .regularExpression)
    }

    @Test func importThenBuildShowsTheWholeAnatomy() throws {
        let site = try site()
        let run = try importComments("--wordpress", "wordpress.xml", into: site)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.suffix(3).first == "threads that match no article:")
        #expect(lines.suffix(2).first == "  https://magazin.example/2019/geloescht/  (2 comments)")
        #expect(lines.last?.hasPrefix("imported 18 comments (14 approved, 1 pending, 1 spam, 2 trash) into 3 articles") == true)

        let built = try build(site)
        #expect(built.status == 0, "\(built.stderr)")
        let page = section(site, "politik/kasachstan/index.html")
        #expect(page.contains("10 Kommentare"))
        #expect(page.contains(#"<div class="comment-order" hidden></div>"#))
        #expect(page.contains(#"<ol class="comment-threads">"#))
        #expect(page.contains(#"<li class="comment-thread" data-date="2022-06-23T10:12:00+02:00" data-rating="14">"#))
        #expect(page.contains(/<script src="\/js\/comments\.[0-9a-f]{10}\.js" defer><\/script>/))
        #expect(page.contains("Antwort an Kettenglied Vier"), "flattened deep replies keep their label")
        #expect(page.contains("Antwort an Petra Pending"), "a reply to an unpublished comment is labelled")
        #expect(!page.contains("Wartet auf Freigabe") && !page.contains("Kaufen!") && !page.contains("Im Papierkorb"))
        #expect(!page.contains("verlinkt"), "pingbacks are not imported")
        #expect(!page.contains("<script>") && !page.contains("onerror=") && !page.contains("javascript:"))
        #expect(page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"))
        #expect(E2E.read(site, "public/js/comments.js") != nil)
        let script = try #require(page.firstMatch(of: /js\/comments\.[0-9a-f]{10}\.js/))
        #expect(E2E.read(site, "public/" + script.output) == E2E.read(site, "public/js/comments.js"))

        let closed = section(site, "wirtschaft/inflation/index.html")
        #expect(closed.contains("Die Kommentare zu diesem Artikel sind geschlossen."))
        #expect(closed.contains("Butter ist teuer geworden.") && closed.contains("Ein von Hand gepflegter Kommentar."))
        #expect(section(site, "politik/stumm/index.html").isEmpty, "comments: off")
        #expect(E2E.read(site, "public/politik/stumm/index.html")?.contains("comments.js") == false)
    }

    @Test func reimportIsIdempotentAndDryRunWritesNothing() throws {
        let site = try site()
        let before = E2E.snapshot(site.appendingPathComponent("content"))
        let dry = try importComments("--disqus", "disqus.xml", into: site, ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("(would change)"))
        #expect(E2E.snapshot(site.appendingPathComponent("content")) == before)

        #expect(try importComments("--disqus", "disqus.xml", into: site).status == 0)
        let first = E2E.snapshot(site.appendingPathComponent("content"))
        let again = try importComments("--disqus", "disqus.xml", into: site)
        #expect(again.status == 0)
        #expect(E2E.snapshot(site.appendingPathComponent("content")) == first)
        #expect(again.stdout.contains("0 files changed"))
    }

    @Test func noEmailOrAddressReachesContentOrOutput() throws {
        let site = try site()
        #expect(try importComments("--wordpress", "wordpress.xml", into: site).status == 0)
        #expect(try importComments("--disqus", "disqus.xml", into: site).status == 0)
        #expect(try build(site).status == 0)
        for (path, data) in E2E.snapshot(site) where !path.hasPrefix("templates") {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["@leser.example", "@boese.example", "203.0.113", "198.51.100", "192.0.2."] {
                #expect(!text.contains(secret), "\(secret) in \(path)")
            }
        }
    }

    @Test func wordPressAndDisqusExportsOfOneDiscussionPublishTheSameThreads() throws {
        let fromWordPress = try site(), fromDisqus = try site()
        #expect(try importComments("--wordpress", "same-wordpress.xml", into: fromWordPress).status == 0)
        #expect(try importComments("--disqus", "same-disqus.xml", into: fromDisqus).status == 0)
        #expect(try build(fromWordPress).status == 0)
        #expect(try build(fromDisqus).status == 0)
        let a = section(fromWordPress, "politik/kasachstan/index.html")
        let b = section(fromDisqus, "politik/kasachstan/index.html")
        #expect(a.contains("6 Kommentare"))
        #expect(a.contains("Antwort an Petra Pending"))
        #expect(a == b)
    }

    @Test func usageErrors() throws {
        let site = try site()
        let neither = try E2E.run(["import-comments", "--source", site.path])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("exactly one of --wordpress FILE, --disqus FILE, --isso FILE and --remark42 FILE"))
        let missing = try E2E.run(["import-comments", "--disqus", "/nonexistent/export.xml", "--source", site.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/export.xml: error: cannot read the export"))
        let wrong = try importComments("--disqus", "wordpress.xml", into: site)
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("wordpress.xml:1:1: error: not a Disqus export"))
    }

    @Test func queryAliasesMatchImportsButMakeNoPage() throws {
        let site = try site()
        let article = site.appendingPathComponent("content/kultur/theater.md")
        let text = try String(contentsOf: article, encoding: .utf8).replacingOccurrences(of: "wordpress_id: 13", with: "aliases: [\"/?p=77\"]")
        try text.write(to: article, atomically: true, encoding: .utf8)
        let export = site.appendingPathComponent("export.xml")
        try """
            <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><link>https://alt.example/?p=77</link>
            <wp:post_id>5</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id>
            <wp:comment_date_gmt>2022-06-23 08:00:00</wp:comment_date_gmt><wp:comment_content>Über die alte Nummer.</wp:comment_content>
            </wp:comment></item></channel></rss>
            """.write(to: export, atomically: true, encoding: .utf8)
        let run = try E2E.run(["import-comments", "--wordpress", export.path, "--source", site.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(E2E.read(site, "content/kultur/theater.comments.json")?.contains("Über die alte Nummer.") == true)
        #expect(try build(site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public/?p=77").path))
    }
}
