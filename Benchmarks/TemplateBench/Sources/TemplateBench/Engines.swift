import Foundation
import Mustache
import Stencil
import Templates

/// One template engine set up with both pages, ready to render them again and again.
protocol BenchEngine {
    var name: String { get }
    func renderArticle() throws -> String
    func renderHome() throws -> String
}

/// magbuild's own engine: templates parsed once into a `TemplateSet`.
struct MagbuildEngine: BenchEngine {
    let name = "magbuild"
    let set: TemplateSet
    let article: [String: Value]
    let home: [String: Value]

    init() throws {
        set = try TemplateSet(sources: BenchTemplates.magbuild, settings: TemplateSettings())
        article = Self.context(SampleData.article)
        home = Self.context(SampleData.home)
    }

    func renderArticle() throws -> String { try set.render("article.html", context: article) }
    func renderHome() throws -> String { try set.render("home.html", context: home) }

    /// The sample data as template values; the article body is HTML already, so it is safe.
    static func context(_ dictionary: [String: Any]) -> [String: Value] {
        dictionary.mapValues { value(of: $0) }.merging([:]) { a, _ in a }
    }

    static func value(of any: Any, key: String = "") -> Value {
        switch any {
        case let text as String: return key == "body" ? .safe(text) : .string(text)
        case let number as Int: return .int(number)
        case let flag as Bool: return .bool(flag)
        case let list as [Any]: return .array(list.map { value(of: $0) })
        case let dictionary as [String: Any]:
            var entries: [String: Value] = [:]
            for (key, item) in dictionary { entries[key] = value(of: item, key: key) }
            return .dict(entries)
        default: return .null
        }
    }
}

/// Stencil 0.15.1, with an `escape` filter, since Stencil does not escape on its own.
struct StencilEngine: BenchEngine {
    let name = "Stencil"
    let article: Stencil.Template
    let home: Stencil.Template
    let articleContext = SampleData.article
    let homeContext = SampleData.home

    init() throws {
        let escaping = Extension()
        escaping.registerFilter("escape") { (value: Any?) in
            guard let value else { return "" }
            return htmlEscaped(String(describing: value))
        }
        let environment = Environment(loader: DictionaryLoader(templates: BenchTemplates.stencil), extensions: [escaping])
        article = try environment.loadTemplate(name: "article.html")
        home = try environment.loadTemplate(name: "home.html")
    }

    func renderArticle() throws -> String { try article.render(articleContext) }
    func renderHome() throws -> String { try home.render(homeContext) }
}

/// Hummingbird's swift-mustache 2.1.1: templates registered once in a library.
struct MustacheEngine: BenchEngine {
    struct Missing: Error {}

    let name = "swift-mustache"
    let library: MustacheLibrary
    let articleContext = SampleData.article
    let homeContext = SampleData.home

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in BenchTemplates.mustache { try library.register(text, named: name) }
        self.library = library
    }

    func renderArticle() throws -> String {
        guard let text = library.render(articleContext, withTemplate: "article") else { throw Missing() }
        return text
    }

    func renderHome() throws -> String {
        guard let text = library.render(homeContext, withTemplate: "home") else { throw Missing() }
        return text
    }
}

/// The five characters every engine escapes: `& < > " '`.
func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
