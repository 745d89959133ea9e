import Testing
@testable import Markdown

@Suite struct InternalLinkTests {
    private func links(_ markdown: String) -> [Link] {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/politik/foo/")).internalLinks
    }

    @Test func listsInternalLinksWithPositions() {
        let found = links("""
            # Titel

            Erst [relativ](../bar/) und [absolut](/kultur/x/), dann
            [extern](https://example.com/) und ![Bild](lead.jpg).

            > Zitat mit [Anker](#fazit)
            """)
        #expect(found == [
            Link(kind: .link, original: "../bar/", resolved: "/politik/bar/", line: 3, column: 6),
            Link(kind: .link, original: "/kultur/x/", resolved: "/kultur/x/", line: 3, column: 29),
            Link(kind: .image, original: "lead.jpg", resolved: "/politik/foo/lead.jpg", line: 4, column: 36),
            Link(kind: .link, original: "#fazit", resolved: "#fazit", line: 6, column: 13),
        ])
    }

    @Test func linksIntoTheSiteStartWithItsRootPath() {
        let markdown = "[a](../bar/) [b](/kultur/x/) [c](#fazit) [d](https://x.example/) ![e](lead.jpg)\n"
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/politik/foo/", rootPath: "/magazin"))
        #expect(rendered.html.contains(#"<a href="/magazin/politik/bar/">a</a>"#))
        #expect(rendered.html.contains(#"<a href="/magazin/kultur/x/">b</a>"#))
        #expect(rendered.html.contains(##"<a href="#fazit">c</a>"##))
        #expect(rendered.html.contains(#"<a href="https://x.example/">d</a>"#))
        #expect(rendered.html.contains(#"src="/magazin/politik/foo/lead.jpg""#))
        // `magbuild check` looks the links up by site path.
        #expect(rendered.internalLinks.map(\.resolved) == ["/politik/bar/", "/kultur/x/", "#fazit", "/politik/foo/lead.jpg"])
    }

    @Test func externalAndAutolinksAreNotInternal() {
        #expect(links("www.example.org, https://x.example/, <mailto:a@b.example>, [t](tel:+4930)").isEmpty)
    }

    @Test func columnsCountCharactersNotBytes() {
        let found = links("Über Größe: [x](x/)")
        #expect(found.map(\.column) == [13])
    }

    @Test func linesAfterMultiLineInlinesAndCRLF() {
        let found = links("Eins `code\r\nüber zwei` Zeilen [a](a/)\r\nund [ein\r\nLink](b/)\r\n")
        #expect(found.map { [$0.line, $0.column] } == [[2, 19], [3, 5]])
    }

    @Test func linksInListsTablesAndFootnotes() {
        let found = links("""
            - Punkt [l](l/)

            | a | b |
            |---|---|
            | c | [t](t/) |

            Text[^1]

            [^1]: Quelle [q](q.pdf)
            """)
        #expect(found.map { "\($0.original)@\($0.line):\($0.column)" } == ["l/@1:9", "t/@5:7", "q.pdf@9:14"])
    }

    @Test func targetParts() {
        let link = Link(kind: .link, original: "../x/?a=1#b", resolved: "/p/x/?a=1#b", line: 1, column: 1)
        #expect(link.path == "/p/x/")
        #expect(link.fragment == "b")
        #expect(!link.isFragmentOnly)
        let anchor = Link(kind: .link, original: "#b", resolved: "#b", line: 1, column: 1)
        #expect(anchor.isFragmentOnly && anchor.path.isEmpty && anchor.fragment == "b")
    }
}
