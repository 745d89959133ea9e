import Basics
import Testing

@Suite struct SiteRootTests {
    @Test func aSiteUnderAPathLinksBelowIt() {
        let root = SiteRoot(baseURL: "https://verlag.example/magazin/")
        #expect(root.origin == "https://verlag.example")
        #expect(root.path == "/magazin")
        #expect(root.link("/politik/wahl/") == "/magazin/politik/wahl/")
        #expect(root.link("/") == "/magazin/")
    }

    @Test func aSiteAtTheRootLinksItsPathsAsTheyAre() {
        let root = SiteRoot(baseURL: "http://localhost:8080/")
        #expect(root.origin == "http://localhost:8080")
        #expect(root.path == "")
        #expect(root.link("/politik/") == "/politik/")
    }

    @Test func onlySitePathsGetTheRootPath() {
        let root = SiteRoot(baseURL: "https://verlag.example/a/b/")
        #expect(root.path == "/a/b")
        for url in ["https://x.example/", "//cdn.example/a.css", "#notes", "?q=1", "lead.jpg", ""] {
            #expect(root.link(url) == url)
        }
    }
}
