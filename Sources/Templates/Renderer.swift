import Diagnostics

/// Renders parsed templates into one growing `String`.
///
/// A `Renderer` lives for one `TemplateSet.render` call on one thread, so it may keep
/// mutable state (the scope, the include chain, the blocks being rendered) while the
/// `TemplateSet` itself stays immutable and shared between threads. It is a class so
/// that this state is never copied as the renderer recurses.
///
/// A failing node does not end the render: its error is recorded (once per place and
/// message, however often a loop repeats it), the node is skipped and rendering goes on,
/// so one render reports every mistake a template makes with this data. A variable
/// whose `set` failed is not reported again where it is used.
///
/// The mutable state is marked `@exclusivity(unchecked)`: the runtime check costs a call
/// on every variable lookup, and it has nothing to catch, since a renderer stays on one
/// thread and mutates its state only between evaluations (`scope.set(name, try
/// evaluate(…))` evaluates before the write begins), never while a read is under way.
final class Renderer {
    static let maxIncludeDepth = 64
    /// After this many different errors the render stops.
    static let maxErrors = 20

    struct ActiveBlock {
        let definitions: [(template: Template, block: Block)]
        let level: Int
    }

    let set: TemplateSet
    @exclusivity(unchecked) var scope: Scope
    /// The template whose nodes are being rendered; errors point into it.
    @exclusivity(unchecked) var current: Template
    /// The template `render` was called for.
    let root: Template
    /// The template being rendered and the templates it extends, most derived first.
    @exclusivity(unchecked) var chain: [Template] = []
    @exclusivity(unchecked) var activeBlocks: [ActiveBlock] = []
    /// Where each active `include` tag is: the including template and the tag's position.
    @exclusivity(unchecked) var includeStack: [(template: String, span: Span)] = []
    /// The errors recorded so far, in the order found, and their keys (`file:line:col message`).
    private(set) var errors: [Diagnostic] = []
    private var errorKeys: Set<String> = []
    /// Variables whose `set` failed; using them later is a follow-up error, not reported.
    @exclusivity(unchecked) var poisoned: Set<String> = []

    init(set: TemplateSet, template: Template, context: [String: Value]) {
        self.set = set
        self.root = template
        self.current = template
        scope = Scope(context: context)
    }

    // MARK: - Templates and inheritance

    /// Renders `template`, following its `extends` chain up to the root layout.
    func render(template: Template, into out: OutputBuffer) throws {
        var chain = [template]
        var top = template
        while let parent = top.parent {
            guard let next = set.templates[parent.name], !chain.contains(where: { $0.name == parent.name }) else {
                current = top
                throw failure("cannot extend '\(parent.name)'", at: parent.span)
            }
            chain.append(next)
            top = next
        }
        let saved = (chain: self.chain, current: current, blocks: activeBlocks)
        defer { (self.chain, current, activeBlocks) = saved }
        self.chain = chain
        activeBlocks = []
        let discarded = OutputBuffer()
        for derived in chain.dropLast() {
            current = derived
            for node in derived.nodes {
                switch node {
                case .assign, .capture: try render(node, into: discarded)
                default: continue
                }
            }
        }
        current = top
        try render(top.nodes, into: out)
    }

    func render(_ nodes: [Node], into out: OutputBuffer) throws {
        for node in nodes {
            do {
                try render(node, into: out)
            } catch let error as RenderError {
                try recover(from: error, in: node)
            }
        }
    }

    /// Records `error` raised by `node` and lets rendering continue, or throws once too many
    /// errors have been found.
    private func recover(from error: RenderError, in node: Node) throws {
        if case .assign(let name, _, _) = node { poisoned.insert(name) }
        guard let diagnostic = error.diagnostic else { return }
        let key = "\(diagnostic.location.map(\.description) ?? "") \(diagnostic.message)"
        guard errorKeys.insert(key).inserted else { return }
        errors.append(diagnostic)
        if errors.count >= Self.maxErrors { throw RenderStop() }
    }

    /// Records `error` and ends the whole render. Used past the include depth limit: going on
    /// with the next item of every loop on the way down would repeat the runaway recursion
    /// once per item and level, which never finishes for a partial that loops over a list
    /// and includes itself.
    private func stop(_ error: RenderError) -> RenderStop {
        if let diagnostic = error.diagnostic {
            errorKeys.insert("\(diagnostic.location.map(\.description) ?? "") \(diagnostic.message)")
            errors.append(diagnostic)
        }
        return RenderStop()
    }

    func render(_ node: Node, into out: OutputBuffer) throws {
        switch node {
        case .text(let text, _):
            out.append(text)
        case .output(.superCall(let span), _):
            try renderSuper(at: span, into: out)
        case .output(let expression, _):
            try write(try evaluate(expression), into: out, at: expression.span)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                guard try evaluate(branch.condition).isTruthy else { continue }
                try render(branch.body, into: out)
                return
            }
            if let otherwise { try render(otherwise, into: out) }
        case .loop(let loop):
            try render(loop, into: out)
        case .assign(let name, let expression, _):
            scope.set(name, try evaluate(expression))
        case .capture(let name, let body, _):
            let buffer = OutputBuffer()
            try render(body, into: buffer)
            scope.set(name, .safe(buffer.string))
        case .include(let include):
            try render(include, into: out)
        case .block(let name, let span):
            let definitions = chain.compactMap { template in template.blocks[name].map { (template, $0) } }
            guard !definitions.isEmpty else { throw failure("block '\(name)' is not defined here", at: span) }
            try renderBlock(definitions, level: 0, into: out)
        }
    }

    private func renderBlock(_ definitions: [(template: Template, block: Block)], level: Int,
                                      into out: OutputBuffer) throws
    {
        let saved = current
        activeBlocks.append(ActiveBlock(definitions: definitions, level: level))
        current = definitions[level].template
        defer {
            activeBlocks.removeLast()
            current = saved
        }
        try render(definitions[level].block.body, into: out)
    }

    /// `super()`: the next less derived definition of the block being rendered.
    func renderSuper(at span: Span, into out: OutputBuffer) throws {
        guard let active = activeBlocks.last else {
            throw failure("'super()' can only be used inside a block", at: span)
        }
        let next = active.level + 1
        guard next < active.definitions.count else {
            let name = active.definitions[active.level].block.name
            throw failure("block '\(name)' has no parent block to call 'super()' on", at: span,
                          hint: "no template that \(current.name) extends defines block '\(name)'")
        }
        try renderBlock(active.definitions, level: next, into: out)
    }

    // MARK: - Loops and includes

    private func render(_ loop: Loop, into out: OutputBuffer) throws {
        let iterable = try evaluate(loop.iterable).expanded
        let pairs = loop.targets.count == 2
        switch iterable {
        case .array(let items):
            guard !items.isEmpty else { return try render(loop.otherwise ?? [], into: out) }
            scope.push()
            defer { scope.pop() }
            for (position, item) in items.enumerated() {
                if pairs {
                    guard case .array(let parts) = item, parts.count == 2 else {
                        throw failure("cannot unpack item \(position) (a \(item.typeName)) into '\(loop.targets[0])' and '\(loop.targets[1])'",
                                      at: loop.iterable.span, hint: "two loop variables need a dictionary or a list of pairs")
                    }
                    scope.set(loop.targets[0], parts[0])
                    scope.set(loop.targets[1], parts[1])
                } else {
                    scope.set(loop.targets[0], item)
                }
                scope.setLoop(LoopState(index0: position, length: items.count))
                try render(loop.body, into: out)
            }
        case .dict(let entries):
            guard !entries.isEmpty else { return try render(loop.otherwise ?? [], into: out) }
            scope.push()
            defer { scope.pop() }
            for (position, key) in entries.keys.sorted().enumerated() {
                scope.set(loop.targets[0], .string(key))
                if pairs { scope.set(loop.targets[1], entries[key] ?? .null) }
                scope.setLoop(LoopState(index0: position, length: entries.count))
                try render(loop.body, into: out)
            }
        default:
            let what = loop.iterable.display.map { " '\($0)'" } ?? ""
            throw failure("cannot loop over\(what): it is \(iterable.typeName == "null" ? "null" : "a \(iterable.typeName)")",
                          at: loop.iterable.span,
                          hint: iterable == .null ? "guard it with '{% if … %}' or write '| default([])'" : "'for' needs a list or a dictionary")
        }
    }

    private func render(_ include: Include, into out: OutputBuffer) throws {
        guard includeStack.count < Self.maxIncludeDepth else {
            var message = "include depth limit of \(Self.maxIncludeDepth) exceeded"
            if includeStack.contains(where: { $0.template == include.name }) || current.name == include.name {
                message += " ('\(include.name)' includes itself without end)"
            }
            throw stop(failure(message, at: include.span, hint: "check the condition that ends the recursion"))
        }
        guard let target = set.templates[include.name] else {
            throw failure("template '\(include.name)' not found", at: include.span,
                          hint: didYouMean(include.name, in: set.templates.keys))
        }
        var bindings: [String: Value] = [:]
        for binding in include.bindings { bindings[binding.name] = try evaluate(binding.value) }
        includeStack.append((current.name, include.span))
        scope.push(bindings)
        defer {
            scope.pop()
            includeStack.removeLast()
        }
        try render(template: target, into: out)
    }

    // MARK: - Printing

    /// Appends `value` to `out`: escaped, unless it is safe HTML.
    func write(_ value: Value, into out: OutputBuffer, at span: Span) throws {
        switch value {
        case .string(let text): out.appendEscaped(text)
        case .safe(let html): out.append(html)
        case .int(let number): out.append(String(number))
        case .double(let number): out.append(formatNumber(number))
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .null: break
        case .date(let date): out.append(set.environment.dates.iso8601(date))
        case .array, .dict, .record:
            throw failure("cannot print a \(value.typeName)", at: span,
                          hint: value.typeName == "list" ? "loop over it with 'for' or use '| join(\", \")'" : "print one of its attributes")
        }
    }

    // MARK: - Errors

    /// An error at `span` in the current template, with its source line and the include chain.
    func failure(_ message: String, at span: Span, hint: String? = nil) -> RenderError {
        let location = SourceLocation(file: set.pathPrefix + current.name, line: span.line, column: span.column)
        var notes = Self.collapsingRepeats(includeStack.reversed().map { "included from \(set.pathPrefix)\($0.template):\($0.span)" })
        if notes.count > 12 {
            notes = Array(notes.prefix(6)) + ["… \(notes.count - 11) more includes …"] + Array(notes.suffix(5))
        }
        if (includeStack.first?.template ?? current.name) != root.name {
            notes.append("while rendering \(set.pathPrefix)\(root.name)")
        }
        let diagnostic = Diagnostic(.error, at: location, message, hint: hint,
                                    sourceLine: Diagnostic.line(span.line, of: current.source), notes: notes)
        return RenderError(diagnostic: diagnostic)
    }

    /// `notes` with runs of the same note written once, with a count: a template that
    /// includes itself 63 times reads `… (63 times)`.
    static func collapsingRepeats(_ notes: [String]) -> [String] {
        var result: [String] = []
        var run = 0
        for (position, note) in notes.enumerated() {
            run += 1
            guard position + 1 == notes.count || notes[position + 1] != note else { continue }
            result.append(run > 1 ? "\(note) (\(run) times)" : note)
            run = 0
        }
        return result
    }
}

/// A rendering failure, carrying its finished diagnostic; none for a follow-up error that
/// only skips the node (a variable whose `set` already failed).
struct RenderError: Error {
    let diagnostic: Diagnostic?
}

/// Thrown when a render has found `Renderer.maxErrors` errors and gives up.
struct RenderStop: Error {}
