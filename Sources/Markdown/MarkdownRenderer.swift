import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders GitHub Flavored Markdown with cmark-gfm: tables, strikethrough,
/// autolinks, task lists, footnotes, tag filter and smart punctuation, plus
/// heading ids, page-relative URL rewriting and the document's plain text.
public enum MarkdownRenderer {
    /// Renders `markdown` to HTML. Safe to call from many threads at once.
    public static func render(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> RenderedMarkdown {
        let flags = CmarkLibrary.options(allowRawHTML: options.allowRawHTML)
        let extensions = CmarkLibrary.extensions
        // SOURCEPOS makes the inline parser track lines for link positions; the
        // renderer does not get it (it would print data-sourcepos attributes).
        guard let parser = cmark_parser_new(flags | CMARK_OPT_SOURCEPOS) else { return RenderedMarkdown(html: "") }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in extensions {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = CmarkLibrary.finish(parser) else { return RenderedMarkdown(html: "") }
        defer { cmark_node_free(root) }
        let document = CmarkNode(root)
        cmark_consolidate_text_nodes(root)
        // The parser owns the extension list: render before `cmark_parser_free`.
        let parserExtensions = cmark_parser_get_syntax_extensions(parser)

        // Directives and pictures are looked for only in bodies that can have them: most have neither.
        var embeds = EmbedTransform(source: markdown)
        let (directives, pictures) = options.embeds ? embedMarks(in: &source) : (false, false)
        if directives { embeds.replaceDirectives(in: document) }
        let walk = document.walk()
        let text = DocumentText(of: walk, collectingText: options.plainText)
        if pictures { embeds.noteImageURLs(walk) }
        let rewriter = LinkRewriter(
            resolver: PageURLResolver(pageURL: options.pageURL), rootPath: options.rootPath, source: markdown)
        let links = rewriter.rewrite(walk)
        if pictures { embeds.replaceFigures(in: walk, options: flags, extensions: parserExtensions, safe: !options.allowRawHTML) }
        if options.embeds, !embeds.placedByEditor { embeds.placeAutomatically(in: document, afters: options.automaticEmbeds) }
        let headings = HeadingAnchors(options: flags, extensions: parserExtensions).apply(to: text.headings)
        let html = lazyImages(CmarkLibrary.takeString(cmark_render_html(root, flags, parserExtensions)))
        let extracted = embeds.extract(from: html)
        var rendered = RenderedMarkdown(
            html: extracted.html,
            headings: headings,
            internalLinks: links,
            firstParagraph: text.firstParagraph,
            wordCount: text.wordCount,
            embeds: extracted.embeds,
            problems: embeds.problems
        )
        rendered.plainText = text.plain
        return rendered
    }

    /// Whether the text has a `[!` (a directive may start there) and a `![` (a picture), found
    /// with memchr over the rare `!`.
    static func embedMarks(in text: inout String) -> (directive: Bool, picture: Bool) {
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return (false, false) }
            var directive = false, picture = false, index = 0
            while index < bytes.count, !(directive && picture),
                let found = memchr(base + index, Int32(UInt8(ascii: "!")), bytes.count - index)
            {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index > 0, bytes[index - 1] == UInt8(ascii: "[") { directive = true }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") { picture = true }
                index += 1
            }
            return (directive, picture)
        }
    }

    /// Pictures in a body sit below the lead image: the browser loads them when they come near.
    static func lazyImages(_ html: String) -> String {
        var html = html
        let lazy: String? = html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            let needle = Array("<img src=\"".utf8)
            var out: [UInt8] = []
            var index = 0, copied = 0
            while index + needle.count <= bytes.count,
                let found = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index)
            {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard index + needle.count <= bytes.count,
                    UnsafeBufferPointer(rebasing: bytes[index..<index + needle.count]).elementsEqual(needle)
                else {
                    index += 1
                    continue
                }
                if out.isEmpty { out.reserveCapacity(bytes.count + 512) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                out.append(contentsOf: "<img loading=\"lazy\" src=\"".utf8)
                index += needle.count
                copied = index
            }
            if copied == 0 { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
        return lazy ?? html
    }
}
