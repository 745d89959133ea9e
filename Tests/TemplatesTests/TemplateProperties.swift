import Diagnostics
import PropertyBased
import Testing
@testable import Templates

/// Properties of the template engine on random data: `{{ x }}` escapes any string, and
/// the same templates with the same context give the same bytes, however the context's
/// dictionaries were built.
@Suite struct TemplateProperties {
    @Test func printEscapesAnyString() async throws {
        let set = try TemplateSet(sources: ["t.html": "<b title=\"{{ x }}\">{{ x }}</b>"], settings: settings())
        await propertyCheck(count: 400, input: RandomValues.text) { text in
            let html = try set.render("t.html", context: ["x": .string(text)])
            guard let (attribute, content) = RandomValues.parts(of: html) else {
                Issue.record("unexpected shape: \(html.debugDescription)")
                return
            }
            for part in [attribute, content] {
                #expect(!part.contains { "<>\"'".unicodeScalars.contains($0) }, "\(text.debugDescription)")
                #expect(RandomValues.unescaped(part) == text, "\(text.debugDescription) → \(html.debugDescription)")
            }
        }
    }

    /// Rendering the same context twice, and a copy of it built in another order, gives identical bytes.
    @Test func renderingIsDeterministic() async throws {
        let set = try TemplateSet(sources: RandomValues.templates, settings: settings())
        let again = try TemplateSet(sources: RandomValues.templates, settings: settings())
        await propertyCheck(count: 200, input: RandomValues.context) { entries in
            let context = Dictionary(entries, uniquingKeysWith: { first, _ in first })
            let reordered = RandomValues.rebuilt(context)
            for name in RandomValues.templates.keys.sorted() {
                let first = RandomValues.outcome { try set.render(name, context: context) }
                #expect(first == RandomValues.outcome { try set.render(name, context: context) }, "\(name)")
                #expect(first == RandomValues.outcome { try again.render(name, context: reordered) }, "\(name)")
            }
        }
    }
}

/// Random template data: strings full of markup characters, and contexts of nested values.
enum RandomValues {
    static let pieces: [String] = [
        "a", "Z", "0", " ", "<", ">", "&", "\"", "'", "&amp;", "&lt;", "<script>", "</b>", "{{ x }}", "{%", "%}",
        "\n", "\t", "\u{0}", "ä", "e\u{0301}", "\u{0301}", "😀", "\u{2028}", "javascript:", "\\", "/",
    ]
    static let piece = Gen<String?>.element(of: pieces).map { $0 ?? "" }
    static let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { value in
        Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
    }
    static let text = Gen.frequency((4, piece), (1, scalar)).array(of: 0...20).map { $0.joined() }

    static let key = Gen<String?>.element(of: ["x", "s", "n", "a", "d", "b", "y", "title", "k"]).map { $0 ?? "x" }

    /// A string, number, bool, null, or a list or dictionary of strings.
    static let value = zip(Gen<Int>.value(in: 0...6), text, Gen<Int>.value(in: -1000...1000), text.array(of: 0...4))
        .map { kind, text, number, texts -> Value in
            switch kind {
            case 0: .string(text)
            case 1: .int(number)
            case 2: .double(Double(number) / 7)
            case 3: .bool(number > 0)
            case 4: .array(texts.map(Value.string))
            case 5: .dict(Dictionary(texts.enumerated().map { ("k\($0.offset % 3)", Value.string($0.element)) },
                                     uniquingKeysWith: { first, _ in first }))
            default: .null
            }
        }

    static let context = zip(key, value).array(of: 0...8)

    /// Templates that print, loop over, filter and serialize whatever the context holds.
    static let templates: [String: String] = [
        "print.html": "{{ x | default('-') }}|{{ s | default('') | upper }}|{{ n | default(0) }}",
        "loops.html": "{% for k, v in d | default({}) %}{{ k }}={{ v }};{% endfor %}{% for i in a | default([]) %}{{ loop.index }}:{{ i }}{% endfor %}",
        "filters.html": "{{ a | default([]) | join(',') }}|{{ a | default([]) | length }}|{{ s | default('') | truncate(5) }}|{{ s | default('') | slugify }}|{{ s | default('') | urlencode }}|{{ s | default('') | striptags }}",
        "json.html": "<script>{{ d | default(null) | json }} {{ a | default(null) | json }} {{ x | default(null) | json }}</script>",
        "sorted.html": "{{ a | default([]) | sort | join('/') }}|{{ a | default([]) | reverse | first | default('') }}",
    ]

    /// The output, or the diagnostics if the render failed: both must be deterministic.
    static func outcome(_ render: () throws -> String) -> String {
        do {
            return "ok: " + (try render())
        } catch {
            return "error: \(error)"
        }
    }

    /// The same context with every dictionary rebuilt from its entries in reverse order,
    /// so any dependence on a dictionary's internal order shows up.
    static func rebuilt(_ context: [String: Value]) -> [String: Value] {
        var copy: [String: Value] = [:]
        for (key, value) in context.reversed() { copy[key] = rebuilt(value) }
        return copy
    }

    static func rebuilt(_ value: Value) -> Value {
        switch value {
        case .array(let items):
            return .array(items.map(rebuilt))
        case .dict(let entries):
            var copy: [String: Value] = [:]
            for (key, item) in entries.reversed() { copy[key] = rebuilt(item) }
            return .dict(copy)
        default:
            return value
        }
    }

    /// The attribute value and the element content of `<b title="…">…</b>`, as scalars:
    /// a combining mark after a quote must not hide it.
    static func parts(of html: String) -> (String.UnicodeScalarView.SubSequence, String.UnicodeScalarView.SubSequence)? {
        let scalars = html.unicodeScalars
        let open = "<b title=\"".unicodeScalars, close = "</b>".unicodeScalars
        guard scalars.starts(with: open), scalars.reversed().starts(with: close.reversed()) else { return nil }
        let inner = scalars.dropFirst(open.count).dropLast(close.count)
        guard let quote = inner.firstIndex(of: "\""), inner[inner.index(after: quote)...].first == ">" else { return nil }
        return (inner[..<quote], inner[inner.index(quote, offsetBy: 2)...])
    }

    /// Resolves the five references the engine writes: `&amp; &lt; &gt; &quot; &#39;`.
    static func unescaped(_ html: String.UnicodeScalarView.SubSequence) -> String {
        let references = ["&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&amp;": "&"]
        var out = ""
        var rest = html
        while let first = rest.first {
            if first == "&", let (reference, text) = references.first(where: { rest.starts(with: $0.key.unicodeScalars) }) {
                out += text
                rest = rest.dropFirst(reference.unicodeScalars.count)
            } else {
                out.unicodeScalars.append(first)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
