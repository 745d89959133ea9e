/// The parsed form of templates: immutable, `Sendable`, every node with its `Span`.

/// An expression inside `{{ }}` or a tag.
indirect enum Expression: Sendable {
    case literal(Value, Span)
    case variable(String, Span)
    /// `base.name`; the span points at `name`.
    case attribute(Expression, String, Span)
    /// `base[key]`; the span points at `[`.
    case index(Expression, Expression, Span)
    case list([Expression], Span)
    case dict([(key: String, value: Expression)], Span)
    case unary(UnaryOperator, Expression, Span)
    case binary(BinaryOperator, Expression, Expression, Span)
    /// `input | name(arguments)`.
    case filter(Expression, FilterCall)
    /// `input is [not] name`.
    case test(Expression, TestCall)
    /// `value if condition else otherwise`.
    case conditional(Expression, condition: Expression, otherwise: Expression?, Span)
    /// `super()` inside a block: the parent template's version of the block.
    case superCall(Span)

    var span: Span {
        switch self {
        case .literal(_, let span), .variable(_, let span), .attribute(_, _, let span), .index(_, _, let span),
            .list(_, let span), .dict(_, let span), .unary(_, _, let span), .binary(_, _, _, let span),
            .conditional(_, _, _, let span), .superCall(let span):
            return span
        case .filter(_, let call): return call.span
        case .test(_, let call): return call.span
        }
    }

    /// How the expression reads in messages, for variables and attribute chains (`page.image`).
    var display: String? {
        switch self {
        case .variable(let name, _): return name
        case .attribute(let base, let name, _): return base.display.map { "\($0).\(name)" }
        case .index(let base, .literal(.int(let index), _), _): return base.display.map { "\($0)[\(index)]" }
        case .index(let base, .literal(.string(let key), _), _): return base.display.map { "\($0)[\"\(key)\"]" }
        default: return nil
        }
    }
}

enum UnaryOperator: String, Sendable {
    case not
    case negate = "-"
}

enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`, notIn = "not in"
    case concat = "~"
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}

/// A filter application, resolved against the filter table at parse time.
struct FilterCall: Sendable {
    let name: String
    let arguments: [Expression]
    let definition: FilterDefinition
    let span: Span
}

/// An `is` test such as `is defined` or `is not none`.
struct TestCall: Sendable {
    let name: String
    let negated: Bool
    let span: Span
}

/// A statement or piece of output of a template.
///
/// Indirect, so the renderer's walk over the nodes copies one reference per node instead
/// of every field of the case.
indirect enum Node: Sendable {
    case text(String, Span)
    case output(Expression, Span)
    case conditional([ConditionalBranch], otherwise: [Node]?)
    case loop(Loop)
    /// `{% set name = value %}`
    case assign(String, Expression, Span)
    /// `{% set name %}…{% endset %}`: the rendered body, as safe HTML.
    case capture(String, [Node], Span)
    case include(Include)
    /// Where block `name` goes; its body lives in `Template.blocks`.
    case block(String, Span)
}

struct ConditionalBranch: Sendable {
    let condition: Expression
    let body: [Node]
    let span: Span
}

/// `{% for a[, b] in iterable %} body {% else %} otherwise {% endfor %}`
///
/// Loops and includes are classes so that the renderer's walk over the nodes copies one
/// reference per node, not each of their fields.
final class Loop: Sendable {
    let targets: [String]
    let iterable: Expression
    let body: [Node]
    let otherwise: [Node]?
    let span: Span

    init(targets: [String], iterable: Expression, body: [Node], otherwise: [Node]?, span: Span) {
        self.targets = targets
        self.iterable = iterable
        self.body = body
        self.otherwise = otherwise
        self.span = span
    }
}

/// `{% include "name" [with a = x, b = y] %}`
final class Include: Sendable {
    let name: String
    let bindings: [(name: String, value: Expression)]
    let span: Span

    init(name: String, bindings: [(name: String, value: Expression)], span: Span) {
        self.name = name
        self.bindings = bindings
        self.span = span
    }
}

/// `{% block name %} … {% endblock %}`
struct Block: Sendable {
    let name: String
    let body: [Node]
    let span: Span
}

/// One parsed template: its nodes, its blocks by name, and the template it extends.
///
/// A class, so the renderer can hold and switch between templates without copying them.
final class Template: Sendable {
    let name: String
    let source: String
    let nodes: [Node]
    let blocks: [String: Block]
    /// `{% extends "name" %}`: the parent's name and where the tag is.
    let parent: (name: String, span: Span)?
    /// Every `include` in the template, for the checks across templates.
    let includes: [(name: String, span: Span)]

    init(name: String, source: String, nodes: [Node], blocks: [String: Block], parent: (name: String, span: Span)?,
         includes: [(name: String, span: Span)])
    {
        self.name = name
        self.source = source
        self.nodes = nodes
        self.blocks = blocks
        self.parent = parent
        self.includes = includes
    }
}
