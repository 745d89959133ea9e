import Diagnostics
import Foundation
import Testing
@testable import Templates

/// Europe/Berlin, the timezone of the sample magazine.
let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

/// 2022-06-22T10:15:00+02:00, a Wednesday.
let midsummer = Date(timeIntervalSince1970: 1_655_885_700)
/// 2022-03-06T23:30:00Z: already Monday 2022-03-07 00:30 in Berlin.
let marchNight = Date(timeIntervalSince1970: 1_646_609_400)
/// 2022-12-31T23:30:00Z: Sunday 2023-01-01 00:30 in Berlin.
let newYear = Date(timeIntervalSince1970: 1_672_529_400)
/// 2022-01-01T00:05:09Z: Saturday 01:05:09 in Berlin.
let earlyJanuary = Date(timeIntervalSince1970: 1_640_995_509)

func settings(_ language: String = "de") -> TemplateSettings {
    TemplateSettings(language: language, timeZone: berlin, baseURL: "https://magazin.example/")
}

/// Renders a single template called `t.html`.
func render(_ template: String, _ context: [String: Value] = [:], language: String = "de") throws -> String {
    try TemplateSet(sources: ["t.html": template], settings: settings(language)).render("t.html", context: context)
}

/// Renders `name` from a set of templates.
func render(_ sources: [String: String], _ name: String, _ context: [String: Value] = [:]) throws -> String {
    try TemplateSet(sources: sources, settings: settings()).render(name, context: context)
}

/// The full text of the diagnostics from loading `sources` and rendering `name`, or
/// `"no error"` when both succeed.
func failure(_ sources: [String: String], _ name: String = "t.html", _ context: [String: Value] = [:]) -> String {
    do {
        let set = try TemplateSet(sources: sources, settings: settings())
        _ = try set.render(name, context: context)
        return "no error"
    } catch let list as DiagnosticList {
        return list.description
    } catch {
        return "unexpected \(error)"
    }
}

func failure(_ template: String, _ context: [String: Value] = [:]) -> String {
    failure(["t.html": template], "t.html", context)
}

/// One template, its context and the output it must give.
struct RenderCase: Sendable, CustomTestStringConvertible {
    let template: String
    let context: [String: Value]
    let expected: String
    let language: String

    init(_ template: String, _ context: [String: Value] = [:], _ expected: String, language: String = "de") {
        self.template = template
        self.context = context
        self.expected = expected
        self.language = language
    }

    var testDescription: String { template }

    func check() throws {
        let actual = try render(template, context, language: language)
        #expect(actual == expected, "\(template)")
    }
}

/// Templates, the one to render, its context and the exact diagnostics expected.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let label: String
    let sources: [String: String]
    let name: String
    let context: [String: Value]
    let expected: String

    init(_ label: String, _ sources: [String: String], _ name: String = "t.html", _ context: [String: Value] = [:],
         _ expected: String)
    {
        self.label = label
        self.sources = sources
        self.name = name
        self.context = context
        self.expected = expected
    }

    init(_ label: String, _ template: String, _ context: [String: Value] = [:], _ expected: String) {
        self.init(label, ["t.html": template], "t.html", context, expected)
    }

    var testDescription: String { label }
}
