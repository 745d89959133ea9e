import Diagnostics
import Foundation

/// Settings that filters need: the site's language (month names), timezone and base URL.
public struct TemplateSettings: Sendable, Hashable {
    /// `de` or `en`; other languages fall back to English words.
    public var language: String
    public var timeZone: TimeZone
    /// Absolute base URL with a trailing slash, e.g. `https://magazin.example/`.
    public var baseURL: String

    public init(language: String = "de", timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current, baseURL: String = "/") {
        self.language = language
        self.timeZone = timeZone
        self.baseURL = baseURL
    }
}

/// All templates of a site, parsed once, immutable, rendered many times from many threads.
public final class TemplateSet: Sendable {
    public let settings: TemplateSettings
    /// Prefix of the file names in diagnostics, e.g. `templates/`.
    public let pathPrefix: String

    /// Parses every template. `sources` maps names relative to the templates folder
    /// (`article.html`, `partials/comment.html`) to their text.
    /// - Throws: `DiagnosticList` with every syntax error of every template.
    public init(sources: [String: String], settings: TemplateSettings, pathPrefix: String = "templates/") throws {
        self.settings = settings
        self.pathPrefix = pathPrefix
        fatalError("TemplateSet is not implemented yet")
    }

    /// Names of all templates, sorted.
    public var names: [String] { [] }

    public func contains(_ name: String) -> Bool { false }

    /// Renders template `name` with `context` as its top-level variables.
    /// - Throws: `DiagnosticList` (undefined variables, unknown templates, type errors …).
    public func render(_ name: String, context: [String: Value]) throws -> String {
        fatalError("TemplateSet is not implemented yet")
    }
}
