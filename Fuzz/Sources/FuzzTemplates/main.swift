import Diagnostics
import Foundation
import FuzzSupport
import Templates

// Templates: lexer, parser, checks and renderer.
// - Input: up to four parts cut at lines `===`: page.html, base.html, partials/item.html,
//   and text for the variables `fuzz`, `a` and `b`.
// - Loading and rendering never crash; every error is a DiagnosticList whose diagnostics
//   carry a location in one of the templates, at a line and column it has (LocationCheck).
// - Fuzz text printed through `{{ }}` and through every text filter (autoescape on) has
//   no raw `<`, `>` or quote; `| json` has no `<` (it is written into <script>).
let names = ["page.html", "base.html", "partials/item.html"]
let settings = TemplateSettings(language: "de", timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current,
                                baseURL: "https://magazin.example/")

/// One template per expression, so each output is only what the expression printed.
let escapedExpressions = [
    "{{ fuzz }}", "{{ fuzz | upper }}", "{{ fuzz | lower }}", "{{ fuzz | capitalize }}", "{{ fuzz | trim }}",
    "{{ fuzz | truncate(12) }}", "{{ fuzz | truncate(5, a) }}", "{{ fuzz | replace(a, b) }}",
    "{{ fuzz | striptags }}", "{{ fuzz | urlencode }}", "{{ fuzz | slugify }}", "{{ fuzz | escape }}",
    "{{ fuzz | e }}", "{{ fuzz ~ a }}", "{{ a ~ (fuzz | escape) }}", "{{ missing | default(fuzz) }}",
    "{{ fuzz | first }}", "{{ fuzz | last }}", "{{ fuzz | reverse }}", "{{ fuzz | absolute_url }}",
    "{{ [fuzz, a, b] | join(b) }}", "{{ [a, b, fuzz] | sort | join(\", \") }}", "{{ fuzz if a else b }}",
    "{{ fuzz + a }}", "{% set x = fuzz %}{{ x }}", "{% for c in [fuzz, a] %}{{ c }}{% endfor %}",
    "{{ {\"k\": fuzz}.k }}", "{{ fuzz | striptags | truncate(8) }}", "{{ (fuzz | safe) | striptags }}",
]
let escapingSources: [String: String] = {
    var sources: [String: String] = ["json.html": "{{ fuzz | json }}"]
    for (number, expression) in escapedExpressions.enumerated() { sources["e\(number).html"] = expression }
    return sources
}()
let escapingSet: TemplateSet? = {
    do {
        return try TemplateSet(sources: escapingSources, settings: settings)
    } catch {
        FileHandle.standardError.write(Data("the escaping templates do not load: \(error)\n".utf8))
        return nil
    }
}()

func checkLocated(_ error: any Error, sources: [String: String], stage: String) {
    guard let list = error as? DiagnosticList else {
        Invariant.require(false, "\(stage) threw \(error), not a DiagnosticList")
        return
    }
    Invariant.require(!list.diagnostics.isEmpty, "\(stage) threw no diagnostics")
    for diagnostic in list.diagnostics {
        guard let location = diagnostic.location else {
            Invariant.require(false, "\(stage): diagnostic without a location: \(diagnostic)")
            continue
        }
        let name = location.file.hasPrefix("templates/") ? String(location.file.dropFirst(10)) : location.file
        guard let source = sources[name] else {
            Invariant.require(false, "\(stage): diagnostic in an unknown file: \(diagnostic)")
            continue
        }
        LocationCheck.require(location, in: SourceText(source), "\(stage): \(diagnostic)")
    }
}

func context(_ text: String) -> [String: Value] {
    let words = text.split(separator: " ").prefix(8).map { Value.string(String($0)) }
    return [
        "fuzz": .string(text),
        "a": .string(String(text.prefix(3))),
        "b": .string(String(text.suffix(2))),
        "items": .array(words + [.int(3), .double(2.5), .null, .bool(true)]),
        "page": .dict([
            "title": .string(text), "url": "/politik/fuzz/", "tags": .array(words),
            "date": .date(Date(timeIntervalSince1970: 1_656_000_000)), "body": .safe("<p>Text</p>"),
            "comments": .array([.dict(["author": .string(text), "replies": .array([])])]),
        ]),
        "site": .dict(["title": "Magazin", "language": "de"]),
    ]
}

FuzzDriver.run { data in
    let parts = FuzzInput.parts(of: FuzzInput.text(data), separator: "===", limit: 4)
    var sources: [String: String] = [:]
    for (name, source) in zip(names, parts) { sources[name] = source }
    let text = parts.count == 4 ? parts[3] : parts[0]
    let variables = context(text)

    do {
        let set = try TemplateSet(sources: sources, settings: settings)
        for name in set.names {
            do {
                _ = try set.render(name, context: variables)
            } catch {
                checkLocated(error, sources: sources, stage: "rendering \(name)")
            }
        }
    } catch {
        checkLocated(error, sources: sources, stage: "loading")
    }

    guard let escapingSet else { return }
    for (number, expression) in escapedExpressions.enumerated() {
        do {
            let output = try escapingSet.render("e\(number).html", context: variables)
            Invariant.require(!output.contains(where: { "<>\"'".contains($0) }),
                              "\(expression) printed raw markup: \(output.debugDescription) for \(text.debugDescription)")
        } catch {
            // Some filters refuse some text (`first` of ""): that is an error with a location, not a bug.
            checkLocated(error, sources: escapingSources, stage: expression)
        }
    }
    do {
        let json = try escapingSet.render("json.html", context: variables)
        Invariant.require(!json.contains("<"), "| json printed a raw '<': \(json.debugDescription)")
    } catch {
        checkLocated(error, sources: escapingSources, stage: "| json")
    }
}
