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

    @Test func postIDsMatchLinksAndThreads() {
        let matcher = ThreadMatcher(targets: [
            ImportTarget(url: "/politik/kasachstan/", commentsFile: "a", postIDs: ["12"]),
            ImportTarget(url: "/kultur/theater/", commentsFile: "b", postIDs: ["13", "7"]),
        ])
        #expect(matcher.match(ExportThread(key: "t", link: "https://alt.example/?p=13")) == 1)
        #expect(matcher.match(ExportThread(key: "t", link: "https://alt.example/index.php?cat=2&p=7#c")) == 1)
        #expect(matcher.match(ExportThread(key: "t", link: "https://alt.example/?page_id=13")) == nil)
        #expect(matcher.match(ExportThread(key: "t", link: "https://alt.example/x/", postID: "12")) == 0)
        #expect(ThreadMatcher.postID(inLink: "/?p=99") == "99")
        #expect(ThreadMatcher.postID(inLink: "/?p=abc") == nil)
    }

    @Test func unmatchedThreadsGetAHint() {
        #expect(matcher.hint(for: ExportThread(key: "t", link: "https://x.example/2010/kasachstn/")) == "perhaps /politik/kasachstan/")
        #expect(matcher.hint(for: ExportThread(key: "t", link: "https://x.example/notiz/"))
            == "several articles have the slug 'notiz': /kolumnen/a/notiz/, /kolumnen/b/notiz/")
        #expect(matcher.hint(for: ExportThread(key: "t", link: "https://x.example/etwas-ganz-anderes/")) == nil)
        #expect(ThreadMatcher.editDistance("theater", "theatre", limit: 2) == 2)
        #expect(ThreadMatcher.editDistance("theater", "theatre", limit: 1) == nil)
        #expect(ThreadMatcher.editDistance("", "ab", limit: 2) == 2)
    }

    @Test func normalizedPaths() {
        #expect(ThreadMatcher.normalizedPath("https://a.example") == "/")
        #expect(ThreadMatcher.normalizedPath("https://a.example//x//y/./index.php?q") == "/x/y/")
    }
}
