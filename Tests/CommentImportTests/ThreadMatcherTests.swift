import Testing
@testable import CommentImport
@testable import Comments

@Suite struct ThreadMatcherTests {
    let matcher = ThreadMatcher(targets: [
        ImportTarget(url: "/politik/kasachstan/", commentsFile: "content/politik/kasachstan/comments.json"),
        ImportTarget(url: "/kultur/theater/", commentsFile: "content/kultur/theater.comments.json"),
        ImportTarget(url: "/kolumnen/a/notiz/", commentsFile: "content/kolumnen/a/notiz/comments.json"),
        ImportTarget(url: "/kolumnen/b/notiz/", commentsFile: "content/kolumnen/b/notiz/comments.json"),
        ImportTarget(url: "/kultur/über-öl/", commentsFile: "content/kultur/über-öl/comments.json"),
    ])

    @Test(arguments: [
        "https://magazin.example/politik/kasachstan/",
        "http://www.magazin.example/politik/kasachstan",
        "https://magazin.example/politik/kasachstan/?utm_source=x#disqus_thread",
        "//magazin.example/Politik/Kasachstan/index.html",
        "/politik/kasachstan",
        "https://alt.example/2022/06/22/kasachstan/",
    ])
    func linksMatchByPathThenSlug(_ link: String) {
        #expect(matcher.match(ExportThread(key: "t", link: link)) == 0)
    }

    @Test func slugFallbacks() {
        #expect(matcher.match(ExportThread(key: "t", link: "https://x.example/?p=13", slug: "theater")) == 1)
        #expect(matcher.match(ExportThread(key: "t", link: "https://x.example/2020/theater.html")) == 1)
        #expect(matcher.match(ExportThread(key: "t", link: "https://x.example/%C3%BCber-%C3%B6l/")) == 4)
        #expect(matcher.match(ExportThread(key: "t", slug: "%c3%bcber-%c3%b6l")) == 4)
    }

    @Test func ambiguousSlugsAndUnknownLinksDoNotMatch() {
        #expect(matcher.match(ExportThread(key: "t", link: "https://x.example/notiz/")) == nil)
        #expect(matcher.match(ExportThread(key: "t", link: "https://magazin.example/kolumnen/b/notiz/")) == 3)
        #expect(matcher.match(ExportThread(key: "t", link: "https://magazin.example/2019/geloescht/")) == nil)
        #expect(matcher.match(ExportThread(key: "t", link: "https://magazin.example/")) == nil)
        #expect(matcher.match(ExportThread(key: "t")) == nil)
    }

    @Test func normalizedPaths() {
        #expect(ThreadMatcher.normalizedPath("https://a.example") == "/")
        #expect(ThreadMatcher.normalizedPath("https://a.example//x//y/./index.php?q") == "/x/y/")
    }
}
