import Testing
@testable import Markdown

/// Inputs far beyond any real article still render, in time linear in their size: cmark-gfm
/// parses and renders without recursion, and magbuild walks its tree with an iterator.
/// (No time is asserted; a regression to quadratic time or recursion shows as a hang or crash.)
@Suite struct MarkdownLimitTests {
    /// 10 MB of ordinary paragraphs, with a heading and a link every 2 KB.
    @Test func tenMegabyteDocument() {
        let paragraph = "Ein Absatz mit *Betonung* über Äpfel und Birnen, damit der Text lang genug wird. "
        let block = "## Abschnitt\n\n" + String(repeating: paragraph, count: 24)
            + "Mit einem [Link](../anderer-artikel/) und https://x.example/a.\n\n"
        let blocks = 10_000_000 / block.utf8.count + 1
        let markdown = String(repeating: block, count: blocks)
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/politik/a/"))
        #expect(markdown.utf8.count >= 10_000_000)
        #expect(rendered.headings.count == blocks)
        #expect(rendered.headings.last?.id == "abschnitt-\(blocks - 1)")
        #expect(rendered.internalLinks.count == blocks)
        #expect(rendered.html.utf8.count > markdown.utf8.count)
    }

    /// `> > > … x` with 10,000 markers: 10,000 nested quotations.
    @Test func tenThousandNestedQuotations() {
        let markdown = String(repeating: "> ", count: 10_000) + "tief unten"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html.components(separatedBy: "<blockquote>").count - 1 == 10_000)
        #expect(rendered.firstParagraph == "tief unten")
        #expect(rendered.wordCount == 2)
    }

    /// `- - - … x` with 10,000 markers: 10,000 nested lists.
    @Test func tenThousandNestedLists() {
        let markdown = String(repeating: "- ", count: 10_000) + "innen\n"
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html.components(separatedBy: "<ul>").count - 1 == 10_000)
        #expect(rendered.html.contains("innen"))
    }

    /// 10,000 nested list items written one per line, each indented two more spaces
    /// (the way an editor nests lists) would be 100 MB of spaces; 2,000 levels are 4 MB.
    @Test func deeplyIndentedListLines() {
        let markdown = (0..<2_000).map { String(repeating: " ", count: 2 * $0) + "- Punkt \($0)" }.joined(separator: "\n")
        let rendered = MarkdownRenderer.render(markdown)
        #expect(rendered.html.components(separatedBy: "<ul>").count - 1 == 2_000)
    }

    /// Pathological inline nesting: brackets, emphasis and links 10,000 deep.
    @Test func tenThousandNestedInlines() {
        let inputs = [
            String(repeating: "[", count: 10_000) + "x" + String(repeating: "]", count: 10_000),
            String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000),
            String(repeating: "[a](", count: 10_000) + "x" + String(repeating: ")", count: 10_000),
            String(repeating: "_a ", count: 10_000) + "x",
            String(repeating: "<", count: 10_000) + "x" + String(repeating: ">", count: 10_000),
            String(repeating: "`", count: 10_000) + "x",
            String(repeating: "![", count: 10_000) + "x" + String(repeating: "](y)", count: 10_000),
        ]
        for markdown in inputs {
            let rendered = MarkdownRenderer.render(markdown)
            #expect(rendered.html.contains("x"), "\(markdown.prefix(8))…")
        }
    }
}
