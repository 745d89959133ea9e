/// Renders GitHub Flavored Markdown with cmark-gfm.
public enum MarkdownRenderer {
    /// Renders `markdown` to HTML. Safe to call from many threads at once.
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        // Placeholder until the cmark-gfm binding lands: escapes the text into one paragraph.
        var html = ""
        for c in markdown.unicodeScalars {
            switch c {
            case "<": html += "&lt;"
            case ">": html += "&gt;"
            case "&": html += "&amp;"
            default: html.unicodeScalars.append(c)
            }
        }
        return RenderedMarkdown(html: "<p>" + html + "</p>\n", firstParagraph: markdown)
    }
}
