import CCmarkGFM

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

    init(of document: CmarkNode) {
        var all = ""
        var capture: String?          // text of the paragraph or heading being walked
        var imageDepth = 0
        var footnoteDepth = 0
        var firstNested: String?      // first paragraph below the top level, as a fallback
        for (event, node) in document.walk() {
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
            var piece: String?
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                piece = node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                piece = " "
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    capture = ""
                } else if let text = capture.map(Self.collapsingWhitespace) {
                    capture = nil
                    if type == CMARK_NODE_HEADING {
                        headings.append(HeadingText(node: node, level: node.headingLevel, text: text))
                    } else if !text.isEmpty && footnoteDepth == 0 && firstParagraph.isEmpty {
                        if node.parent?.type == CMARK_NODE_DOCUMENT {
                            firstParagraph = text
                        } else if firstNested == nil {
                            firstNested = text
                        }
                    }
                }
            default:
                break
            }
            if let piece {
                all += piece
                capture? += piece
            } else if node.isBlock {
                all += " "
            }
        }
        if firstParagraph.isEmpty { firstParagraph = firstNested ?? "" }
        wordCount = all.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .count
    }

    /// `text` with every run of whitespace turned into one space, trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
