import Diagnostics
import FuzzSupport
import Markdown

// Markdown → HTML through magbuild's cmark-gfm wrapper.
// - Rendering is deterministic (heading ids, link rewriting and the teaser included).
// - Heading ids are unique, non-empty, and each is written into the HTML.
// - Without raw HTML no tag from the text survives; with it, the tag filter still neuters <script>.
// - Link positions are in the text, under magbuild's line rule (LocationCheck).
FuzzDriver.run { data in
    let markdown = FuzzInput.text(data)
    let lines = SourceText(markdown)
    for allowRawHTML in [true, false] {
        let options = MarkdownOptions(pageURL: "/politik/fuzz/", allowRawHTML: allowRawHTML)
        let first = MarkdownRenderer.render(markdown, options: options)
        let second = MarkdownRenderer.render(markdown, options: options)
        Invariant.require(first == second, "two renders differ (raw HTML \(allowRawHTML))")

        var ids = Set<String>()
        for heading in first.headings {
            Invariant.require(!heading.id.isEmpty, "empty heading id for \(heading.text.debugDescription)")
            Invariant.require(ids.insert(heading.id).inserted, "heading id \(heading.id) twice")
            Invariant.require(first.html.contains("id=\"\(heading.id)\""), "heading id \(heading.id) not in the HTML")
        }
        for link in first.internalLinks {
            LocationCheck.require(line: link.line, column: link.column, in: lines, "link \(link.original.debugDescription)")
        }
        let lowered = first.html.lowercased()
        Invariant.require(!lowered.contains("<script"), "a <script> tag in the output")
        if !allowRawHTML {
            Invariant.require(!lowered.contains("<iframe") && !lowered.contains("<style"), "raw HTML passed through")
        }
    }
}
