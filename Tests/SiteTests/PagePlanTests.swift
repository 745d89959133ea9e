import Testing
@testable import Site

@Suite struct PagePlanTests {
    @Test func paginatesWithPageURLs() {
        let pages = PagePlan.paginate(Array(0..<5), base: "/politik/", perPage: 2)
        #expect(pages.map(\.url) == ["/politik/", "/politik/page/2/", "/politik/page/3/"])
        #expect(pages.map(\.items) == [[0, 1], [2, 3], [4]])
        #expect(pages[0].pagination.prev == nil)
        #expect(pages[0].pagination.next == "/politik/page/2/")
        #expect(pages[1].pagination.prev == "/politik/")
        #expect(pages[2].pagination.next == nil)
        #expect(pages.allSatisfy { $0.pagination.pages == 3 })
    }

    @Test func emptyListingStillHasOnePage() {
        let pages = PagePlan.paginate([], base: "/", perPage: 10)
        #expect(pages.count == 1)
        #expect(pages[0].items.isEmpty)
    }

    @Test func outputPathsOfPages() {
        #expect(PlannedPage(url: "/", kind: .notFound).outputPath == "index.html")
        #expect(PlannedPage(url: "/a/b/", kind: .notFound).outputPath == "a/b/index.html")
        #expect(PlannedPage(url: "/404.html", kind: .notFound).outputPath == "404.html")
    }
}
