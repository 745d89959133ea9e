/// Evaluating expressions.
///
/// Undefined values are strict: an unknown variable, a missing dictionary key, an index
/// out of range and an attribute of null are all errors — except in the operand of
/// `is defined` / `is undefined` and of the `default` filter, which are looked up
/// leniently (`lookup`): there any of these simply count as undefined. Only the chain of
/// variable, `.name` and `[key]` directly under the test or filter is lenient;
/// `(x | upper) | default("")` still fails when `x` is undefined.
extension Renderer {
    func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .literal(let value, _):
            return value
        case .variable(let name, let span):
            if let value = scope.lookup(name) { return value }
            if poisoned.contains(name) { throw RenderError(diagnostic: nil) }
            let names = scope.names
            let known = names.count <= 12 && !names.isEmpty ? "defined here: " + names.sorted().joined(separator: ", ") : nil
            throw failure("undefined variable '\(name)'", at: span, hint: didYouMean(name, in: names) ?? known)
        case .attribute(let base, let name, let span):
            if case .variable("loop", _) = base, let loop = scope.innermostLoop {
                if let value = loop.attribute(name) { return value }
                throw failure("'loop' has no attribute '\(name)'", at: span,
                              hint: didYouMean(name, in: LoopState.attributes))
            }
            return try attribute(name, of: try evaluate(base), base: base, at: span)
        case .index(let base, let key, let span):
            let container = try evaluate(base)
            return try element(try evaluate(key), of: container, base: base, at: span)
        case .list(let elements, _):
            var items: [Value] = []
            items.reserveCapacity(elements.count)
            for element in elements { items.append(try evaluate(element)) }
            return .array(items)
        case .dict(let entries, _):
            var result: [String: Value] = [:]
            for entry in entries { result[entry.key] = try evaluate(entry.value) }
            return .dict(result)
        case .unary(.not, let operand, _):
            return .bool(!(try evaluate(operand).isTruthy))
        case .unary(.negate, let operand, let span):
            switch try evaluate(operand) {
            case .int(let number): return .int(-number)
            case .double(let number): return .double(-number)
            case let other: throw failure("cannot negate a \(other.typeName)", at: span)
            }
        case .binary(let op, let left, let right, let span):
            return try binary(op, left, right, at: span)
        case .filter(let input, let call):
            let value = call.definition.acceptsUndefined ? (try lookup(input) ?? .null) : try evaluate(input)
            var arguments: [Value] = []
            arguments.reserveCapacity(call.arguments.count)
            for argument in call.arguments { arguments.append(try evaluate(argument)) }
            do {
                return try call.definition.apply(value, arguments, set.environment)
            } catch {
                throw failure(error.message, at: call.span, hint: error.hint)
            }
        case .test(let input, let call):
            return .bool(try test(call, input) != call.negated)
        case .conditional(let value, let condition, let otherwise, _):
            if try evaluate(condition).isTruthy { return try evaluate(value) }
            return try otherwise.map { try evaluate($0) } ?? .null
        case .superCall(let span):
            let buffer = OutputBuffer()
            try renderSuper(at: span, into: buffer)
            return .safe(buffer.string)
        }
    }

    /// The value of a variable / attribute / index chain, or nil when any link is undefined or null.
    func lookup(_ expression: Expression) throws -> Value? {
        switch expression {
        case .variable(let name, _):
            return scope.lookup(name)
        case .attribute(.variable("loop", _), let name, _) where scope.innermostLoop != nil:
            return scope.innermostLoop?.attribute(name)
        case .attribute(let base, let name, _):
            return try lookup(base)?.field(name)
        case .index(let base, let keyExpression, _):
            guard let container = try lookup(base)?.expanded else { return nil }
            let key = try evaluate(keyExpression)
            switch (container, key) {
            case (.array(let items), .int(let position)):
                let resolved = position < 0 ? items.count + position : position
                guard items.indices.contains(resolved) else { return Value?.none }
                return items[resolved]
            case (.dict(let entries), _):
                return key.text.flatMap { entries[$0] }
            default:
                return nil
            }
        default:
            return try evaluate(expression)
        }
    }

    private func attribute(_ name: String, of value: Value, base: Expression, at span: Span) throws -> Value {
        if let found = value.field(name) { return found }
        let value = value.expanded
        let what = base.display.map { "'\($0)'" } ?? "the value"
        switch value {
        case .dict(let entries):
            throw failure("\(what) has no attribute '\(name)'", at: span,
                          hint: didYouMean(name, in: entries.keys) ?? Self.listing(entries.keys))
        case .null:
            throw failure("cannot read '\(name)' of null: \(what) is null", at: span,
                          hint: "check with '{% if \(base.display ?? "…") %}' or write '| default(…)'")
        default:
            throw failure("cannot read '\(name)' of a \(value.typeName) (\(what))", at: span)
        }
    }

    private func element(_ key: Value, of container: Value, base: Expression, at span: Span) throws -> Value {
        var what: String { base.display.map { "'\($0)'" } ?? "the value" }
        switch (container.expanded, key) {
        case (.array(let items), .int(let position)):
            let resolved = position < 0 ? items.count + position : position
            guard items.indices.contains(resolved) else {
                throw failure("index \(position) is out of range: \(what) has \(items.count) item\(items.count == 1 ? "" : "s")",
                              at: span)
            }
            return items[resolved]
        case (.dict(let entries), .string(let name)), (.dict(let entries), .safe(let name)):
            if let found = entries[name] { return found }
            throw failure("\(what) has no key '\(name)'", at: span,
                          hint: didYouMean(name, in: entries.keys) ?? Self.listing(entries.keys))
        case (.null, _):
            throw failure("cannot index null: \(what) is null", at: span)
        default:
            throw failure("cannot index a \(container.typeName) with a \(key.typeName)", at: span)
        }
    }

    /// "it has: a, b, c" for short key lists.
    static func listing(_ keys: some Collection<String>) -> String? {
        guard !keys.isEmpty, keys.count <= 12 else { return nil }
        return "it has: " + keys.sorted().joined(separator: ", ")
    }

    private func test(_ call: TestCall, _ input: Expression) throws -> Bool {
        switch call.name {
        case "defined": return try lookup(input) != nil
        case "undefined": return try lookup(input) == nil
        default: break
        }
        let value = try evaluate(input)
        switch call.name {
        case "none": return value == .null
        case "string": return value.text != nil
        case "number": return value.number != nil
        case "sequence": if case .array = value { return true } else { return false }
        case "mapping": if case .dict = value { return true } else { return false }
        default:
            guard case .int(let number) = value else {
                throw failure("'is \(call.name)' needs a whole number, got \(value.typeName)", at: call.span)
            }
            return call.name == "odd" ? number % 2 != 0 : number % 2 == 0
        }
    }
}
