import PropertyBased
import Testing
@testable import Comments

/// Reader text is never HTML (README, "Reader comments"): whatever a reader types, the only markup in the
/// result is what `ReaderText` writes itself.
@Suite struct ReaderTextProperties {
    @Test func onlyItsOwnMarkupComesOut() async {
        await propertyCheck(count: 400, input: RandomReaderText.text) { text in
            let html = ReaderText.html(from: text)
            let scan = ReaderHTMLScan(html)
            #expect(scan.problems.isEmpty, "text: \(text.debugDescription)\nhtml: \(html.debugDescription)")
        }
    }

    /// Escaping and linking lose nothing: the letters and digits a reader wrote are the
    /// letters and digits of the text readers see.
    @Test func everyLetterAndDigitIsShownOnce() async {
        await propertyCheck(count: 400, input: RandomReaderText.text) { text in
            let scan = ReaderHTMLScan(ReaderText.html(from: text))
            #expect(Self.words(scan.text) == Self.words(text), "text: \(text.debugDescription)")
        }
    }

    @Test func renderingIsDeterministic() async {
        await propertyCheck(count: 200, input: RandomReaderText.text) { text in
            #expect(ReaderText.html(from: text) == ReaderText.html(from: text))
        }
    }

    private static func words(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

/// Reads the HTML `ReaderText` writes, recording anything it would never write:
/// a tag outside its set, a link that is not http(s), a stray `&`, `>`, `"` or `'`,
/// or tags that do not nest.
struct ReaderHTMLScan {
    /// The text between the tags, with character references resolved.
    private(set) var text = ""
    private(set) var problems: [String] = []

    private static let entities: [String: String] = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
    private static let plainTags: Set<String> = ["<p>", "</p>", "<br>", "<blockquote>", "</blockquote>", "</a>"]
    private static let linkPrefix = "<a href=\""
    private static let linkSuffix = "\" rel=\"nofollow ugc noopener\">"

    /// Scans scalar by scalar: a combining mark after `>` or `;` must not hide the delimiter.
    init(_ html: String) {
        var open: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        func context() -> String { String(String.UnicodeScalarView(scalars[index..<min(index + 20, scalars.count)])) }
        func hasPrefix(_ prefix: String) -> Bool {
            scalars[index...].starts(with: prefix.unicodeScalars)
        }
        while index < scalars.count {
            switch scalars[index] {
            case "<":
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    problems.append("unclosed '<' at \(context().debugDescription)")
                    return
                }
                checkTag(String(String.UnicodeScalarView(scalars[index...close])), open: &open)
                index = close + 1
            case "&":
                guard let entity = Self.entities.keys.first(where: hasPrefix), let character = Self.entities[entity] else {
                    problems.append("bare '&' at \(context().debugDescription)")
                    index += 1
                    continue
                }
                text += character
                index += entity.unicodeScalars.count
            case ">", "\"", "'":
                problems.append("unescaped \(scalars[index]) at \(context().debugDescription)")
                index += 1
            default:
                text.unicodeScalars.append(scalars[index])
                index += 1
            }
        }
        if !open.isEmpty { problems.append("unclosed \(open)") }
    }

    private mutating func checkTag(_ tag: String, open: inout [String]) {
        let scalars = Array(tag.unicodeScalars)
        let prefix = Array(Self.linkPrefix.unicodeScalars), suffix = Array(Self.linkSuffix.unicodeScalars)
        if scalars.count >= prefix.count + suffix.count, scalars.starts(with: prefix), scalars.reversed().starts(with: suffix.reversed()) {
            let href = String(String.UnicodeScalarView(scalars[prefix.count..<(scalars.count - suffix.count)]))
            // Compared scalar by scalar: a combining mark after "//" must not hide the scheme.
            let scheme = String(String.UnicodeScalarView(href.unicodeScalars.prefix(8))).lowercased().unicodeScalars
            let hasDelimiter = href.unicodeScalars.contains { $0 == "\"" || $0 == "<" || $0 == ">" }
            if !(scheme.starts(with: "http://".unicodeScalars) || scheme.starts(with: "https://".unicodeScalars)) || hasDelimiter {
                problems.append("bad link \(tag)")
            }
            if open.last != "p" { problems.append("link outside a paragraph: \(tag)") }
            open.append("a")
            return
        }
        guard Self.plainTags.contains(tag) else {
            problems.append("foreign tag \(tag)")
            return
        }
        let name = String(tag.unicodeScalars.filter { $0 != "<" && $0 != ">" && $0 != "/" })
        if name == "br" { return }
        if scalars.starts(with: "</".unicodeScalars) {
            if open.popLast() != name { problems.append("\(tag) does not close the open element") }
        } else {
            if name == "p" && open.contains("p") { problems.append("paragraph inside a paragraph") }
            open.append(name)
        }
    }
}
