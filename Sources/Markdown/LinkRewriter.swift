import CCmarkGFM

/// Rewrites page-relative link and image URLs of a parsed document against
/// the page's URL, and lists every link that points inside the site.
struct LinkRewriter {
    let resolver: PageURLResolver
    let source: SourceLines

    /// Rewrites the URLs in the tree under `document`; returns the internal links in document order.
    func rewrite(_ document: CmarkNode) -> [Link] {
        var links: [Link] = []
        for (event, node) in document.walk() where event == CMARK_EVENT_ENTER {
            let kind: Link.Kind
            switch node.type {
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_IMAGE: kind = .image
            default: continue
            }
            guard let original = node.url else { continue }
            switch PageURLResolver.classify(original) {
            case .external, .empty:
                continue
            case .siteAbsolute:
                links.append(link(kind, original, original, at: node))
            case .pageRelative:
                let resolved = resolver.resolve(original)
                node.url = resolved
                links.append(link(kind, original, resolved, at: node))
            }
        }
        return links
    }

    private func link(_ kind: Link.Kind, _ original: String, _ resolved: String, at node: CmarkNode) -> Link {
        // cmark dates a link whose text spans lines at its closing bracket's
        // line (the column is the opening bracket's); its text starts earlier.
        var line = node.startLine
        if let textLine = node.firstChild?.startLine, textLine > 0, textLine < line {
            line = textLine
        }
        let column = source.characterColumn(line: line, byteColumn: node.startColumn)
        return Link(kind: kind, original: original, resolved: resolved, line: line, column: column)
    }
}
