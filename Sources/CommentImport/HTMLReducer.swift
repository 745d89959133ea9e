import Comments
import Foundation

/// Reduces the HTML of an exported comment to reader text (README, "Reader comments"), which the build
/// renders safely: paragraphs and `<div>`s become blank-line separated paragraphs, `<br>`
/// a line break, `<blockquote>` lines starting `> `, a link its URL (after its text when
/// that differs), character references are decoded, and every other tag is dropped with its
/// text kept, except `<script>`, `<style>` and the like, whose content is dropped too.
///
/// Only http(s) link targets survive; `javascript:` and other schemes keep just the link text.
/// One pass over the input; quotations nest at most `maxQuoteDepth` deep.
public enum HTMLReducer {
    static let maxQuoteDepth = 16

    /// Reader text for `html`.
    public static func readerText(fromHTML html: String) -> String {
        var reducer = Reduction(Array(html.unicodeScalars))
        return reducer.run()
    }

    /// A name or other single-line field: tags dropped, references decoded, whitespace collapsed.
    public static func singleLine(fromHTML html: String) -> String {
        readerText(fromHTML: html).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static let paragraphTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre", "hr",
        "section", "article", "header", "footer", "figure", "figcaption", "address", "aside", "center",
    ]
    static let lineTags: Set<String> = ["li", "tr", "dt", "dd", "caption"]
    /// Elements whose content is not text for readers.
    static let droppedContentTags: Set<String> = [
        "script", "style", "head", "title", "iframe", "object", "embed", "template", "noscript",
        "svg", "math", "textarea", "select", "video", "audio", "canvas",
    ]
}

/// The state of one reduction.
private struct Reduction {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// The root text and one builder per open quotation.
    var builders = [TextBuilder()]
    /// `<blockquote>` tags opened beyond the depth limit, whose closing tags are ignored too.
    var ignoredQuotes = 0
    /// The open link's target and the text seen inside it, when its target is kept.
    var link: (href: String, text: TextBuilder)?
    var tags: TagScanner

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        tags = TagScanner(scalars)
    }

    mutating func run() -> String {
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", readMarkup() { continue }
            if scalar == "&", let (decoded, next) = HTMLEntities.decode(in: scalars, at: index) {
                appendText(decoded)
                index = next
                continue
            }
            if scalar != "\r" { appendText(scalar) }
            index += 1
        }
        closeLink()
        while builders.count > 1 { closeQuote() }
        return builders[0].text
    }

    // MARK: - Text

    mutating func appendText(_ scalar: Unicode.Scalar) {
        if link != nil {
            link?.text.append(scalar == "\n" ? " " : scalar)
        } else {
            builders[builders.count - 1].append(scalar)
        }
    }

    mutating func appendText(_ string: String) {
        for scalar in string.unicodeScalars { appendText(scalar) }
    }

    mutating func requestBreak(_ level: Int) {
        if link != nil { link?.text.append(" ") } else { builders[builders.count - 1].requestBreak(level) }
    }

    // MARK: - Markup

    /// Handles the tag, comment or declaration at `index`; false when the `<` is just text.
    mutating func readMarkup() -> Bool {
        let next = index + 1
        guard next < scalars.count else { return false }
        if starts(with: "<!--", at: index) {
            index = find("-->", from: index + 4).map { $0 + 3 } ?? scalars.count
            return true
        }
        if scalars[next] == "!" || scalars[next] == "?" {
            guard let end = tags.greaterThan(from: next) else { return false }
            index = end + 1
            return true
        }
        let closing = scalars[next] == "/"
        let nameStart = closing ? next + 1 : next
        guard nameStart < scalars.count, isASCIILetter(scalars[nameStart]) else { return false }
        guard let tag = tags.scan(nameStart: nameStart) else { return false }
        index = tag.end
        if closing { close(tag.name) } else { open(tag) }
        return true
    }

    mutating func open(_ tag: TagScanner.Tag) {
        switch tag.name {
        case "br":
            if link != nil { link?.text.append(" ") } else { builders[builders.count - 1].lineBreak() }
        case "blockquote":
            closeLink()
            if builders.count > HTMLReducer.maxQuoteDepth {
                ignoredQuotes += 1
                requestBreak(2)
            } else {
                builders[builders.count - 1].requestBreak(2)
                builders.append(TextBuilder())
            }
        case "a":
            closeLink()
            if let href = tag.href.map(HTMLEntities.decode), let url = Self.safeURL(href) {
                link = (url, TextBuilder())
            }
        case "img":
            if let alt = tag.alt { appendText(" " + HTMLEntities.decode(alt) + " ") }
        case let name where HTMLReducer.droppedContentTags.contains(name):
            if !tag.selfClosing { skipContent(of: name) }
        case let name where HTMLReducer.paragraphTags.contains(name):
            requestBreak(2)
        case let name where HTMLReducer.lineTags.contains(name):
            requestBreak(1)
        default:
            break
        }
    }

    mutating func close(_ name: String) {
        switch name {
        case "a":
            closeLink()
        case "blockquote":
            closeLink()
            if ignoredQuotes > 0 {
                ignoredQuotes -= 1
                requestBreak(2)
            } else if builders.count > 1 {
                closeQuote()
            }
        case let name where HTMLReducer.paragraphTags.contains(name):
            requestBreak(2)
        case let name where HTMLReducer.lineTags.contains(name):
            requestBreak(1)
        default:
            break
        }
    }

    /// Writes the open link: its URL, after its text when the text says something else.
    mutating func closeLink() {
        guard let (href, builder) = link else { return }
        link = nil
        let text = builder.text
        let bare = href.drop { $0 != ":" }.dropFirst(3)
        if text.isEmpty || text == href || href.contains(text) || text.contains(href) || (!bare.isEmpty && text == String(bare)) {
            appendText(" " + href + " ")
        } else {
            appendText(text + " (" + href + ")")
        }
    }

    mutating func closeQuote() {
        guard builders.count > 1, let inner = builders.popLast()?.text else { return }
        let quoted = inner.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
        builders[builders.count - 1].appendBlock(inner.isEmpty ? "" : quoted)
    }

    /// Skips to after `</name>`, or to the end when it never closes.
    mutating func skipContent(of name: String) {
        var search = index
        while let start = find("</", from: search) {
            let nameStart = start + 2
            if let tag = tags.scan(nameStart: nameStart), tag.name == name {
                index = tag.end
                return
            }
            search = nameStart
        }
        index = scalars.count
    }

    /// The URL if it is an http(s) URL without spaces or quotes, else nil.
    static func safeURL(_ href: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" || $0.properties.isWhitespace })
        else { return nil }
        return trimmed
    }

    // MARK: - Scanning

    func starts(with literal: String, at position: Int) -> Bool {
        var offset = position
        for scalar in literal.unicodeScalars {
            guard offset < scalars.count, scalars[offset] == scalar else { return false }
            offset += 1
        }
        return true
    }

    func find(_ literal: String, from position: Int) -> Int? {
        guard let first = literal.unicodeScalars.first else { return nil }
        var offset = position
        while offset < scalars.count {
            if scalars[offset] == first, starts(with: literal, at: offset) { return offset }
            offset += 1
        }
        return nil
    }
}

func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
}
