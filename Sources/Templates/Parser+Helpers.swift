/// Token-level helpers of the parser and its error recovery.
extension Parser {
    /// Runs `body`; on a syntax error records it, skips the rest of the tag and returns nil.
    mutating func recovering<T>(_ body: (inout Parser) throws(SyntaxError) -> T) -> T? {
        do {
            return try body(&self)
        } catch {
            record(error)
            skipPastClose()
            return nil
        }
    }

    /// Records `error`, unless it is about input the lexer has already reported: an
    /// `.invalid` token, or the end of a template whose text ended inside a tag.
    mutating func record(_ error: SyntaxError) {
        let token = tokens[index]
        if token.span == error.span {
            if token.kind == .invalid { return }
            if token.kind == .end, isTruncated { return }
        }
        errors.append(error)
    }

    /// The condition of an `if`/`elif` and the `%}` after it; a placeholder when it has an error.
    mutating func headExpression() -> Expression {
        recovering { (parser: inout Parser) throws(SyntaxError) in
            let expression = try parser.parseExpression()
            try parser.expect(.tagClose, after: "the condition")
            return expression
        } ?? .literal(.null, tokens[index].span)
    }

    /// Skips to just after the next `%}` or `}}`.
    mutating func skipPastClose() {
        while true {
            switch tokens[index].kind {
            case .end: return
            case .tagClose, .printClose:
                index += 1
                return
            default: index += 1
            }
        }
    }

    mutating func expectClose(after keyword: String) {
        guard tokens[index].kind == .tagClose else {
            record(SyntaxError("expected '%}' after '\(keyword)', found \(tokens[index].display)", at: tokens[index].span))
            skipPastClose()
            return
        }
        index += 1
    }

    mutating func expect(_ kind: Token.Kind, after what: String, hint: String? = nil) throws(SyntaxError) {
        guard tokens[index].kind == kind else {
            let expected = Token(kind: kind, span: tokens[index].span).display
            throw SyntaxError("expected \(expected) after \(what), found \(tokens[index].display)",
                              at: tokens[index].span, hint: hint)
        }
        index += 1
    }

    mutating func expectSymbol(_ symbol: String, after what: String) throws(SyntaxError) {
        try expect(.symbol(symbol), after: what)
    }

    mutating func expectName(_ what: String) throws(SyntaxError) -> String {
        guard case .name(let name) = tokens[index].kind else {
            throw SyntaxError("expected \(what), found \(tokens[index].display)", at: tokens[index].span)
        }
        index += 1
        return name
    }

    mutating func expectKeyword(_ keyword: String) throws(SyntaxError) {
        guard isKeyword(keyword) else {
            throw SyntaxError("expected '\(keyword)', found \(tokens[index].display)", at: tokens[index].span)
        }
        index += 1
    }

    mutating func expectTemplateName(for tag: String) throws(SyntaxError) -> (String, Span) {
        guard case .string(let name) = tokens[index].kind else {
            throw SyntaxError("'\(tag)' needs a template name in quotes, found \(tokens[index].display)",
                              at: tokens[index].span, hint: "e.g. {% \(tag) \"partials/teaser.html\" %}")
        }
        let span = tokens[index].span
        index += 1
        return (name, span)
    }

    mutating func consumeSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    func isSymbol(_ symbol: String) -> Bool {
        tokens[index].kind == .symbol(symbol)
    }

    func isKeyword(_ keyword: String) -> Bool {
        tokens[index].kind == .name(keyword)
    }
}
