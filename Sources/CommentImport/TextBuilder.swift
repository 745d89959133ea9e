import Comments

/// Collects reader text with collapsed whitespace: runs of spaces become one space, spaces
/// at line ends vanish, and line breaks are requested rather than written, so that several
/// block boundaries in a row give one blank line and none appear at the start or end.
struct TextBuilder {
    private(set) var text = ""
    /// 0 none, 1 line break, 2 blank line: written before the next visible character.
    private var pendingBreak = 0
    private var pendingSpace = false

    var isEmpty: Bool { text.isEmpty }

    /// Requests a line break (`1`) or a paragraph break (`2`) before the next text.
    mutating func requestBreak(_ level: Int) {
        pendingBreak = min(2, max(pendingBreak, level))
        pendingSpace = false
    }

    /// A newline in the text itself, or a `<br>`: two in a row make a paragraph break.
    mutating func lineBreak() {
        pendingBreak = min(2, pendingBreak + 1)
        pendingSpace = false
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\n":
            lineBreak()
        case " ", "\t", "\u{A0}", "\u{0C}":
            if pendingBreak == 0, !text.isEmpty { pendingSpace = true }
        case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}":
            return
        default:
            flush()
            text.unicodeScalars.append(scalar)
        }
    }

    mutating func append(_ string: String) {
        for scalar in string.unicodeScalars { append(scalar) }
    }

    /// Appends finished lines as they are (a quotation), as a block of its own.
    mutating func appendBlock(_ block: String) {
        guard !block.isEmpty else { return }
        requestBreak(2)
        flush()
        text += block
        requestBreak(2)
    }

    private mutating func flush() {
        if !text.isEmpty {
            if pendingBreak > 0 {
                text += pendingBreak == 2 ? "\n\n" : "\n"
            } else if pendingSpace {
                text += " "
            }
        }
        pendingBreak = 0
        pendingSpace = false
    }
}
