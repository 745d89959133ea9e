import PropertyBased
import Testing
@testable import Markdown

/// Rendering random Markdown gives the same result every time (README, "Building": output is
/// byte-identical for identical input), and raw HTML stays out unless allowed.
@Suite struct MarkdownProperties {
    @Test func renderingIsDeterministic() async {
        await propertyCheck(count: 200, input: RandomMarkdown.document) { markdown in
            let options = MarkdownOptions(pageURL: "/politik/artikel/")
            let first = MarkdownRenderer.render(markdown, options: options)
            let second = MarkdownRenderer.render(markdown, options: options)
            #expect(first == second, "\(markdown.debugDescription)")
            #expect(Array(first.html.utf8) == Array(second.html.utf8))
        }
    }

    /// Without `allowRawHTML`, a `<script>` written in the Markdown never reaches the HTML as a tag.
    @Test func scriptTagsNeverPassThrough() async {
        await propertyCheck(count: 200, input: RandomMarkdown.document) { markdown in
            let html = MarkdownRenderer.render(markdown, options: MarkdownOptions(pageURL: "/a/", allowRawHTML: false)).html
            #expect(!html.lowercased().contains("<script"), "\(markdown.debugDescription)")
        }
    }

    /// Heading ids are unique, and the same as a plain search from `-1` upwards would give.
    @Test func headingIDsAreUniqueAndFirstFree() async {
        let texts = Gen<String?>.element(of: ["x", "X", "x 1", "x-2", "x 1 1", "y", "Über", "ueber", "", "section"])
        await propertyCheck(count: 300, input: texts.map { $0 ?? "" }.array(of: 0...30)) { headings in
            var slugger = HeadingSlugger()
            let ids = headings.map { slugger.uniqueSlug($0) }
            #expect(Set(ids).count == ids.count)
            var used: Set<String> = []
            let expected = headings.map { text in
                let base = HeadingSlugger.slug(text)
                var candidate = base, suffix = 0
                while used.contains(candidate) {
                    suffix += 1
                    candidate = "\(base)-\(suffix)"
                }
                used.insert(candidate)
                return candidate
            }
            #expect(ids == expected, "\(headings)")
        }
    }
}

/// Random Markdown built from block and inline syntax pieces and random scalars.
enum RandomMarkdown {
    static let pieces: [String] = [
        "\n", "\n\n", "# ", "## ", "### ", "> ", ">", "- ", "* ", "1. ", "   ", "    ", "\t", "```\n", "~~~", "`",
        "*", "**", "_", "~~", "[", "]", "(", ")", "![", "](", "](../x/)", "](https://x.example/a)", "](#anker)",
        "[^1]", "[^1]: Fußnote\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "- [ ] ", "- [x] ", "---\n", "***",
        "<script>alert(1)</script>", "<div>", "</div>", "<!-- c -->", "&amp;", "&", "<", "\\", "https://x.example",
        "www.x.example", "mail@x.example", "\"", "'", "Wort", "Über", "ß", "😀", "e\u{0301}", "\u{0}", "\r\n",
    ]
    static let piece = Gen<String?>.element(of: pieces).map { $0 ?? "" }
    static let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { value in
        Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }
    static let document = Gen.frequency((6, piece), (1, scalar)).array(of: 0...60).map { $0.joined() }
}
