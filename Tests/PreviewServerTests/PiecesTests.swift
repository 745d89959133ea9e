import Diagnostics
import Foundation
import Testing

@testable import PreviewServer

/// The small parts: types, tags, injection, the overlay's escaping, events, changed files.
@Suite struct PiecesTests {
    @Test func mediaTypes() {
        #expect(MediaType.contentType(forPath: "a/index.html") == "text/html; charset=utf-8")
        #expect(MediaType.contentType(forPath: "STYLE.CSS") == "text/css; charset=utf-8")
        #expect(MediaType.contentType(forPath: "atom.xml") == "application/xml; charset=utf-8")
        #expect(MediaType.contentType(forPath: "logo.svg") == "image/svg+xml; charset=utf-8")
        #expect(MediaType.contentType(forPath: "a.b/lead.JPG") == "image/jpeg")
        #expect(MediaType.contentType(forPath: "fonts/x.woff2") == "font/woff2")
        #expect(MediaType.contentType(forPath: "Makefile") == "application/octet-stream")
    }

    @Test func entityTagsFollowTheContent() {
        let a = EntityTag.of(Data("a".utf8)), b = EntityTag.of(Data("b".utf8))
        #expect(a == EntityTag.of(Data("a".utf8)))
        #expect(a != b)
        #expect(EntityTag.matches(ifNoneMatch: "*", tag: a))
        #expect(!EntityTag.matches(ifNoneMatch: nil, tag: a))
        #expect(!EntityTag.matches(ifNoneMatch: b, tag: a))
    }

    @Test func injectsBeforeTheLastBodyCloseOrAppends() {
        let html = Data("<body><p>&lt;/body&gt;</p></body>\n</html>".utf8)
        let out = String(decoding: LiveReloadScript.inject(into: html, page: "x/index.html", generation: 3, overlay: "<div>o</div>"), as: UTF8.self)
        #expect(out.hasPrefix("<body><p>&lt;/body&gt;</p><div>o</div><script>"))
        #expect(out.hasSuffix("</script></body>\n</html>"))
        #expect(out.contains("generation = 3"))
        let bare = String(decoding: LiveReloadScript.inject(into: Data("<p>x</p>".utf8), page: "a.html", generation: 1, overlay: nil), as: UTF8.self)
        #expect(bare.hasPrefix("<p>x</p><script>"))
        #expect(bare.hasSuffix("</script>"))
    }

    @Test func pagePathsCannotCloseTheScript() {
        let script = LiveReloadScript.element(page: "a/</script><img src=x onerror=alert(1)>\"\\.html", generation: 1)
        #expect(script.components(separatedBy: "</script>").count == 2)
        #expect(!script.contains("<img"))
    }

    @Test func overlayEscapesEverythingFromTheSources() {
        var diagnostic = Diagnostic.error(
            at: SourceLocation(file: "content/<b>x</b>/index.md", line: 3, column: 8), "unknown key '<script>alert(1)</script>'")
        diagnostic.sourceLine = "title: \"<img src=x onerror=alert(1)>\" & more"
        diagnostic.notes = ["<i>note</i>"]
        let html = ErrorOverlay.html(for: BuildFailure(diagnostics: [diagnostic]))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<i>"))
        #expect(html.contains("content/&lt;b&gt;x&lt;/b&gt;/index.md:3:8: error: unknown key &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
        #expect(html.contains("title: &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; more\n           ^"))
        #expect(html.contains("1 error"))
    }

    @Test func buildFailureKeepsTheErrorsOfADiagnosticList() {
        let list = DiagnosticList([
            .warning(at: SourceLocation(file: "b.md"), "w"),
            .error(at: SourceLocation(file: "b.md", line: 2), "second"),
            .error(at: SourceLocation(file: "a.md", line: 9), "first"),
        ])
        #expect(BuildFailure(error: list).diagnostics.map(\.message) == ["first", "second"])
        struct Plain: Error {}
        #expect(BuildFailure(error: Plain()).diagnostics.count == 1)
    }

    @Test func buildEventsListChangedFilesAsURLPaths() throws {
        let css = BuildEvent(generation: 4, ok: true, changedSitePaths: ["css/style.css"])
        #expect(css.changed == ["/css/style.css"])
        #expect(!css.reloadAll)
        #expect(css.frame == "event: build\ndata: {\"changed\":[\"/css/style.css\"],\"generation\":4,\"ok\":true,\"reloadAll\":false}\n\n")
        #expect(BuildEvent(generation: 1, ok: true, changedSitePaths: ["a/lead.jpg"]).reloadAll)
        let many = (0...BuildEvent.listLimit).map { "p\($0)/index.html" }
        let big = BuildEvent(generation: 1, ok: true, changedSitePaths: many)
        #expect(big.reloadAll && big.changed.isEmpty)
        #expect(BuildEvent.hello(generation: 2) == "event: hello\ndata: {\"generation\":2}\n\n")
    }

    @Test func snapshotDiffs() {
        let old = SiteSnapshot(files: ["a": Data("1".utf8), "b": Data("2".utf8), "c": Data("3".utf8)])
        let new = SiteSnapshot(files: ["a": Data("1".utf8), "b": Data("x".utf8), "d": Data("4".utf8)])
        #expect(new.changedPaths(since: old) == ["b", "c", "d"])
        #expect(new.changedPaths(since: nil) == ["a", "b", "d"])
    }

    @Test func watchedPaths() {
        #expect(ChangeSet.isWatched("site.yml"))
        #expect(ChangeSet.isWatched("content/politik/a/index.md"))
        #expect(ChangeSet.isWatched("static/css/style.css"))
        #expect(!ChangeSet.isWatched("public/index.html"))
        #expect(!ChangeSet.isWatched("content/politik/a/.index.md.swp"))
        #expect(!ChangeSet.isWatched("content/politik/a/index.md~"))
        #expect(!ChangeSet.isWatched("templates/4913"))
        let set = ChangeSet(paths: ["site.yml", "content/a.md", "templates/base.html", "static/x.css"])
        #expect(set.touchesConfig && set.content == ["content/a.md"] && set.templates == ["templates/base.html"])
    }

    @Test func previewURLs() {
        let site = URL(fileURLWithPath: "/tmp")
        #expect(PreviewConfiguration(source: site).url(port: 8000) == "http://127.0.0.1:8000/")
        #expect(PreviewConfiguration(source: site, host: "0.0.0.0").url(port: 1) == "http://localhost:1/")
        #expect(PreviewConfiguration(source: site, host: "::1").url(port: 2) == "http://[::1]:2/")
    }
}
