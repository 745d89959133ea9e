import Basics
import Content
import Diagnostics
import Markdown
import Search

extension PlainPage {
    /// The theme template plain pages are rendered with.
    static let template = "page.html"

    /// The pages of `pages/` with their Markdown rendered (links under the site's root path).
    static func render(_ sources: [PageSource], config: SiteConfig, jobs: Int) -> [PlainPage] {
        parallelMap(sources, jobs: jobs) { source in
            var options = MarkdownOptions(pageURL: source.url, rootPath: config.root.path)
            options.plainText = config.search.enabled
            let rendered = MarkdownRenderer.render(source.body, options: options)
            return PlainPage(
                source: source, html: rendered.html,
                searchTerms: config.search.enabled ? BodyTerms(utf8: rendered.plainText) : nil)
        }
    }

    /// An error at the first page when the site has pages but its theme no `page.html`.
    static func missingTemplate(_ sources: [PageSource], templates: Set<String>) -> [Diagnostic] {
        guard let first = sources.first, !templates.contains(template) else { return [] }
        return [.error(
            at: SourceLocation(file: first.file), "the theme has no templates/\(template) for the pages in pages/",
            hint: "add templates/\(template) (magbuild init writes one with the default theme)")]
    }
}
