import Diagnostics

/// Splits a template's text into tokens.
///
/// Text outside tags becomes `.text` tokens, with whitespace control (`{%-`, `-%}`,
/// `{{-`, `-}}`, `{#-`, `-#}`) already applied; comments vanish; `{% raw %}` …
/// `{% endraw %}` becomes one `.text` token. Inside `{{ }}` and `{% %}` the lexer
/// produces names, literals and symbols. Works on UTF-8 bytes and tracks line and
/// column as it goes, by magbuild's one line rule (``LineCursor``: `\n`, `\r\n` and a lone
/// `\r` end a line; columns count Unicode scalars from 1).
///
/// The lexer does not stop at its first mistake: a bad character or number becomes an
/// `.invalid` token (the parser stays quiet about it), a string that is never closed ends
/// at the tag's closing delimiter on its line, and a wrong closing delimiter closes the
/// tag anyway. Only an unclosed tag, comment or `raw` at the end of the file stops it.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var cursor = LineCursor()
    private var tokens: [Token] = []
    /// Set by a closing `-%}` / `-}}` / `-#}`: strip leading whitespace of the next text.
    private var stripNextText = false
    /// Every lexical error found, in order.
    private(set) var errors: [SyntaxError] = []
    /// Whether the text ended inside a tag, comment or `raw`, so the tokens stop early.
    private(set) var isTruncated = false
    /// Set when a string that is never closed ran to the end of the text.
    private var runawayString = false

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// The tokens of the whole template, ending with `.end`, and the lexer's errors.
    static func tokenize(_ source: String) -> Lexer {
        var lexer = Lexer(source)
        lexer.run()
        return lexer
    }

    /// The tokens, ending with `.end`.
    var output: [Token] { tokens }

    private mutating func fail(_ error: SyntaxError) {
        errors.append(error)
    }

    /// Records an error that leaves the rest of the text unreadable.
    private mutating func stop(_ error: SyntaxError) {
        errors.append(error)
        isTruncated = true
        advance(bytes.count - position)
    }

    // MARK: - Text and delimiters

    private mutating func run() {
        var textStart = position
        var textSpan = here
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "{"), position + 1 < bytes.count else {
                advance()
                continue
            }
            let kind = bytes[position + 1]
            guard kind == UInt8(ascii: "{") || kind == UInt8(ascii: "%") || kind == UInt8(ascii: "#") else {
                advance()
                continue
            }
            let stripBefore = position + 2 < bytes.count && bytes[position + 2] == UInt8(ascii: "-")
            emitText(from: textStart, to: position, stripEnd: stripBefore, span: textSpan)
            let openSpan = here
            advance(stripBefore ? 3 : 2)
            switch kind {
            case UInt8(ascii: "#"): skipComment(openedAt: openSpan)
            case UInt8(ascii: "{"): lexTag(open: .printOpen, span: openSpan)
            default:
                lexTag(open: .tagOpen, span: openSpan)
                handleRaw(openedAt: openSpan)
            }
            textStart = position
            textSpan = here
        }
        emitText(from: textStart, to: bytes.count, stripEnd: false, span: textSpan)
        tokens.append(Token(kind: .end, span: here))
    }

    private mutating func emitText(from start: Int, to end: Int, stripEnd: Bool, span: Span) {
        var start = start, end = end
        if stripNextText {
            while start < end, isWhitespace(bytes[start]) { start += 1 }
            stripNextText = false
        }
        if stripEnd {
            while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        }
        guard start < end else { return }
        tokens.append(Token(kind: .text(String(decoding: bytes[start..<end], as: UTF8.self)), span: span))
    }

    private mutating func skipComment(openedAt span: Span) {
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "#"), bytes[position + 1] == UInt8(ascii: "}") {
                stripNextText = position > 0 && bytes[position - 1] == UInt8(ascii: "-")
                advance(2)
                return
            }
            advance()
        }
        stop(SyntaxError("comment is never closed", at: span, hint: "close it with '#}'"))
    }

    /// Lexes the inside of `{{ … }}` or `{% … %}` up to and including the closing delimiter.
    private mutating func lexTag(open: Token.Kind, span: Span) {
        tokens.append(Token(kind: open, span: span))
        let isPrint = open == .printOpen
        let closer = isPrint ? "}}" : "%}"
        var braceDepth = 0
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                // After a string that runs to the end of the text, that is the whole story.
                if tokens.last?.kind == .invalid, runawayString {
                    isTruncated = true
                    return
                }
                return stop(SyntaxError("'\(isPrint ? "{{" : "{%")' is never closed", at: span, hint: "expected '\(closer)'"))
            }
            let start = here
            let byte = bytes[position]
            // Closing delimiter, possibly with whitespace control.
            let strip = byte == UInt8(ascii: "-") && peek(1) == closerFirst(isPrint) && peek(2) == UInt8(ascii: "}")
            if strip || (byte == closerFirst(isPrint) && peek(1) == UInt8(ascii: "}") && (!isPrint || braceDepth == 0)) {
                advance(strip ? 3 : 2)
                stripNextText = strip
                tokens.append(Token(kind: isPrint ? .printClose : .tagClose, span: start))
                return
            }
            let wrongCloser = (isPrint && byte == UInt8(ascii: "%") && peek(1) == UInt8(ascii: "}"))
                || (!isPrint && braceDepth == 0 && byte == UInt8(ascii: "}") && peek(1) == UInt8(ascii: "}"))
            if wrongCloser {
                // Report it, then close the tag as if it were right.
                fail(SyntaxError("expected '\(closer)' to close '\(isPrint ? "{{" : "{%")' opened at \(span), found '\(isPrint ? "%}" : "}}")'",
                                 at: start))
                advance(2)
                tokens.append(Token(kind: isPrint ? .printClose : .tagClose, span: start))
                return
            }
            let token = lexExpressionToken()
            if case .symbol("{") = token.kind { braceDepth += 1 }
            if case .symbol("}") = token.kind { braceDepth -= 1 }
            tokens.append(token)
        }
    }

    private func closerFirst(_ isPrint: Bool) -> UInt8 { isPrint ? UInt8(ascii: "}") : UInt8(ascii: "%") }

    /// After `{% raw %}`: replaces the tag's tokens with the verbatim text up to `{% endraw %}`.
    private mutating func handleRaw(openedAt span: Span) {
        let count = tokens.count
        guard count >= 3, case .name("raw") = tokens[count - 2].kind, tokens[count - 3].kind == .tagOpen else { return }
        tokens.removeLast(3)
        let stripStart = stripNextText
        stripNextText = false
        let textSpan = here
        let textStart = position
        while position < bytes.count {
            if let (textEnd, stripEnd) = matchEndraw() {
                var start = textStart, end = textEnd
                if stripStart { while start < end, isWhitespace(bytes[start]) { start += 1 } }
                if stripEnd { while end > start, isWhitespace(bytes[end - 1]) { end -= 1 } }
                if start < end {
                    tokens.append(Token(kind: .text(String(decoding: bytes[start..<end], as: UTF8.self)), span: textSpan))
                }
                return
            }
            advance()
        }
        stop(SyntaxError("'raw' is never closed", at: span, hint: "close it with '{% endraw %}'"))
    }

    /// If `{% endraw %}` starts at the current position, consumes it and returns where the
    /// raw text ends and whether `{%-` asked to strip the whitespace before it.
    private mutating func matchEndraw() -> (Int, Bool)? {
        guard bytes[position] == UInt8(ascii: "{"), peek(1) == UInt8(ascii: "%") else { return nil }
        var cursor = position + 2
        let stripEnd = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-")
        if stripEnd { cursor += 1 }
        while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
        let word = Array("endraw".utf8)
        guard cursor + word.count <= bytes.count, Array(bytes[cursor..<cursor + word.count]) == word else { return nil }
        cursor += word.count
        while cursor < bytes.count, isWhitespace(bytes[cursor]) { cursor += 1 }
        let stripAfter = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-")
        if stripAfter { cursor += 1 }
        guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "%"), bytes[cursor + 1] == UInt8(ascii: "}") else {
            return nil
        }
        let end = position
        advance(cursor + 2 - position)
        stripNextText = stripAfter
        return (end, stripEnd)
    }

    // MARK: - Expression tokens

    private mutating func lexExpressionToken() -> Token {
        let span = here
        let byte = bytes[position]
        if isNameStart(byte) {
            let start = position
            while position < bytes.count, isNameStart(bytes[position]) || isDigit(bytes[position]) { advance() }
            return Token(kind: .name(String(decoding: bytes[start..<position], as: UTF8.self)), span: span)
        }
        if isDigit(byte) { return lexNumber(span) }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return lexString(span) }
        let two = peek(1).map { String(decoding: [byte, $0], as: UTF8.self) } ?? ""
        if ["==", "!=", "<=", ">="].contains(two) {
            advance(2)
            return Token(kind: .symbol(two), span: span)
        }
        let one = String(decoding: [byte], as: UTF8.self)
        if "()[]{},.:|~+-*/%<>=".contains(one) {
            advance()
            return Token(kind: .symbol(one), span: span)
        }
        let character = currentCharacter()
        fail(SyntaxError("unexpected character '\(character)' in expression", at: span,
                         hint: character == "!" ? "use 'not' or '!='" : nil))
        advance(character.utf8.count)
        return Token(kind: .invalid, span: span)
    }

    private mutating func lexNumber(_ span: Span) -> Token {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { advance() }
        var isDouble = false
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            isDouble = true
            advance()
            while position < bytes.count, isDigit(bytes[position]) { advance() }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        if isDouble, let value = Double(text) { return Token(kind: .number(value), span: span) }
        if !isDouble, let value = Int(text) { return Token(kind: .integer(value), span: span) }
        fail(SyntaxError("number '\(text)' is out of range", at: span))
        return Token(kind: .invalid, span: span)
    }

    private mutating func lexString(_ span: Span) -> Token {
        let quote = bytes[position]
        advance()
        let start = position
        let startCursor = cursor
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == quote {
                advance()
                return Token(kind: .string(String(decoding: value, as: UTF8.self)), span: span)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: "\\"), let next = peek(1) {
                switch next {
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(next)
                default:
                    fail(SyntaxError("unknown escape '\\\(String(decoding: [next], as: UTF8.self))' in string", at: here,
                                     hint: "known escapes: \\n \\t \\r \\\\ \\\" \\'"))
                    value.append(next)
                }
                advance(2)
                continue
            }
            value.append(byte)
            advance()
        }
        fail(SyntaxError("string is never closed", at: span,
                         hint: "close it with \(quote == UInt8(ascii: "'") ? "'" : "\"") on the same line"))
        skipToCloserOnLine(from: start, at: startCursor)
        runawayString = position >= bytes.count
        return Token(kind: .invalid, span: span)
    }

    /// After a string that is never closed: moves back to `start` (where the line cursor was
    /// `startCursor`) and on to the first `}}` or `%}` on the same line, or to the line's end,
    /// so the tag can still close.
    private mutating func skipToCloserOnLine(from start: Int, at startCursor: LineCursor) {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") {
            if end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "}"),
               bytes[end] == UInt8(ascii: "}") || bytes[end] == UInt8(ascii: "%")
            {
                break
            }
            end += 1
        }
        position = start
        cursor = startCursor
        advance(end - position)
    }

    // MARK: - Cursor

    private var here: Span {
        let (line, column) = cursor.position(before: peek(0))
        return Span(line: line, column: column)
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            cursor.advance(past: bytes[position])
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, isWhitespace(bytes[position]) { advance() }
    }

    private func currentCharacter() -> String {
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }
}

private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

private func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
}
