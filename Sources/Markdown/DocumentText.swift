import CCmarkGFM
import Foundation

/// The plain text of a parsed document: what readers read, without markup.
///
/// Text is TEXT and CODE literals (after smart punctuation), with line breaks
/// as spaces; image descriptions, raw HTML and code blocks are not text.
struct DocumentText {
    /// A heading met in the walk, with its plain text.
    struct HeadingText {
        var node: CmarkNode
        var level: Int
        var text: String
    }

    private(set) var headings: [HeadingText] = []
    private(set) var firstParagraph = ""
    private(set) var wordCount = 0
    /// All the text as UTF-8, words apart by spaces; only when collected. Bytes, not a String:
    /// the search index reads bytes, and a String made and appended for each text node was
    /// a tenth of counting a body's terms.
    private(set) var plain: [UInt8] = []

    /// Reads the text of a walk over the whole document (see `CmarkNode.walk()`), all of
    /// it into ``plain`` when `collectingText`.
    init(of walk: [CmarkNode.Step], collectingText: Bool = false) {
        var words = WordCounter()
        var capture: String?          // text of the paragraph or heading being walked
        var imageDepth = 0
        var footnoteDepth = 0
        var firstNested: String?      // first paragraph below the top level, as a fallback
        for (event, node) in walk {
            let entering = event == CMARK_EVENT_ENTER
            let type = node.type
            if type == CMARK_NODE_IMAGE {
                imageDepth += entering ? 1 : -1
                continue
            }
            if type == CMARK_NODE_FOOTNOTE_DEFINITION {
                footnoteDepth += entering ? 1 : -1
            }
            if imageDepth > 0 { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node.pointer) else { continue }
                let length = strlen(literal)
                literal.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                    let bytes = UnsafeBufferPointer(start: start, count: length)
                    words.add(utf8: bytes)
                    if collectingText { plain.append(contentsOf: bytes) }
                }
                if capture != nil { capture? += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                words.breakWord()
                if collectingText { plain.append(UInt8(ascii: " ")) }
                capture? += " "
            case CMARK_NODE_HEADING:
                words.breakWord()
                if collectingText { plain.append(UInt8(ascii: " ")) }
                if entering {
                    capture = ""
                } else if let text = capture.map(PlainText.collapsingWhitespace) {
                    capture = nil
                    headings.append(HeadingText(node: node, level: node.headingLevel, text: text))
                }
            case CMARK_NODE_PARAGRAPH:
                words.breakWord()
                if collectingText { plain.append(UInt8(ascii: " ")) }
                // Paragraph text is only needed until the first top-level paragraph is found.
                if entering {
                    capture = firstParagraph.isEmpty && footnoteDepth == 0 ? "" : nil
                } else if let text = capture.map(PlainText.collapsingWhitespace) {
                    capture = nil
                    if text.isEmpty { continue }
                    if node.parent?.type == CMARK_NODE_DOCUMENT {
                        firstParagraph = text
                    } else if firstNested == nil {
                        firstNested = text
                    }
                }
            default:
                if node.isBlock {
                    words.breakWord()
                    if collectingText { plain.append(UInt8(ascii: " ")) }
                }
            }
        }
        if firstParagraph.isEmpty { firstParagraph = firstNested ?? "" }
        wordCount = words.count
    }
}
