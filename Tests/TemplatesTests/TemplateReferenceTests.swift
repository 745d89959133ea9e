import Foundation
import Testing
@testable import Templates

/// `docs/templates.md` is the reference of the template language: every example in it
/// prints what the page says, and every filter and test of the code has its place there.
@Suite struct TemplateReferenceTests {
    private static let text: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/templates.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The variables the reference says its examples are rendered with.
    private static let context: [String: Value] = [
        "d": .date(midsummer),
        "authors": .array([["name": "Max Beispiel"], ["name": "Erika Muster"]]),
        "body": .safe("<p>Ein <b>kurzer</b> Text &amp; mehr</p>"),
    ]

    /// The settings the reference says its examples are rendered with.
    private static let settings = TemplateSettings(
        language: "de", timeZone: berlin, baseURL: "https://verlag.example/magazin/",
        assets: ["/css/style.css": "/css/style.3f9a0c41d2.css"])

    /// Lines `template  →  output` inside the reference's code blocks.
    static let examples: [String] = {
        var inCode = false
        var found: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            if inCode, line.contains("  →  ") { found.append(String(line)) }
        }
        return found
    }()

    @Test func theReferenceHasExamples() {
        #expect(Self.examples.count > 40)
    }

    @Test(arguments: examples) func examplePrintsWhatTheReferenceSays(_ line: String) throws {
        let parts = line.components(separatedBy: "  →  ")
        try #require(parts.count == 2)
        let set = try TemplateSet(sources: ["t.html": parts[0]], settings: Self.settings)
        #expect(try set.render("t.html", context: Self.context) == parts[1], "\(parts[0])")
    }

    @Test func everyFilterHasASection() {
        let headings = Self.text.split(separator: "\n").filter { $0.hasPrefix("### ") }.joined(separator: "\n")
        for name in Filters.table.keys.sorted() {
            #expect(headings.contains("`\(name)`"), "no section for the filter '\(name)' in docs/templates.md")
        }
    }

    @Test func everyTestIsInTheTable() {
        let rows = Self.text.split(separator: "\n").filter { $0.hasPrefix("| `") }.joined(separator: "\n")
        for name in Parser.testNames {
            #expect(rows.contains("`\(name)`"), "the test '\(name)' is missing from docs/templates.md")
        }
    }

    @Test func theErrorExampleIsWhatTheRendererSays() {
        let message = failure(["article.html": "<h1>{{ artcle.title }}</h1>"], "article.html", ["article": ["title": "T"]])
        let first = message.split(separator: "\n").first.map(String.init) ?? ""
        #expect(Self.text.contains("\n" + first + "\n"), "\(first)")
    }
}
