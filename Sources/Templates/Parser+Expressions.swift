/// Expressions, lowest precedence first:
/// `a if c else b` · `or` · `and` · `not` · comparisons, `in`, `not in`, `is [not] test` ·
/// `~` · `+ -` · `* / %` · unary `-` · filters `|` · `.name`, `[key]` · literals, variables, `( )`.
extension Parser {
    static let testNames = ["defined", "undefined", "none", "odd", "even", "string", "number", "sequence", "mapping"]
    private static let reserved: Set<String> = ["and", "or", "not", "in", "is", "if", "else"]

    mutating func parseExpression() throws(SyntaxError) -> Expression {
        try enterExpression()
        defer { expressionDepth -= 1 }
        let value = try parseOr()
        guard isKeyword("if") else { return value }
        let span = tokens[index].span
        index += 1
        let condition = try parseOr()
        var otherwise: Expression?
        if isKeyword("else") {
            index += 1
            otherwise = try parseExpression()
        }
        return .conditional(value, condition: condition, otherwise: otherwise, span)
    }

    private mutating func parseOr() throws(SyntaxError) -> Expression {
        var left = try parseAnd()
        while isKeyword("or") {
            let span = tokens[index].span
            index += 1
            left = .binary(.or, left, try parseAnd(), span)
        }
        return left
    }

    private mutating func parseAnd() throws(SyntaxError) -> Expression {
        var left = try parseNot()
        while isKeyword("and") {
            let span = tokens[index].span
            index += 1
            left = .binary(.and, left, try parseNot(), span)
        }
        return left
    }

    private mutating func parseNot() throws(SyntaxError) -> Expression {
        guard isKeyword("not") else { return try parseComparison() }
        let span = tokens[index].span
        index += 1
        try enterExpression()
        defer { expressionDepth -= 1 }
        return .unary(.not, try parseNot(), span)
    }

    private mutating func parseComparison() throws(SyntaxError) -> Expression {
        var left = try parseConcat()
        while true {
            let span = tokens[index].span
            let op: BinaryOperator
            switch tokens[index].kind {
            case .symbol(let symbol):
                guard let comparison = BinaryOperator(rawValue: symbol),
                      [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison)
                else { return left }
                op = comparison
                index += 1
            case .name("in"):
                op = .in
                index += 1
            case .name("not") where tokens[index + 1].kind == .name("in"):
                op = .notIn
                index += 2
            case .name("is"):
                index += 1
                left = .test(left, try parseTest(at: span))
                continue
            default:
                return left
            }
            left = .binary(op, left, try parseConcat(), span)
        }
    }

    private mutating func parseTest(at span: Span) throws(SyntaxError) -> TestCall {
        let negated = isKeyword("not")
        if negated { index += 1 }
        let nameToken = tokens[index]
        guard case .name(let name) = nameToken.kind else {
            throw SyntaxError("expected a test name after 'is', found \(nameToken.display)", at: nameToken.span,
                              hint: "e.g. 'is defined'")
        }
        guard Self.testNames.contains(name) else {
            throw SyntaxError("unknown test '\(name)'", at: nameToken.span,
                              hint: didYouMean(name, in: Self.testNames) ?? "known tests: \(Self.testNames.joined(separator: ", "))")
        }
        index += 1
        return TestCall(name: name, negated: negated, span: span)
    }

    private mutating func parseConcat() throws(SyntaxError) -> Expression {
        var left = try parseAdditive()
        while case .symbol("~") = tokens[index].kind {
            let span = tokens[index].span
            index += 1
            left = .binary(.concat, left, try parseAdditive(), span)
        }
        return left
    }

    private mutating func parseAdditive() throws(SyntaxError) -> Expression {
        var left = try parseMultiplicative()
        while case .symbol(let symbol) = tokens[index].kind, symbol == "+" || symbol == "-" {
            let span = tokens[index].span
            index += 1
            left = .binary(symbol == "+" ? .add : .subtract, left, try parseMultiplicative(), span)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(SyntaxError) -> Expression {
        var left = try parseUnary()
        while case .symbol(let symbol) = tokens[index].kind, let op = BinaryOperator(rawValue: symbol),
              op == .multiply || op == .divide || op == .remainder
        {
            let span = tokens[index].span
            index += 1
            left = .binary(op, left, try parseUnary(), span)
        }
        return left
    }

    private mutating func parseUnary() throws(SyntaxError) -> Expression {
        guard case .symbol("-") = tokens[index].kind else { return try parseFiltered() }
        let span = tokens[index].span
        index += 1
        switch tokens[index].kind {
        case .integer(let value) where !isFilterNext(at: index + 1):
            index += 1
            return .literal(.int(-value), span)
        case .number(let value) where !isFilterNext(at: index + 1):
            index += 1
            return .literal(.double(-value), span)
        default:
            try enterExpression()
            defer { expressionDepth -= 1 }
            return .unary(.negate, try parseUnary(), span)
        }
    }

    /// Counts one more level of nesting, or throws past `Parser.nestingLimit`.
    private mutating func enterExpression() throws(SyntaxError) {
        guard expressionDepth < Self.nestingLimit else {
            throw SyntaxError("expression nested more than \(Self.nestingLimit) deep", at: tokens[index].span,
                              hint: "split it up with '{% set %}'")
        }
        expressionDepth += 1
    }

    private func isFilterNext(at position: Int) -> Bool {
        if case .symbol(let symbol) = tokens[position].kind { return symbol == "|" || symbol == "." || symbol == "[" }
        return false
    }

    private mutating func parseFiltered() throws(SyntaxError) -> Expression {
        var value = try parsePostfix()
        while consumeSymbol("|") {
            let nameToken = tokens[index]
            guard case .name(let name) = nameToken.kind else {
                throw SyntaxError("expected a filter name after '|', found \(nameToken.display)", at: nameToken.span)
            }
            index += 1
            let arguments = try isSymbol("(") ? parseArguments() : []
            guard let definition = Filters.table[name] else {
                throw SyntaxError("unknown filter '\(name)'", at: nameToken.span,
                                  hint: didYouMean(name, in: Filters.table.keys.sorted())
                                      ?? "known filters: " + Filters.table.keys.sorted().joined(separator: ", "))
            }
            guard definition.arguments.contains(arguments.count) else {
                throw SyntaxError("filter '\(name)' \(definition.arityDescription), got \(arguments.count)",
                                  at: nameToken.span)
            }
            value = .filter(value, FilterCall(name: name, arguments: arguments, definition: definition, span: nameToken.span))
        }
        return value
    }

    private mutating func parseArguments() throws(SyntaxError) -> [Expression] {
        index += 1  // (
        var arguments: [Expression] = []
        while !isSymbol(")") {
            if case .name(let name) = tokens[index].kind, tokens[index + 1].kind == .symbol("=") {
                throw SyntaxError("named arguments are not supported", at: tokens[index].span,
                                  hint: "pass '\(name)' by position")
            }
            arguments.append(try parseExpression())
            if !consumeSymbol(",") { break }
        }
        try expectSymbol(")", after: "the arguments")
        return arguments
    }

    private mutating func parsePostfix() throws(SyntaxError) -> Expression {
        var value = try parsePrimary()
        while true {
            if consumeSymbol(".") {
                let token = tokens[index]
                switch token.kind {
                case .name(let name): value = .attribute(value, name, token.span)
                case .integer(let position): value = .index(value, .literal(.int(position), token.span), token.span)
                default: throw SyntaxError("expected an attribute name after '.', found \(token.display)", at: token.span)
                }
                index += 1
            } else if isSymbol("[") {
                let span = tokens[index].span
                index += 1
                let key = try parseExpression()
                try expectSymbol("]", after: "the index")
                value = .index(value, key, span)
            } else {
                return value
            }
        }
    }

    private mutating func parsePrimary() throws(SyntaxError) -> Expression {
        let token = tokens[index]
        let span = token.span
        switch token.kind {
        case .name(let name):
            index += 1
            switch name {
            case "true", "True": return .literal(.bool(true), span)
            case "false", "False": return .literal(.bool(false), span)
            case "none", "None", "null": return .literal(.null, span)
            case "super" where isSymbol("("):
                index += 1
                try expectSymbol(")", after: "'super('")
                guard blockDepth > 0 else {
                    throw SyntaxError("'super()' can only be used inside a block", at: span)
                }
                return .superCall(span)
            default:
                if Self.reserved.contains(name) {
                    throw SyntaxError("expected an expression, found '\(name)'", at: span)
                }
                if isSymbol("(") {
                    throw SyntaxError("'\(name)(…)' is not a function", at: span,
                                      hint: "functions are not supported; filters are written 'value | \(name)(…)'")
                }
                return .variable(name, span)
            }
        case .string(let text):
            index += 1
            return .literal(.string(text), span)
        case .integer(let value):
            index += 1
            return .literal(.int(value), span)
        case .number(let value):
            index += 1
            return .literal(.double(value), span)
        case .symbol("("):
            index += 1
            let inner = try parseExpression()
            try expectSymbol(")", after: "the expression in parentheses")
            return inner
        case .symbol("["):
            index += 1
            var elements: [Expression] = []
            while !isSymbol("]") {
                elements.append(try parseExpression())
                if !consumeSymbol(",") { break }
            }
            try expectSymbol("]", after: "the list")
            return .list(elements, span)
        case .symbol("{"):
            index += 1
            var entries: [(key: String, value: Expression)] = []
            while !isSymbol("}") {
                guard case .string(let key) = tokens[index].kind else {
                    throw SyntaxError("expected a quoted key, found \(tokens[index].display)", at: tokens[index].span)
                }
                index += 1
                try expectSymbol(":", after: "the key")
                entries.append((key, try parseExpression()))
                if !consumeSymbol(",") { break }
            }
            try expectSymbol("}", after: "the dictionary")
            return .dict(entries, span)
        default:
            throw SyntaxError("expected an expression, found \(token.display)", at: span)
        }
    }
}
