import Diagnostics

/// Turns a template's tokens into a `Template`: statements here, expressions in
/// `Parser+Expressions.swift`.
///
/// The parser does not stop at the first mistake: an error inside a tag is recorded,
/// the rest of the tag skipped, and parsing goes on, so one run reports every
/// syntax error of a template.
struct Parser {
    let tokens: [Token]
    var index = 0
    var errors: [SyntaxError] = []
    private var blocks: [String: Block] = [:]
    private var parent: (name: String, span: Span)?
    private var includes: [(name: String, span: Span)] = []
    /// How many `block` tags enclose the current position (`super()` needs one).
    var blockDepth = 0
    /// How many tags of any kind enclose the current position (`extends` needs none).
    private var nesting = 0
    /// How many expressions enclose the current one (parentheses, lists, `not`, `-`).
    var expressionDepth = 0
    /// Set when the lexer stopped early (an unclosed tag or comment): the missing end of
    /// the template then causes no further errors.
    var isTruncated = false

    /// Tags and expressions nest at most this deep: the parser and the renderer recurse
    /// once per level, and no real template comes near it.
    static let nestingLimit = 64

    static let tagNames = ["if", "elif", "else", "endif", "for", "endfor", "set", "endset", "include", "extends",
                           "block", "endblock", "raw", "endraw"]

    /// Parses `source`, the template called `name`.
    /// - Returns: the template, or every syntax error found in it.
    static func parse(name: String, source: String) -> Result<Template, SyntaxErrors> {
        let lexer = Lexer.tokenize(source)
        var parser = Parser(tokens: lexer.output)
        parser.isTruncated = lexer.isTruncated
        let nodes = parser.parseNodes(until: [], opener: nil).nodes
        if parser.parent != nil { parser.checkTopLevelOfChild(nodes) }
        let errors = lexer.errors + parser.errors
        if !errors.isEmpty {
            let ordered = errors.enumerated().sorted {
                ($0.element.span.line, $0.element.span.column, $0.offset) < ($1.element.span.line, $1.element.span.column, $1.offset)
            }
            return .failure(SyntaxErrors(errors: ordered.map(\.element)))
        }
        return .success(Template(name: name, source: source, nodes: nodes, blocks: parser.blocks,
                                 parent: parser.parent, includes: parser.includes))
    }

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    // MARK: - Bodies

    /// Parses nodes up to a tag whose keyword is in `terminators` (consumed up to the keyword)
    /// or to the end of the template, which is an error when `opener` is still open.
    mutating func parseNodes(until terminators: Set<String>, opener: (keyword: String, span: Span)?)
        -> (nodes: [Node], terminator: (keyword: String, span: Span)?)
    {
        var nodes: [Node] = []
        while true {
            let token = tokens[index]
            switch token.kind {
            case .end:
                if let opener, !isTruncated {
                    errors.append(SyntaxError("'\(opener.keyword)' is never closed", at: opener.span,
                                              hint: "expected '{% end\(opener.keyword) %}'"))
                }
                return (nodes, nil)
            case .text(let text):
                nodes.append(.text(text, token.span))
                index += 1
            case .printOpen:
                index += 1
                if let expression = recovering({ (parser: inout Parser) throws(SyntaxError) in
                    let expression = try parser.parseExpression()
                    try parser.expect(.printClose, after: "expression")
                    return expression
                }) {
                    nodes.append(.output(expression, token.span))
                }
            case .tagOpen:
                index += 1
                guard case .name(let keyword) = tokens[index].kind else {
                    record(SyntaxError("expected a tag name after '{%', found \(tokens[index].display)",
                                              at: tokens[index].span))
                    skipPastClose()
                    continue
                }
                let keywordSpan = tokens[index].span
                index += 1
                if terminators.contains(keyword) { return (nodes, (keyword, keywordSpan)) }
                if let node = parseTag(keyword, at: token.span, keywordSpan: keywordSpan, inside: opener) {
                    nodes.append(node)
                }
            default:
                errors.append(SyntaxError("unexpected \(token.display)", at: token.span))
                index += 1
            }
        }
    }

    private mutating func parseTag(_ keyword: String, at span: Span, keywordSpan: Span,
                                   inside opener: (keyword: String, span: Span)?) -> Node?
    {
        if ["if", "for", "block"].contains(keyword), !canNest(at: keywordSpan) { return nil }
        switch keyword {
        case "if": return parseIf(at: span)
        case "for": return parseFor(at: span)
        case "set": return parseSet(at: span)
        case "include": return parseInclude(at: span)
        case "extends": parseExtends(at: span); return nil
        case "block": return parseBlock(at: span)
        case "elif", "else", "endif", "endfor", "endset", "endblock", "endraw":
            var message = "unexpected '\(keyword)'"
            var hint: String?
            if let opener {
                message += " inside '\(opener.keyword)' (opened at \(opener.span))"
                hint = "expected '{% end\(opener.keyword) %}'"
            }
            errors.append(SyntaxError(message, at: keywordSpan, hint: hint))
            skipPastClose()
            return nil
        default:
            let match = Suggestion.closest(to: keyword, in: Self.tagNames)
            errors.append(SyntaxError("unknown tag '\(keyword)'", at: keywordSpan,
                                      hint: didYouMean(keyword, in: Self.tagNames)))
            skipPastClose()
            if let match, ["if", "for", "block"].contains(match) { skipBody(ofMisspelled: match) }
            return nil
        }
    }

    /// After a misspelled `if`, `for` or `block` (`{% iff x %}`): parses and drops the body
    /// up to its end tag, so that end tag is not reported as unexpected too. A missing end
    /// tag is not reported: the tag may not have been meant to open a body at all.
    private mutating func skipBody(ofMisspelled keyword: String) {
        guard canNest(at: tokens[index].span) else { return }
        nesting += 1
        defer { nesting -= 1 }
        let middle: Set<String> = keyword == "if" ? ["elif", "else"] : (keyword == "for" ? ["else"] : [])
        while true {
            let (_, terminator) = parseNodes(until: middle.union(["end" + keyword]), opener: nil)
            guard let terminator else { return }
            skipPastClose()
            if terminator.keyword == "end" + keyword { return }
        }
    }

    /// Whether one more tag may open here. Past `nestingLimit` the error is recorded and the
    /// rest of the template skipped: its thousands of end tags would each be an error too.
    private mutating func canNest(at span: Span) -> Bool {
        guard nesting >= Self.nestingLimit else { return true }
        errors.append(SyntaxError("tags nested more than \(Self.nestingLimit) deep", at: span,
                                  hint: "move the inner part into a partial and include it"))
        index = tokens.count - 1
        isTruncated = true
        return false
    }

    // MARK: - Tags

    private mutating func parseIf(at span: Span) -> Node {
        nesting += 1
        defer { nesting -= 1 }
        var branches: [ConditionalBranch] = []
        var condition = headExpression()
        var conditionSpan = span
        var otherwise: [Node]?
        while true {
            let (body, terminator) = parseNodes(until: ["elif", "else", "endif"], opener: ("if", span))
            branches.append(ConditionalBranch(condition: condition, body: body, span: conditionSpan))
            guard let terminator else { break }
            if terminator.keyword == "elif" {
                condition = headExpression()
                conditionSpan = terminator.span
                continue
            }
            expectClose(after: terminator.keyword)
            if terminator.keyword == "else" {
                let (body, end) = parseNodes(until: ["endif"], opener: ("if", span))
                otherwise = body
                if end != nil { expectClose(after: "endif") }
            }
            break
        }
        return .conditional(branches, otherwise: otherwise)
    }

    private mutating func parseFor(at span: Span) -> Node? {
        nesting += 1
        defer { nesting -= 1 }
        let head = recovering { (parser: inout Parser) throws(SyntaxError) -> ([String], Expression) in
            var targets = [try parser.expectName("a loop variable name")]
            if parser.consumeSymbol(",") { targets.append(try parser.expectName("a second loop variable name")) }
            try parser.expectKeyword("in")
            let iterable = try parser.parseExpression()
            try parser.expect(.tagClose, after: "the loop's list")
            return (targets, iterable)
        }
        let (body, terminator) = parseNodes(until: ["else", "endfor"], opener: ("for", span))
        var otherwise: [Node]?
        if let terminator {
            expectClose(after: terminator.keyword)
            if terminator.keyword == "else" {
                let (elseBody, end) = parseNodes(until: ["endfor"], opener: ("for", span))
                otherwise = elseBody
                if end != nil { expectClose(after: "endfor") }
            }
        }
        guard let (targets, iterable) = head else { return nil }
        return .loop(Loop(targets: targets, iterable: iterable, body: body, otherwise: otherwise, span: span))
    }

    private mutating func parseSet(at span: Span) -> Node? {
        let head = recovering { (parser: inout Parser) throws(SyntaxError) -> (String, Expression?) in
            let name = try parser.expectName("a variable name")
            if parser.consumeSymbol("=") {
                let value = try parser.parseExpression()
                try parser.expect(.tagClose, after: "the value")
                return (name, value)
            }
            try parser.expect(.tagClose, after: "the variable name", hint: "write '{% set \(name) = value %}'")
            return (name, nil)
        }
        guard let (name, value) = head else { return nil }
        if let value { return .assign(name, value, span) }
        guard canNest(at: span) else { return nil }
        nesting += 1
        defer { nesting -= 1 }
        let (body, terminator) = parseNodes(until: ["endset"], opener: ("set", span))
        if terminator != nil { expectClose(after: "endset") }
        return .capture(name, body, span)
    }

    private mutating func parseInclude(at span: Span) -> Node? {
        let include = recovering { (parser: inout Parser) throws(SyntaxError) -> Include in
            let (name, nameSpan) = try parser.expectTemplateName(for: "include")
            var bindings: [(name: String, value: Expression)] = []
            if case .name("with") = parser.tokens[parser.index].kind {
                parser.index += 1
                repeat {
                    let variable = try parser.expectName("a variable name")
                    guard parser.consumeSymbol("=") else {
                        throw SyntaxError("expected '=' after '\(variable)'", at: parser.tokens[parser.index].span)
                    }
                    bindings.append((variable, try parser.parseExpression()))
                } while parser.consumeSymbol(",")
            }
            try parser.expect(.tagClose, after: "the template name")
            parser.includes.append((name, nameSpan))
            return Include(name: name, bindings: bindings, span: span)
        }
        return include.map(Node.include)
    }

    private mutating func parseExtends(at span: Span) {
        guard let (name, nameSpan) = recovering({ (parser: inout Parser) throws(SyntaxError) in
            let name = try parser.expectTemplateName(for: "extends")
            try parser.expect(.tagClose, after: "the template name")
            return name
        }) else { return }
        if nesting > 0 {
            errors.append(SyntaxError("'extends' must be at the top level of the template, outside other tags", at: span))
        } else if let parent {
            errors.append(SyntaxError("template extends twice", at: span,
                                      hint: "it already extends '\(parent.name)' at \(parent.span)"))
        } else {
            parent = (name, nameSpan)
        }
    }

    private mutating func parseBlock(at span: Span) -> Node? {
        let name = recovering { (parser: inout Parser) throws(SyntaxError) -> String in
            let name = try parser.expectName("a block name")
            try parser.expect(.tagClose, after: "the block name")
            return name
        }
        nesting += 1
        blockDepth += 1
        let (body, terminator) = parseNodes(until: ["endblock"], opener: ("block", span))
        nesting -= 1
        blockDepth -= 1
        if terminator != nil {
            if case .name(let endName) = tokens[index].kind {
                if let name, endName != name {
                    errors.append(SyntaxError("'endblock \(endName)' closes block '\(name)'", at: tokens[index].span))
                }
                index += 1
            }
            expectClose(after: "endblock")
        }
        guard let name else { return nil }
        if let existing = blocks[name] {
            errors.append(SyntaxError("block '\(name)' is defined twice", at: span,
                                      hint: "first defined at \(existing.span)"))
            return nil
        }
        blocks[name] = Block(name: name, body: body, span: span)
        return .block(name, span)
    }

    /// In a template that extends another, only blocks and `set` count outside blocks.
    private mutating func checkTopLevelOfChild(_ nodes: [Node]) {
        for node in nodes {
            let span: Span
            switch node {
            case .block, .assign, .capture: continue
            case .text(let text, let textSpan):
                guard let visible = Self.firstVisibleCharacter(of: text, startingAt: textSpan) else { continue }
                span = visible
            case .output(_, let outputSpan): span = outputSpan
            case .conditional(let branches, _): span = branches.first?.span ?? Span(line: 1, column: 1)
            case .loop(let loop): span = loop.span
            case .include(let include): span = include.span
            }
            errors.append(SyntaxError("content outside of blocks is never rendered in a template that extends another",
                                      at: span, hint: "move it into a block"))
        }
    }

    /// Where the first non-whitespace character of `text`, which starts at `start`, is.
    private static func firstVisibleCharacter(of text: String, startingAt start: Span) -> Span? {
        var cursor = LineCursor(line: start.line, column: start.column)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", " ", "\t":
                cursor.advance(past: scalar)
            default:
                let (line, column) = cursor.position(before: scalar)
                return Span(line: line, column: column)
            }
        }
        return nil
    }
}
