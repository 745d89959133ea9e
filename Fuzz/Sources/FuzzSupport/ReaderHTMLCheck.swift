/// Checks HTML made from reader text against what magbuild writes for it (`ReaderText`):
///
/// - tags are only `<p>`, `<br>`, `<blockquote>`, `<a href="…" rel="nofollow ugc noopener">`
///   and the matching end tags; every `<` begins one of them and every `>` ends one;
/// - `<p>` and `<blockquote>` sit at block level, `<a>` and `<br>` only inside `<p>`,
///   quotations nest at most `maxQuoteDepth` deep and every element is closed;
/// - a link's target is an http(s) URL (never `javascript:` or another scheme) and is also its text;
/// - every `&` starts `&amp;`, `&lt;`, `&gt;`, `&quot;` or `&#39;`, and no quote is left raw in text.
public enum ReaderHTMLCheck {
    static let linkStart = "<a href=\""
    static let linkRel = "\" rel=\"nofollow ugc noopener\">"
    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    /// The first problem found, or nil when `html` is what reader text may turn into.
    public static func problem(in html: String, maxQuoteDepth: Int) -> String? {
        // Scalars, not characters: `&gt;` followed by a combining mark is still `&gt;` to a browser.
        var rest = Substring(html).unicodeScalars
        var open: [String] = []
        var linkText: Substring.UnicodeScalarView?
        var linkTarget = Substring.UnicodeScalarView()
        while let first = rest.first {
            switch first {
            case "<":
                if rest.starts(with: "<p>".unicodeScalars) {
                    guard !open.contains("p") else { return "<p> inside <p>" }
                    open.append("p")
                    rest = rest.dropFirst(3)
                } else if rest.starts(with: "</p>".unicodeScalars) {
                    guard open.last == "p" else { return "</p> closes \(open.last ?? "nothing")" }
                    open.removeLast()
                    rest = rest.dropFirst(4)
                } else if rest.starts(with: "<br>".unicodeScalars) {
                    guard open.last == "p" else { return "<br> outside <p>" }
                    rest = rest.dropFirst(4)
                } else if rest.starts(with: "<blockquote>".unicodeScalars) {
                    guard !open.contains("p") else { return "<blockquote> inside <p>" }
                    open.append("blockquote")
                    guard open.count <= maxQuoteDepth else { return "quotations nested deeper than \(maxQuoteDepth)" }
                    rest = rest.dropFirst(12)
                } else if rest.starts(with: "</blockquote>".unicodeScalars) {
                    guard open.last == "blockquote" else { return "</blockquote> closes \(open.last ?? "nothing")" }
                    open.removeLast()
                    rest = rest.dropFirst(13)
                } else if rest.starts(with: linkStart.unicodeScalars) {
                    guard open.last == "p" else { return "<a> outside <p>" }
                    let afterStart = rest.dropFirst(linkStart.count)
                    guard let quote = afterStart.firstIndex(of: "\"") else { return "unterminated href" }
                    linkTarget = afterStart[..<quote]
                    let afterTarget = afterStart[quote...]
                    guard afterTarget.starts(with: linkRel.unicodeScalars) else { return "link without the reader-text rel" }
                    if let problem = targetProblem(linkTarget) { return problem }
                    open.append("a")
                    rest = afterTarget.dropFirst(linkRel.count)
                    linkText = rest
                } else if rest.starts(with: "</a>".unicodeScalars) {
                    guard open.last == "a", let text = linkText else { return "</a> closes \(open.last ?? "nothing")" }
                    guard text[..<rest.startIndex].elementsEqual(linkTarget) else { return "link text differs from its target" }
                    open.removeLast()
                    linkText = nil
                    rest = rest.dropFirst(4)
                } else {
                    return "a tag magbuild does not write: \(String(String.UnicodeScalarView(rest.prefix(40))).debugDescription)"
                }
            case ">", "\"", "'":
                return "raw \(first) in text"
            case "&":
                guard entities.contains(where: { rest.starts(with: $0.unicodeScalars) }) else {
                    return "unescaped & at \(String(String.UnicodeScalarView(rest.prefix(12))).debugDescription)"
                }
                rest = rest.dropFirst()
            case "\n":
                guard open.last != "a" else { return "line break inside a link" }
                rest = rest.dropFirst()
            default:
                guard open.last == "p" || open.last == "a" else { return "text outside a paragraph: \(String(String.UnicodeScalarView(rest.prefix(20))).debugDescription)" }
                rest = rest.dropFirst()
            }
        }
        return open.isEmpty ? nil : "unclosed \(open)"
    }

    /// Why a link target (still escaped) is not an http(s) URL, or nil.
    static func targetProblem(_ scalars: Substring.UnicodeScalarView) -> String? {
        let target = String(String.UnicodeScalarView(scalars))
        let lowered = target.lowercased()
        // Bytes, not characters: a combining mark after the slashes would glue onto them.
        guard lowered.utf8.starts(with: "http://".utf8) || lowered.utf8.starts(with: "https://".utf8) else {
            return "link target is not http(s): \(String(target.prefix(40)).debugDescription)"
        }
        guard !scalars.contains(where: { $0 == "<" || $0 == ">" || $0 == "'" || $0.properties.isWhitespace }) else {
            return "raw < > ' or whitespace in a link target"
        }
        return nil
    }
}
