import Basics
import Content
import Diagnostics
import Foundation
import Templates

/// Reads the non-content folders of a site: templates and static files.
enum SiteFiles {
    /// Every file below `folder`, as paths relative to it with `/` separators, sorted.
    /// Hidden files and folders are skipped.
    static func list(_ folder: URL) -> [String] {
        DirectoryListing.files(below: folder.standardizedFileURL.path)
    }

    /// The text of every template, keyed by its name relative to `templates/`.
    static func templateSources(in site: URL) -> (sources: [String: String], diagnostics: [Diagnostic]) {
        let folder = site.appendingPathComponent(SiteLayout.templates, isDirectory: true)
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let names = list(folder)
        if names.isEmpty {
            diagnostics.append(.error(
                at: SourceLocation(file: "templates/"), "no templates found",
                hint: "a site needs templates/base.html, home.html and article.html; copy the default theme's"))
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error(at: SourceLocation(file: "templates/" + name), "cannot read template as UTF-8 text"))
                continue
            }
            sources[name] = text
        }
        return (sources, diagnostics)
    }

    /// Parses all templates once; syntax errors of every template go to `diagnostics`.
    static func templateSet(
        from sources: [String: String], config: SiteConfig, assets: [String: String], diagnostics: inout [Diagnostic]
    ) -> TemplateSet? {
        guard !sources.isEmpty else { return nil }
        let settings = TemplateSettings(
            language: config.language, timeZone: config.timeZone, baseURL: config.baseURL, assets: assets)
        do {
            return try TemplateSet(sources: sources, settings: settings)
        } catch let list as DiagnosticList {
            diagnostics += list.diagnostics
        } catch {
            diagnostics.append(.error(at: SourceLocation(file: "templates/"), "\(error)"))
        }
        return nil
    }

    /// Finds the first line of `file` (relative to `site`) containing `needle`, for diagnostics
    /// about front matter values the content loader does not keep positions for. Lines and
    /// columns follow ``SourceText``'s rule; a file that cannot be read gives its line 1.
    static func locate(_ needle: String, in file: String, site: URL) -> SourceLocation {
        let url = site.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SourceLocation(file: file) }
        return SourceText(utf8: Array(data)).location(of: needle, in: file) ?? SourceLocation(file: file)
    }
}

extension Array where Element == Diagnostic {
    /// Without repeats: the same template error shows up once per page that hits it,
    /// and a checker finding may be reached by two routes.
    func uniqued() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }
    }
}
