import CCmarkGFM

/// Rewrites page-relative link and image URLs of a parsed document against
/// the page's URL, puts the site's root path in front of links into the site,
/// and lists every link that points inside the site (by site path, without the root path).
struct LinkRewriter {
    let resolver: PageURLResolver
    /// `/magazin` for a site under a path of its host, else empty.
    let rootPath: String
    /// The Markdown source, to locate the links in.
    let source: String

    /// Rewrites the URLs of the links and images met in `walk` (see `CmarkNode.walk()`);
    /// returns the internal links in document order.
    func rewrite(_ walk: [CmarkNode.Step]) -> [Link] {
        var links: [Link] = []
        var positions: LinkPositions?  // made for the first link: most pages have none or few
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
            if !rootPath.isEmpty, resolved.hasPrefix("/") {
                node.url = rootPath + resolved
            }
            let located = positions ?? LinkPositions(source: source)
            positions = located
            let (line, column) = located.position(of: node)
            links.append(Link(kind: kind, original: original, resolved: resolved, line: line, column: column))
        }
        return links
    }
}

/// Where links are in the Markdown source: cmark's positions, repaired and in scalar columns.
struct LinkPositions {
    let source: SourcePositions
    let tables: TableSplitPositions

    init(source: String) {
        self.source = SourcePositions(source)
        tables = TableSplitPositions(positions: self.source)
    }

    /// 1-based line and column (in Unicode scalars) of the link's (or image's) opening bracket.
    func position(of node: CmarkNode) -> (line: Int, column: Int) {
        // cmark dates a link whose text spans lines at its closing bracket's
        // line (the column is the opening bracket's); its text starts earlier.
        var line = node.startLine
        if let textLine = node.firstChild?.startLine, textLine > 0, textLine < line {
            line = textLine
        }
        var byteColumn = node.startColumn
        if let repaired = tables.position(of: node, byteColumn: byteColumn) {
            (line, byteColumn) = repaired
        }
        return source.position(line: line, byteColumn: byteColumn)
    }
}
