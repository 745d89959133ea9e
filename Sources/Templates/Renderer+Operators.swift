import Basics
/// Binary operators: logic, comparison, membership, concatenation and arithmetic.
extension Renderer {
    func binary(_ op: BinaryOperator, _ leftExpression: Expression, _ rightExpression: Expression,
                         at span: Span) throws -> Value
    {
        let left = try evaluate(leftExpression)
        // `and` / `or` give back an operand, like Python: `page.image or site.logo`.
        switch op {
        case .and: return left.isTruthy ? try evaluate(rightExpression) : left
        case .or: return left.isTruthy ? left : try evaluate(rightExpression)
        default: break
        }
        let right = try evaluate(rightExpression)
        switch op {
        case .and, .or: return right
        case .equal: return .bool(left.looselyEquals(right))
        case .notEqual: return .bool(!left.looselyEquals(right))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = left.compare(to: right) else {
                throw failure("cannot compare a \(left.typeName) with a \(right.typeName) using '\(op.rawValue)'", at: span)
            }
            switch op {
            case .less: return .bool(order == .orderedAscending)
            case .lessOrEqual: return .bool(order != .orderedDescending)
            case .greater: return .bool(order == .orderedDescending)
            default: return .bool(order != .orderedAscending)
            }
        case .in, .notIn:
            guard let contained = left.isContained(in: right) else {
                throw failure("'\(op.rawValue)' needs a list, dictionary or string on its right, got a \(right.typeName)",
                              at: span)
            }
            return .bool(contained == (op == .in))
        case .concat:
            return try concatenate(left, right, at: span)
        case .add:
            if case .array(let a) = left, case .array(let b) = right { return .array(a + b) }
            if case .string(let a) = left, case .string(let b) = right { return .string(a + b) }
            return try arithmetic(op, left, right, at: span)
        case .subtract, .multiply, .divide, .remainder:
            return try arithmetic(op, left, right, at: span)
        }
    }

    /// `~`: the text of both sides. When one side is safe HTML the result is safe, with the
    /// other side escaped.
    private func concatenate(_ left: Value, _ right: Value, at span: Span) throws -> Value {
        var texts: [String] = []
        for value in [left, right] {
            do {
                texts.append(try Filters.text(of: value, for: "~", environment: set.environment))
            } catch {
                throw failure("cannot join a \(value.typeName) with '~'", at: span)
            }
        }
        switch (left, right) {
        case (.safe, .safe): return .safe(texts[0] + texts[1])
        case (.safe, _): return .safe(texts[0] + Escaping.html(texts[1]))
        case (_, .safe): return .safe(Escaping.html(texts[0]) + texts[1])
        default: return .string(texts[0] + texts[1])
        }
    }

    private func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value, at span: Span) throws -> Value {
        if case .int(let a) = left, case .int(let b) = right, op != .divide {
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            default:
                guard b != 0 else { throw failure("division by zero", at: span) }
                result = a.remainderReportingOverflow(dividingBy: b)
            }
            guard !result.overflow else { throw failure("number too large", at: span) }
            return .int(result.partialValue)
        }
        guard let a = left.number, let b = right.number else {
            throw failure("'\(op.rawValue)' needs numbers, got a \(left.typeName) and a \(right.typeName)", at: span)
        }
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw failure("division by zero", at: span) }
            return .double(a / b)
        default:
            guard b != 0 else { throw failure("division by zero", at: span) }
            return .double(a.truncatingRemainder(dividingBy: b))
        }
    }
}
