import Basics
import Diagnostics
import Foundation

/// Settings that filters need: the site's language (month names), timezone, base URL and
/// the fingerprinted names of its assets.
public struct TemplateSettings: Sendable, Hashable {
    /// `de` or `en`; other languages fall back to English words.
    public var language: String
    public var timeZone: TimeZone
    /// Absolute base URL with a trailing slash, e.g. `https://magazin.example/`.
    public var baseURL: String {
        didSet { root = SiteRoot(baseURL: baseURL) }
    }
    /// Origin and root path of `baseURL`.
    public private(set) var root: SiteRoot
    /// Site path of each fingerprinted file → the path it is published under as well
    /// (`/css/style.css` → `/css/style.3f9a0c41d2.css`), for `asset_url`.
    public var assets: [String: String]

    public init(
        language: String = "de", timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, baseURL: String = "/",
        assets: [String: String] = [:]
    ) {
        self.language = language
        self.timeZone = timeZone
        self.baseURL = baseURL
        root = SiteRoot(baseURL: baseURL)
        self.assets = assets
    }
}

/// All templates of a site, parsed once, immutable, rendered many times from many threads.
///
/// Loading checks everything that can be checked without data: syntax, unknown tags,
/// filters and tests, filter argument counts, templates named by `include` and `extends`,
/// circular `extends` and `include` chains that recurse unconditionally. Rendering reports
/// what depends on the data: undefined variables, type errors, the include depth limit.
/// Undefined variables and attributes are errors unless guarded by `is defined` or
/// `default`; `docs/templates.md` describes the whole language.
public final class TemplateSet: Sendable {
    public let settings: TemplateSettings
    /// Prefix of the file names in diagnostics, e.g. `templates/`.
    public let pathPrefix: String
    let templates: [String: Template]
    let environment: FilterEnvironment

    /// Parses every template. `sources` maps names relative to the templates folder
    /// (`article.html`, `partials/comment.html`) to their text.
    /// - Throws: `DiagnosticList` with every syntax error of every template.
    public init(sources: [String: String], settings: TemplateSettings, pathPrefix: String = "templates/") throws {
        self.settings = settings
        self.pathPrefix = pathPrefix
        environment = FilterEnvironment(settings: settings)
        var templates: [String: Template] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            switch Parser.parse(name: name, source: source) {
            case .success(let template):
                templates[name] = template
            case .failure(let failure):
                diagnostics += failure.errors.map { Self.diagnostic($0, in: name, source: source, prefix: pathPrefix) }
            }
        }
        for (name, error) in TemplateChecks(templates: templates, names: Set(sources.keys)).run() {
            diagnostics.append(Self.diagnostic(error, in: name, source: sources[name] ?? "", prefix: pathPrefix))
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(DiagnosticList.sorted(diagnostics)) }
        self.templates = templates
    }

    private init(settings: TemplateSettings, pathPrefix: String, templates: [String: Template]) {
        self.settings = settings
        self.pathPrefix = pathPrefix
        self.templates = templates
        environment = FilterEnvironment(settings: settings)
    }

    /// The same templates parsed again, sharing no nodes or strings with this set, for one
    /// thread to render with.
    ///
    /// Rendering walks the nodes and copies their strings and values, and every copy
    /// counts a reference. Threads rendering with one set count on the same objects, and each
    /// count moves a cache line between cores: with two threads that took 1.3–1.6 s of CPU
    /// in "render pages" of a build from scratch at N=10,000 (`perf`: `swift_retain`
    /// under `Renderer.render` and `Renderer.evaluate`), against a few milliseconds to parse
    /// the set once per thread.
    public func copy() -> TemplateSet {
        var copies: [String: Template] = [:]
        for (name, template) in templates {
            // A source of its own, so that not even the text is shared.
            let source = String(decoding: Array(template.source.utf8), as: UTF8.self)
            guard case .success(let copy) = Parser.parse(name: name, source: source) else { return self }
            copies[name] = copy
        }
        return TemplateSet(settings: settings, pathPrefix: pathPrefix, templates: copies)
    }

    static func diagnostic(_ error: SyntaxError, in name: String, source: String, prefix: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: prefix + name, line: error.span.line, column: error.span.column),
                   error.message, hint: error.hint, sourceLine: Diagnostic.line(error.span.line, of: source),
                   notes: error.notes)
    }

    /// Names of all templates, sorted.
    public var names: [String] { templates.keys.sorted() }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Template `name` and every template it extends or includes, directly or through others,
    /// sorted: what a page rendered with `name` depends on.
    public func dependencies(of name: String) -> [String] {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard found.insert(next).inserted, let template = templates[next] else { continue }
            if let parent = template.parent { pending.append(parent.name) }
            pending += template.includes.map(\.name)
        }
        return found.sorted()
    }

    /// Renders template `name` with `context` as its top-level variables.
    /// - Throws: `DiagnosticList` (undefined variables, unknown templates, type errors …).
    public func render(_ name: String, context: [String: Value]) throws -> String {
        let out = OutputBuffer(capacity: templates[name].map { $0.source.utf8.count * 4 } ?? 0)
        try render(name, context: context, into: out)
        return out.string
    }

    /// Renders template `name` with `context` into its UTF-8 bytes, for writing to a file:
    /// cheaper than `render(_:context:)`, which checks the bytes again to make a `String`.
    /// - Throws: `DiagnosticList`, as `render(_:context:)`.
    public func renderData(_ name: String, context: [String: Value]) throws -> Data {
        let out = OutputBuffer(capacity: templates[name].map { $0.source.utf8.count * 4 } ?? 0)
        try render(name, context: context, into: out)
        return out.data
    }

    /// Renders template `name` with `context`, appending the output to `out`.
    ///
    /// A render goes on after an error, skipping the tag or `{{ }}` that failed, so it
    /// reports every error this data triggers (up to 20), each once.
    /// - Throws: `DiagnosticList`; `out` then holds unusable output.
    public func render(_ name: String, context: [String: Value], into out: inout String) throws {
        let buffer = OutputBuffer()
        defer { out += buffer.string }
        try render(name, context: context, into: buffer)
    }

    /// Renders template `name` into `out`, collecting the errors of the render.
    func render(_ name: String, context: [String: Value], into out: OutputBuffer) throws {
        guard let template = templates[name] else {
            throw DiagnosticList([Diagnostic(.error, at: nil, "template '\(pathPrefix)\(name)' not found",
                                             hint: didYouMean(name, in: templates.keys))])
        }
        let renderer = Renderer(set: self, template: template, context: context)
        var errors: [Diagnostic] = []
        do {
            try renderer.render(template: template, into: out)
        } catch let error as RenderError {
            errors = error.diagnostic.map { [$0] } ?? []
        } catch is RenderStop {
            errors = []
        }
        errors = renderer.errors + errors
        if errors.count >= Renderer.maxErrors, var last = errors.popLast() {
            last.notes.append("stopped after \(Renderer.maxErrors) errors; fix these and build again")
            errors.append(last)
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
    }
}
