import Testing
@testable import Markdown

/// Links above a table and in its header row, when the header row is the last line of a
/// paragraph: cmark-gfm's table extension loses their positions (found by fuzzing:
/// `Fuzz/Corpus/FuzzMarkdown/regression-link-above-table`, a link reported at line 0).
@Suite struct TableLinkPositionTests {
    private func positions(_ markdown: String) -> [String] {
        MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/politik/foo/")).internalLinks
            .map { "\($0.original)@\($0.line):\($0.column)" }
    }

    @Test func theFuzzersReproducer() {
        #expect(positions("[](c)\n.\n|-") == ["c@1:1"])
    }

    @Test func linksAboveTheHeaderRowAndInIt() {
        let markdown = """
            Einleitung mit [a](/a/) und
            weiter [b](/b/) Text
            [c](/c/)
            Spalte | [h](/h/)
            --|--
            [d](/d/) | e
            """
        #expect(positions(markdown) == ["/a/@1:16", "/b/@2:8", "/c/@3:1", "/h/@4:10", "/d/@6:1"])
    }

    @Test func inBlockQuotesAndListItems() {
        let markdown = """
            Text

            > Intro [q](/q/) text
            > see [a](/x/) and
            >   [b](/y/)
            > H | [c](/z/)
            > --|--

            - Punkt

              [e](/e/) x \\| y [f](/f/)
              [h](/h/) | i
              --|--
            """
        #expect(positions(markdown) == [
            "/q/@3:9", "/x/@4:7", "/y/@5:5", "/z/@6:7", "/e/@11:3", "/f/@11:19", "/h/@12:3",
        ])
    }

    @Test func withCRLFAndLoneCRLineEndings() {
        #expect(positions("Ü [a](/a/)\r\n[b](/b/)\rH | [h](/h/)\r\n--|--\r\n") == ["/a/@1:3", "/b/@2:1", "/h/@3:5"])
    }

    @Test func aLinkWhoseTextSpansLinesAboveATable() {
        #expect(positions("x [ein\nLink](/l/)\nH | I\n--|--") == ["/l/@1:3"])
    }

    @Test func columnsAfterNULBytesCountTheNUL() {
        // cmark reads NUL as U+FFFD (three bytes); the column is still the source's.
        #expect(positions("a\u{0}\u{0} [x](/x/)") == ["/x/@1:5"])
    }

    @Test func columnsCountUnicodeScalars() {
        // `e` and a combining accent are one character, two columns.
        #expect(positions("e\u{301} [x](/x/)") == ["/x/@1:4"])
    }
}
