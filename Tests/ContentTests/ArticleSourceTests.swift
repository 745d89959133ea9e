import Content
import Foundation
import Testing

/// An article is a value: copies share their fields until one of them changes.
@Suite struct ArticleSourceTests {
    private let original = ArticleSource(
        file: "content/politik/wahl/index.md", contentPath: "politik/wahl", section: "politik", url: "/politik/wahl/",
        bundleDirectory: "content/politik/wahl", resources: ["karte.pdf"], commentsFile: nil,
        frontMatter: FrontMatter(title: "Wahl in Haldenau", teaser: "Der Stadtrat", date: Date(timeIntervalSince1970: 0), authors: ["A"]),
        body: "Text", bodyLine: 7)

    @Test func changingACopyLeavesTheOriginalAsItWas() {
        var copy = original
        copy.body = ""
        copy.frontMatter.title = "Neu"
        copy.resources.append("plan.pdf")
        copy.bodyLine = 9
        #expect(original.body == "Text" && original.frontMatter.title == "Wahl in Haldenau")
        #expect(original.resources == ["karte.pdf"] && original.bodyLine == 7)
        #expect(copy.body == "" && copy.frontMatter.title == "Neu" && copy.resources == ["karte.pdf", "plan.pdf"] && copy.bodyLine == 9)
        #expect(copy != original)
    }

    @Test func everyFieldCountsForEqualityAndHashing() {
        let changes: [(inout ArticleSource) -> Void] = [
            { $0.file = "content/politik/wahl2/index.md" }, { $0.contentPath = "politik/wahl2" }, { $0.section = "kultur" },
            { $0.url = "/kultur/wahl/" }, { $0.bundleDirectory = nil }, { $0.resources = [] },
            { $0.commentsFile = "content/politik/wahl/comments.json" }, { $0.frontMatter.draft = true }, { $0.body = "Anders" },
            { $0.bodyLine = 8 },
        ]
        for (number, change) in changes.enumerated() {
            var changed = original
            change(&changed)
            #expect(changed != original, "change \(number)")
            #expect(Set([changed, original]).count == 2, "change \(number)")
        }
        var same = original
        same.body = "Text"  // a value equal to the one it had
        #expect(same == original && same.hashValue == original.hashValue)
    }

    @Test func withoutItsBodyAnArticleKeepsEverythingElse() {
        let stripped = original.withoutBody
        var expected = original
        expected.body = ""
        #expect(stripped == expected && original.body == "Text")
        #expect(stripped.withoutBody == stripped)
    }
}
