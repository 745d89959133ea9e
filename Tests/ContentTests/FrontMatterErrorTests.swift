import Diagnostics
import Foundation
import Testing
@testable import Content

@Suite struct FrontMatterErrorTests {
    func messages(_ text: String) -> [String] {
        parse(text).diagnostics.map(\.description)
    }

    @Test func badDateIsReportedAtItsLineAndColumn() {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-13-45\nauthors: [A]\n---\n")
        #expect(output.frontMatter == nil)
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:4:7: error: 'date' is not a date: \"2022-13-45\" (use YYYY-MM-DD or 2022-06-22T10:15:00+02:00)",
        ])
        #expect(output.diagnostics.first?.sourceLine == "date: 2022-13-45")
    }

    @Test func missingRequiredKeysAreErrorsAtTheOpeningLine() {
        #expect(messages("---\ndraft: true\n---\n") == [
            "content/politik/foo/index.md:1:1: error: missing required key 'title'",
            "content/politik/foo/index.md:1:1: error: missing required key 'teaser'",
            "content/politik/foo/index.md:1:1: error: missing required key 'date'",
            "content/politik/foo/index.md:1:1: error: missing required key 'authors' (or 'author: Name' for a single author)",
        ])
    }

    @Test func emptyFrontMatterMissesEverything() {
        #expect(messages("---\n---\nText").count == 4)
    }

    @Test func emptyRequiredValues() {
        #expect(messages("---\ntitle: \"\"\nteaser:\ndate: ''\nauthors: []\n---\n") == [
            "content/politik/foo/index.md:2:8: error: 'title' must not be empty",
            "content/politik/foo/index.md:3:8: error: 'teaser' must not be empty",
            "content/politik/foo/index.md:4:7: error: 'date' is not a date: \"\" (use YYYY-MM-DD or 2022-06-22T10:15:00+02:00)",
            "content/politik/foo/index.md:5:10: error: 'authors' must name at least one author",
        ])
    }

    @Test func wrongTypes() {
        #expect(messages("---\ntitle: [a, b]\nteaser: D\ndate: 2022-06-22\nauthors: {name: A}\nfeatured: maybe\ntags: [[x]]\n---\n") == [
            "content/politik/foo/index.md:2:8: error: 'title' must be text, not a list",
            "content/politik/foo/index.md:5:10: error: 'authors' must be a list like [a, b], not a mapping",
            "content/politik/foo/index.md:6:11: error: 'featured' must be true or false",
            "content/politik/foo/index.md:7:8: error: each entry of 'tags' must be text",
        ])
    }

    @Test func imageNeedsAltAndCredit() {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nimage:\n  src: lead.jpg\n  captoin: x\n---\n")
        #expect(output.frontMatter == nil)
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:6:1: error: 'image' needs 'alt' (describe what the picture shows, for readers who cannot see it)",
            "content/politik/foo/index.md:6:1: error: 'image' needs 'credit' (licensing demands a credit for every image)",
            "content/politik/foo/index.md:8:3: warning: unknown key 'image.captoin' (did you mean 'image.caption'?)",
        ])
        #expect(messages("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nimage: lead.jpg\n---\n") == [
            "content/politik/foo/index.md:6:8: error: 'image' must be a mapping of 'key: value' lines",
        ])
    }

    @Test func anImagesFocusIsTwoFractions() {
        let head = "---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nimage:\n  src: lead.jpg\n  alt: A\n  credit: C\n"
        let good = parse(head + "  focus: [0.8, 0.25]\n---\n")
        #expect(good.frontMatter?.image?.focus == LeadImage.Focus(x: 0.8, y: 0.25))
        #expect(parse(head + "---\n").frontMatter?.image?.focus == nil)
        let hint = " (the point crops keep in view, from the top left corner: [0.5, 0.3] is the middle, a third from the top)"
        for bad in ["[1.5, 0.5]", "[0.5]", "mitte", "[a, b]", "[0.1, 0.2, 0.3]"] {
            #expect(messages(head + "  focus: \(bad)\n---\n") == [
                "content/politik/foo/index.md:10:10: error: 'image.focus' must be two fractions from 0 to 1, [x, y]" + hint,
            ], "\(bad)")
        }
    }

    @Test func unknownKeysAreWarningsNamingTheClosestKey() throws {
        let output = parse("---\ntitle: T\nteasr: D\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nfarbe: rot\n---\n")
        #expect(output.frontMatter != nil)
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:3:1: warning: unknown key 'teasr' (did you mean 'teaser'?)",
            "content/politik/foo/index.md:7:1: warning: unknown key 'farbe'",
        ])
        #expect(output.diagnostics.first?.sourceLine == "teasr: D")
    }

    @Test func yamlSyntaxErrorsAreOffsetToFileLines() throws {
        let output = parse("---\ntitle: T\nteaser: Ein Satz: mit Doppelpunkt\ndate: 2022-06-22\nauthors: [A]\n---\n")
        let diagnostic = try #require(output.diagnostics.first)
        #expect(output.diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: articleFile, line: 3, column: 17))
        #expect(diagnostic.message == "invalid YAML: mapping values are not allowed in this context")
        #expect(diagnostic.hint == "put the value in quotes if it contains ': '")
        #expect(diagnostic.sourceLine == "teaser: Ein Satz: mit Doppelpunkt")
    }

    @Test func unclosedFlowListIsASyntaxError() throws {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A\ntags: [x]\n---\n")
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("invalid YAML"))
        #expect((diagnostic.location?.line ?? 0) >= 5)
    }

    @Test func controlCharactersAreReaderErrorsAtTheirPosition() throws {
        let output = parse("---\ntitle: T\nteaser: ab\u{07}c\ndate: 2022-06-22\nauthors: [A]\n---\n")
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.message == "invalid YAML: control characters are not allowed")
        #expect(diagnostic.location == SourceLocation(file: articleFile, line: 3, column: 11))
    }

    @Test func tabIndentationIsASyntaxErrorOnItsLine() throws {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nimage:\n\tsrc: a.jpg\n---\n")
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("invalid YAML"))
        #expect(diagnostic.location?.line == 7)
    }

    @Test func duplicateKeys() {
        #expect(messages("---\ntitle: T\ntitle: U\nteaser: D\ndate: 2022-06-22\nauthors: [A]\n---\n") == [
            "content/politik/foo/index.md:2:1: error: duplicate key 'title' (each key may appear only once)",
        ])
    }

    @Test func missingAndUnclosedFrontMatter() {
        #expect(messages("# Nur Markdown\n") == [
            "content/politik/foo/index.md:1:1: error: missing front matter (start the file with a line '---', then title, teaser, date and authors, then '---')",
        ])
        #expect(messages("---\ntitle: T\n") == [
            "content/politik/foo/index.md:1:1: error: the front matter has no closing '---' line",
        ])
        #expect(messages("---\n- a\n- b\n---\n") == [
            "content/politik/foo/index.md:2:1: error: the front matter must be a mapping of 'key: value' lines",
        ])
    }

    @Test func badSlugCommentsAndAliases() {
        let base = "---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\n"
        #expect(messages(base + "slug: ../geheim\n---\n") == [
            "content/politik/foo/index.md:6:7: error: 'slug' must be one URL path segment, not \"../geheim\" (no '/', no '..', no spaces; e.g. 'geheim')",
        ])
        #expect(messages(base + "slug: a/b\n---\n").count == 1)
        #expect(messages(base + "slug: \"\"\n---\n") == [
            "content/politik/foo/index.md:6:7: error: 'slug' must not be empty",
        ])
        #expect(messages(base + "comments: offen\n---\n") == [
            "content/politik/foo/index.md:6:11: error: 'comments' must be one of open, closed, off, not \"offen\" (did you mean 'open'?)",
        ])
        #expect(messages(base + "aliases: [alt.html]\n---\n") == [
            "content/politik/foo/index.md:6:10: error: alias \"alt.html\" must be a path on this site (start with '/', no '..' segments; e.g. /old/url.html)",
        ])
        #expect(messages(base + "aliases: [/a/../../b]\n---\n").count == 1)
    }

    @Test func authorAndAuthorsTogether() {
        #expect(messages("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\nauthor: B\n---\n") == [
            "content/politik/foo/index.md:6:1: error: use either 'authors' or 'author', not both",
        ])
    }

    @Test func updatedBeforeDateIsAWarning() {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nupdated: 2022-06-01\nauthors: [A]\n---\n")
        #expect(output.frontMatter != nil)
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:5:10: warning: 'updated' is before 'date'",
        ])
    }

    @Test func allErrorsOfAnArticleAreCollected() {
        let output = parse("---\ntitle: T\ndate: gestern\nauthors: [A]\nupdated: morgen\nfeatured: 3\ncomment: off\n---\n")
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:1:1: error: missing required key 'teaser'",
            "content/politik/foo/index.md:3:7: error: 'date' is not a date: \"gestern\" (use YYYY-MM-DD or 2022-06-22T10:15:00+02:00)",
            "content/politik/foo/index.md:5:10: error: 'updated' is not a date: \"morgen\" (use YYYY-MM-DD or 2022-06-22T10:15:00+02:00)",
            "content/politik/foo/index.md:6:11: error: 'featured' must be true or false",
            "content/politik/foo/index.md:7:1: warning: unknown key 'comment' (did you mean 'comments'?)",
        ])
    }
}
