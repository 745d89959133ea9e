/// The checks across templates that run when a `TemplateSet` is loaded: templates named by
/// `extends` and `include` exist, `extends` chains end, and no include cycle recurses
/// unconditionally (an include inside `if` or `for` may recurse: threaded comments do).
struct TemplateChecks {
    let templates: [String: Template]
    /// Names of all templates, including those that failed to parse.
    let names: Set<String>

    /// The errors found, each with the name of the template it is in.
    func run() -> [(String, SyntaxError)] {
        var errors: [(String, SyntaxError)] = []
        for name in templates.keys.sorted() {
            guard let template = templates[name] else { continue }
            if let parent = template.parent, !names.contains(parent.name) {
                errors.append((name, missing(parent.name, at: parent.span)))
            }
            for include in template.includes where !names.contains(include.name) {
                errors.append((name, missing(include.name, at: include.span)))
            }
            if let cycle = extendsCycle(from: template), cycle.first == name,
               let span = template.parent?.span
            {
                errors.append((name, SyntaxError("circular extends: " + (cycle + [name]).joined(separator: " → "), at: span)))
            }
            if let (cycle, span) = includeCycle(from: template), cycle.first == name {
                errors.append((name, SyntaxError("circular include: " + (cycle + [name]).joined(separator: " → "), at: span,
                                                 hint: "put the include inside an 'if' or 'for' that ends the recursion")))
            }
        }
        return errors
    }

    private func missing(_ name: String, at span: Span) -> SyntaxError {
        SyntaxError("template '\(name)' not found", at: span, hint: didYouMean(name, in: names.sorted()))
    }

    /// The templates of an `extends` cycle that `template` is part of, starting with the
    /// smallest name, or nil.
    private func extendsCycle(from template: Template) -> [String]? {
        var path = [template.name]
        var current = template
        while let parent = current.parent, let next = templates[parent.name] {
            if let start = path.firstIndex(of: next.name) {
                guard start == 0 else { return nil }
                return rotatedToSmallest(path)
            }
            path.append(next.name)
            current = next
        }
        return nil
    }

    /// An unconditional include cycle through `template`, and the first include tag on it.
    private func includeCycle(from template: Template) -> ([String], Span)? {
        var visited: Set<String> = []
        func search(_ name: String, path: [String]) -> [String]? {
            guard let current = templates[name] else { return nil }
            for target in Self.unconditionalIncludes(current.nodes).map(\.name) {
                if target == template.name { return path }
                if visited.insert(target).inserted, let found = search(target, path: path + [target]) { return found }
            }
            return nil
        }
        guard let cycle = search(template.name, path: [template.name]) else { return nil }
        let first = cycle.count > 1 ? cycle[1] : template.name
        guard let span = Self.unconditionalIncludes(template.nodes).first(where: { $0.name == first })?.span else { return nil }
        return (rotatedToSmallest(cycle) == cycle ? cycle : rotatedToSmallest(cycle), span)
    }

    private func rotatedToSmallest(_ cycle: [String]) -> [String] {
        guard let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[smallest...] + cycle[..<smallest])
    }

    /// Includes rendered whenever `nodes` are: not inside `if`, `for` or blocks.
    private static func unconditionalIncludes(_ nodes: [Node]) -> [Include] {
        var found: [Include] = []
        for node in nodes {
            switch node {
            case .include(let include): found.append(include)
            case .capture(_, let body, _): found += unconditionalIncludes(body)
            default: continue
            }
        }
        return found
    }
}
