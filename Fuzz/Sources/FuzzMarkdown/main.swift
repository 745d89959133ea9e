import Diagnostics
import FuzzSupport
import Markdown

// Markdown → HTML through magbuild's cmark-gfm wrapper.
// - Rendering is deterministic (heading ids, link rewriting and the teaser included).
// - Heading ids are unique, non-empty, and each is written into the HTML.
// - Without raw HTML no tag from the text survives; with it, the tag filter still neuters <script>
//   (a tag whose name a browser reads as `script`: `<script"` names another element).
// - Link positions are in the text, under magbuild's line rule (LocationCheck).
// - With embeds: places ascend, lie between blocks of the HTML, leave no placeholder behind,
//   and problems are at positions in the text.
FuzzDriver.run { data in
    let markdown = FuzzInput.text(data)
    let lines = SourceText(markdown)
    for (allowRawHTML, embeds) in [(true, false), (false, false), (true, true), (false, true)] {
        let options = MarkdownOptions(
            pageURL: "/politik/fuzz/", allowRawHTML: allowRawHTML, embeds: embeds, automaticEmbeds: embeds ? [1, 2, 2] : [])
        let first = MarkdownRenderer.render(markdown, options: options)
        let second = MarkdownRenderer.render(markdown, options: options)
        Invariant.require(first == second, "two renders differ (raw HTML \(allowRawHTML), embeds \(embeds))")
        if embeds { checkEmbeds(first, markdown: markdown, lines: lines) }

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
        Invariant.require(!opensScriptElement(lowered), "a <script> tag in the output")
        if !allowRawHTML {
            Invariant.require(!lowered.contains("<iframe") && !lowered.contains("<style"), "raw HTML passed through")
        }
    }
}

/// The embeds' places and problems of a render with embeds on.
func checkEmbeds(_ rendered: RenderedMarkdown, markdown: String, lines: SourceText) {
    let html = Array(rendered.html.utf8)
    var previous = 0
    for placed in rendered.embeds {
        Invariant.require(placed.offset >= previous && placed.offset <= html.count, "embed place \(placed.offset) out of order or range")
        Invariant.require(placed.offset == 0 || html[placed.offset - 1] == 0x0A, "embed place \(placed.offset) inside a line of HTML")
        previous = placed.offset
        if placed.line > 0 { LocationCheck.require(line: placed.line, column: placed.column, in: lines, "embed \(placed.embed)") }
    }
    // (Heading ids may join text to `magbuild-embed…`; only the comment is a placeholder.)
    if !markdown.contains("magbuild-embed") {
        Invariant.require(!rendered.html.contains("<!--magbuild-embed"), "a placeholder left in the HTML")
    }
    for problem in rendered.problems {
        LocationCheck.require(line: problem.line, column: problem.column, in: lines, "problem \(problem.message)")
    }
}

/// Whether `html` (lowercased) has a tag a browser reads as a `script` element: `<script`
/// followed by whitespace, `/` or `>`, where the HTML tokenizer ends a tag name.
func opensScriptElement(_ html: String) -> Bool {
    let bytes = Array(html.utf8), tag = Array("<script".utf8)
    guard bytes.count >= tag.count else { return false }
    for start in 0...(bytes.count - tag.count) where bytes[start..<start + tag.count].elementsEqual(tag) {
        let end = start + tag.count
        if end == bytes.count || [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x2F, 0x3E].contains(bytes[end]) { return true }
    }
    return false
}
