import Basics
import Foundation
import Diagnostics
import Templates

/// Renders one planned page with its template.
enum PageRenderer {
    /// A rendered page (its UTF-8 bytes), or the diagnostics that stopped it.
    struct Result: Sendable {
        let path: String
        var data: Data?
        let diagnostics: [Diagnostic]
        /// Set by the writer when the page could not be stored.
        var writeError: String?
        /// The page template and the seconds its rendering took (nil for redirects).
        var template: String?
        var seconds = 0.0

        init(path: String, data: Data?, diagnostics: [Diagnostic] = []) {
            self.path = path
            self.data = data
            self.diagnostics = diagnostics
        }

        init(path: String, html: String?) {
            self.init(path: path, data: html.map { Data($0.utf8) })
        }
    }

    static func render(_ page: PlannedPage, values: PageValues, templates: TemplateSet) -> Result {
        let template: String
        let context: [String: Value]
        switch page.kind {
        case .article(let index):
            template = "article.html"
            context = values.articleContext(index)
        case let .listing(name, kind, title, description, lead, articles, pagination):
            template = name
            context = values.listingContext(
                kind: kind, title: title, description: description, url: page.url, lead: lead,
                articles: articles, pagination: pagination)
        case .alias(let target):
            return Result(path: page.outputPath, html: redirect(to: values.urls.absolute(target)))
        case .notFound:
            template = "404.html"
            let title = Words(language: values.model.config.language).notFound
            context = [
                "site": values.siteValue,
                "page": values.pageValue(kind: "404", title: title, description: "", url: page.url, image: nil),
            ]
        case let .terms(kind, title, terms):
            template = "terms.html"
            context = [
                "site": values.siteValue,
                "page": values.pageValue(kind: kind, title: title, description: title, url: page.url, image: nil),
                "list": ["title": .string(title)],
                "terms": .array(terms.map { ["name": .string($0.name), "url": .string($0.url), "count": .int($0.count)] }),
            ]
        }
        do {
            let start = DispatchTime.now()
            var result = Result(path: page.outputPath, data: try templates.renderData(template, context: context))
            result.template = template
            result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return result
        } catch let list as DiagnosticList {
            return Result(path: page.outputPath, data: nil, diagnostics: list.diagnostics)
        } catch {
            return Result(path: page.outputPath, data: nil, diagnostics: [.error(at: SourceLocation(file: "templates/" + template), "\(error)")])
        }
    }

    /// A minimal page that sends readers and search engines from an old URL to the new one.
    static func redirect(to url: String) -> String {
        let escaped = Escaping.html(url)
        return """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>\(escaped)</title>
            <link rel="canonical" href="\(escaped)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(escaped)">
            </head><body><a href="\(escaped)">\(escaped)</a></body></html>

            """
    }
}
