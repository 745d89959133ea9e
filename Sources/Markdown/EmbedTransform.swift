import Basics
import CCmarkGFM
import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the embeds of an article's parsed Markdown (see ``BodyEmbed``), puts a placeholder
/// block where each goes, and after rendering takes the placeholders out of the HTML again,
/// keeping their offsets. The page fills each place with the embed's theme partial.
///
/// The placeholder is an HTML comment with a counter chosen so that the editor's own text
/// cannot contain it: `<!--magbuild-embed0:3-->` unless the source has `magbuild-embed0:`.
struct EmbedTransform {
    private let source: String
    /// Made for the first embed or uncredited image: most bodies have neither.
    private var madePositions: LinkPositions?
    private var marker = ""
    private(set) var embeds: [(embed: BodyEmbed, line: Int, column: Int)] = []
    private(set) var problems: [MarkdownProblem] = []
    /// Each image's URL as written, before link rewriting (by node, while the nodes live).
    private var originals: [OpaquePointer: String] = [:]

    init(source: String) {
        self.source = source
    }

    /// Whether the editor placed a teaser or slot: then automatic placement leaves the article alone.
    var placedByEditor: Bool {
        embeds.contains { if case .figure = $0.embed { false } else { true } }
    }

    private mutating func positions() -> LinkPositions {
        if let madePositions { return madePositions }
        let made = LinkPositions(source: source)
        madePositions = made
        return made
    }

    // MARK: Directives: `> [!teaser] politik/wahl`

    /// Replaces each top-level `> [!kind] argument` quote with its placeholder; a malformed
    /// or misplaced one is a problem and stays a quote. (Table cells hold no quotes: a
    /// `> [!…]` in a table is text of the cell.)
    mutating func replaceDirectives(in document: CmarkNode) {
        var found: [CmarkNode] = []
        for (event, node) in document.walk() where event == CMARK_EVENT_ENTER && node.type == CMARK_NODE_BLOCK_QUOTE {
            if let text = node.firstChild?.firstChild, text.type == CMARK_NODE_TEXT, text.literal.hasPrefix("[!") {
                found.append(node)
            }
        }
        // Each quote is freed whole; none of them holds another (a nested one does not start its parent).
        for quote in found {
            guard let paragraph = quote.firstChild, let text = paragraph.firstChild else { continue }
            let (line, column) = positions().source.position(line: paragraph.startLine, byteColumn: paragraph.startColumn)
            // Kind and argument as written: smart punctuation must not turn `--` in a path into a dash.
            guard let (rawKind, argument) = Self.directive(in: positions().source.text.line(paragraph.startLine) ?? "")
                ?? Self.directive(in: text.literal)
            else {
                problem(line, column, "an embed needs its kind in brackets, like '> [!teaser] politik/wahl'")
                continue
            }
            let kind = rawKind.lowercased(), written = "[!\(rawKind)]"
            guard BodyEmbed.directiveKinds.contains(kind) else {
                let hint = Suggestion.closest(to: kind, in: BodyEmbed.directiveKinds).map { "did you mean '[!\($0)]'?" }
                    ?? "embeds are '> [!teaser] content/path' and '> [!slot] name'; a quote cannot start with '[!'"
                problem(line, column, "unknown embed '\(written)'", hint: hint)
                continue
            }
            let example = kind == "teaser" ? "> [!teaser] politik/wahl" : "> [!slot] newsletter"
            guard quote.parent?.type == CMARK_NODE_DOCUMENT else {
                problem(line, column, "'\(written)' must stand on its own, not inside a list or quote",
                        hint: "start the line with '>' at the left margin, after an empty line")
                continue
            }
            let target = kind == "teaser" ? argument.trimmingSlashes : argument
            guard paragraph.next == nil, text.next == nil, !target.isEmpty, !argument.contains(where: \.isWhitespace) else {
                let what = kind == "teaser" ? "one article's content path" : "one slot name"
                problem(line, column, "'\(written)' needs \(what) on the same line and nothing else", hint: "e.g. '\(example)'")
                continue
            }
            replace(quote, with: kind == "teaser" ? .teaser(target) : .slot(target), line: line, column: column)
        }
    }

    /// The kind and the argument of `[!kind] argument` in a line (after any `>` markers).
    private static func directive(in line: String) -> (kind: String, argument: String)? {
        guard let open = line.range(of: "[!"), let close = line[open.upperBound...].firstIndex(of: "]") else { return nil }
        return (String(line[open.upperBound..<close]), String(line[line.index(after: close)...]).trimmedOfWhitespace)
    }

    // MARK: Figures: `![Alt](bild.jpg "Foto: Name")` and a caption line

    /// Remembers the images' URLs as written (call before link rewriting changes them).
    mutating func noteImageURLs(_ walk: [CmarkNode.Step]) {
        for (event, node) in walk where event == CMARK_EVENT_ENTER && node.type == CMARK_NODE_IMAGE {
            originals[node.pointer] = node.url
        }
    }

    /// A picture that becomes a figure, read before any node is freed.
    private struct FigureCandidate {
        let paragraph: CmarkNode
        let image: CmarkNode
        let lineBreak: CmarkNode?
        let figure: BodyFigure
        let line: Int
        let column: Int
    }

    /// Checks every image for a credit and turns each top-level paragraph that starts with an
    /// image on a line of its own into a figure. Runs after link rewriting: figures keep the
    /// URLs as the page prints them (`src` escaped as cmark escapes an `<img>`'s).
    /// `walk` is the walk over the whole document that link rewriting used (no node has been freed since).
    mutating func replaceFigures(in walk: [CmarkNode.Step], options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?, safe: Bool) {
        var candidates: [FigureCandidate] = []
        for (event, image) in walk where event == CMARK_EVENT_ENTER && image.type == CMARK_NODE_IMAGE {
            let credit = image.title.trimmedOfWhitespace
            let url = image.url ?? "", written = originals[image.pointer] ?? url
            if credit.isEmpty {
                let (line, column) = positions().position(of: image)
                problem(line, column, "the image '\(written)' has no credit",
                        hint: "photo credits are required: write it in quotes after the file name, e.g. ![Description](\(written) \"Foto: Name\")")
                continue
            }
            guard let paragraph = image.parent, paragraph.type == CMARK_NODE_PARAGRAPH,
                paragraph.parent?.type == CMARK_NODE_DOCUMENT, image.previous == nil
            else { continue }
            let after = image.next
            guard after == nil || after?.type == CMARK_NODE_SOFTBREAK || after?.type == CMARK_NODE_LINEBREAK else { continue }
            let (line, column) = positions().position(of: image)
            let src = safe && Self.isDangerous(url) ? "" : Self.escapedHref(url)
            candidates.append(FigureCandidate(
                paragraph: paragraph, image: image, lineBreak: after,
                figure: BodyFigure(src: src, original: written, alt: image.plainText, caption: "", credit: credit),
                line: line, column: column))
        }
        originals = [:]
        // Each candidate has its own paragraph: freeing one frees no other candidate's nodes.
        for candidate in candidates {
            cmark_node_unlink(candidate.image.pointer)
            cmark_node_free(candidate.image.pointer)
            if let lineBreak = candidate.lineBreak {
                cmark_node_unlink(lineBreak.pointer)
                cmark_node_free(lineBreak.pointer)
            }
            var figure = candidate.figure
            if candidate.paragraph.firstChild != nil {
                let html = CmarkLibrary.takeString(cmark_render_html(candidate.paragraph.pointer, options, extensions))
                    .trimmedOfWhitespace
                if html.hasPrefix("<p>"), html.hasSuffix("</p>") {
                    figure.caption = MarkdownRenderer.lazyImages(String(html.dropFirst(3).dropLast(4)).trimmedOfWhitespace)
                }
            }
            replace(candidate.paragraph, with: .figure(figure), line: candidate.line, column: candidate.column)
        }
    }

    /// A URL as cmark writes it into `src`: bytes outside the URL-safe set percent-encoded,
    /// `%` kept (the template escapes `&` and quotes).
    static func escapedHref(_ url: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*'(),%#@?=;:/$~&".utf8)
        var out = ""
        for byte in url.utf8 {
            if safe.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// cmark's rule for URLs it drops without raw HTML: scripts, files and data other than pictures.
    static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("data:") {
            return !["image/png", "image/gif", "image/jpeg", "image/webp"].contains { lowered.dropFirst(5).hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { lowered.hasPrefix($0) }
    }

    // MARK: Automatic placement

    /// Places automatic rule `index` after top-level paragraph `afters[index]` (1-based) when a
    /// paragraph follows it: never inside a list, quote or table, never after the last paragraph.
    mutating func placeAutomatically(in document: CmarkNode, afters: [Int]) {
        var paragraphs: [CmarkNode] = []
        var child = document.firstChild
        while let node = child {
            if node.type == CMARK_NODE_PARAGRAPH { paragraphs.append(node) }
            child = node.next
        }
        var lastPlaced: [Int: CmarkNode] = [:]
        for (rule, after) in afters.enumerated() where after >= 1 && after < paragraphs.count {
            let anchor = lastPlaced[after] ?? paragraphs[after - 1]
            let placeholder = self.placeholder(for: .automatic(rule), line: 0, column: 0)
            cmark_node_insert_after(anchor.pointer, placeholder.pointer)
            lastPlaced[after] = placeholder
        }
    }

    // MARK: Placeholders

    /// The rendered HTML without placeholders, and each embed with its offset in it.
    ///
    /// The placeholders are found in the bytes and the HTML between them is joined from slices
    /// of the string: a `String` made from the bytes would have them checked again (0.09 s of
    /// CPU in a build from scratch at N=10,000, `perf`). Every cut lies between characters: a
    /// placeholder is ASCII, and only the placeholders made here have the marker, which the
    /// source does not contain.
    func extract(from html: String) -> (html: String, embeds: [PlacedEmbed]) {
        guard !embeds.isEmpty else { return (html, []) }
        var html = html
        let needle = Array(marker.utf8)
        // The byte ranges to keep, and the embeds with their offsets in what is kept.
        let (kept, placed) = html.withUTF8 { bytes -> ([Range<Int>], [PlacedEmbed]) in
            var kept: [Range<Int>] = [], placed: [PlacedEmbed] = []
            var index = 0, length = 0
            // The HTML runs between placeholders, which memmem finds.
            while let start = Self.find(needle, in: bytes, from: index) {
                kept.append(index..<start)
                length += start - index
                var cursor = start + needle.count, number = 0
                while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                cursor = min(cursor + 3, bytes.count)  // "-->"
                if cursor < bytes.count, bytes[cursor] == 0x0A { cursor += 1 }
                if number < embeds.count {
                    let (embed, line, column) = embeds[number]
                    placed.append(PlacedEmbed(embed: embed, offset: length, line: line, column: column))
                }
                index = cursor
            }
            kept.append(index..<bytes.count)
            return (kept, placed)
        }
        let utf8 = html.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var out = ""
        out.reserveCapacity(kept.reduce(0) { $0 + $1.count })
        for range in kept { out += html[index(range.lowerBound)..<index(range.upperBound)] }
        return (out, placed)
    }

    /// The offset of the first `needle` in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var index = from
        // memchr for the first byte, memcmp for the rest (glibc's memmem is not in Swift's Glibc module).
        while index + needle.count <= bytes.count, let hit = memchr(base + index, Int32(first), bytes.count - index - needle.count + 1) {
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.withUnsafeBytes({ $0.baseAddress.map { memcmp(base + index, $0, needle.count) } }) == 0 { return index }
            index += 1
        }
        return nil
    }

    private mutating func replace(_ node: CmarkNode, with embed: BodyEmbed, line: Int, column: Int) {
        let placeholder = self.placeholder(for: embed, line: line, column: column)
        cmark_node_insert_before(node.pointer, placeholder.pointer)
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }

    /// A new custom block whose HTML is the placeholder of the next embed.
    private mutating func placeholder(for embed: BodyEmbed, line: Int, column: Int) -> CmarkNode {
        if marker.isEmpty {
            var counter = 0
            var text = source
            while text.withUTF8({ Self.find(Array("magbuild-embed\(counter):".utf8), in: $0, from: 0) }) != nil { counter += 1 }
            marker = "<!--magbuild-embed\(counter):"
        }
        // cmark_node_new fails only when memory runs out, which cmark's allocator does not survive.
        let node = CmarkNode(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!)
        _ = cmark_node_set_on_enter(node.pointer, marker + "\(embeds.count)-->")
        embeds.append((embed, line, column))
        return node
    }

    private mutating func problem(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
        problems.append(MarkdownProblem(line: line, column: column, message: message, hint: hint))
    }
}

extension String {
    fileprivate var trimmingSlashes: String {
        var text = Substring(self)
        while text.hasPrefix("/") { text = text.dropFirst() }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
