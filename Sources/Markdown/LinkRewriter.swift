import CCmarkGFM

/// Rewrites page-relative link and image URLs of a parsed document against
/// the page's URL, and lists every link that points inside the site.
struct LinkRewriter {
    let resolver: PageURLResolver
    /// The Markdown source, to turn cmark's byte columns into character columns.
    let source: String

    /// Rewrites the URLs of the links and images met in `walk` (see `CmarkNode.walk()`);
    /// returns the internal links in document order.
    func rewrite(_ walk: [CmarkNode.Step]) -> [Link] {
        var links: [Link] = []
        for (event, node) in walk where event == CMARK_EVENT_ENTER {
            let kind: Link.Kind
            switch node.type {
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_IMAGE: kind = .image
            default: continue
            }
            guard let original = node.url else { continue }
            var resolved = original
            switch PageURLResolver.classify(original) {
            case .external, .empty:
                continue
            case .siteAbsolute:
                break
            case .pageRelative:
                resolved = resolver.resolve(original)
                node.url = resolved
            }
            let (line, byteColumn) = Self.position(of: node)
            links.append(Link(kind: kind, original: original, resolved: resolved, line: line, column: byteColumn))
        }
        guard !links.isEmpty else { return links }
        let columns = SourceLines(source).characterColumns(links.map { ($0.line, $0.column) })
        for (index, column) in zip(links.indices, columns) {
            links[index].column = column
        }
        return links
    }

    /// Line and byte column where the link's (or image's) opening bracket is.
    private static func position(of node: CmarkNode) -> (line: Int, byteColumn: Int) {
        // cmark dates a link whose text spans lines at its closing bracket's
        // line (the column is the opening bracket's); its text starts earlier.
        var line = node.startLine
        if let textLine = node.firstChild?.startLine, textLine > 0, textLine < line {
            line = textLine
        }
        return (line, node.startColumn)
    }
}
