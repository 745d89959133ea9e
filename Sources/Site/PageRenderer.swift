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

    /// What a page is rendered from: the partials rendered into an article's body first, then
    /// its template with variables that hold what they rendered.
    struct Inputs {
        let template: String
        let embeds: [ArticleEmbeds.Call]
        /// The template's variables, given the HTML each of `embeds` rendered (in their order).
        let context: ([String]) -> [String: Value]
    }

    /// The template of a page and the variables it receives: in full to render the page, as
    /// digests for its key (see ``Detail``). Nil for an alias, which is a redirect, not a template page.
    static func inputs(of page: PlannedPage, values: PageValues, _ detail: Detail) -> Inputs? {
        if case .article(let index) = page.kind {
            let page = values.articlePage(index, detail)
            let embeds = values.embedCalls(of: index, page: page, detail)
            return Inputs(template: "article.html", embeds: embeds) { rendered in
                values.articleContext(index, detail, page: page, embedded: zip(embeds, rendered).map { ($0.offset, $1) })
            }
        }
        guard let (template, context) = templateInputs(of: page, values: values, detail) else { return nil }
        return Inputs(template: template, embeds: []) { _ in context }
    }

    private static func templateInputs(
        of page: PlannedPage, values: PageValues, _ detail: Detail
    ) -> (template: String, context: [String: Value])? {
        switch page.kind {
        case .article:
            return nil  // `inputs(of:values:_:)` makes an article's, with its embeds
        case let .listing(name, kind, title, description, lead, articles, pagination):
            return (name, values.listingContext(
                kind: kind, title: title, description: description, url: page.url, lead: lead,
                articles: articles, pagination: pagination, detail))
        case .alias:
            return nil
        case .plain(let index):
            return ("page.html", values.plainPageContext(index))
        case .notFound:
            let title = Words(language: values.model.config.language).notFound
            return ("404.html", [
                "site": values.siteValue,
                "page": values.pageValue(kind: "404", title: title, description: "", url: page.url, image: nil),
            ])
        case .search:
            return (SiteSearch.template, values.searchPageContext(url: page.url))
        case let .terms(kind, title, terms):
            return ("terms.html", [
                "site": values.siteValue,
                "page": values.pageValue(kind: kind, title: title, description: title, url: page.url, image: nil),
                "list": ["title": .string(title)],
                "terms": .array(terms.map { ["name": .string($0.name), "url": .string(values.urls.link($0.url)), "count": .int($0.count)] }),
            ])
        }
    }

    /// Renders a page with its template; an alias becomes its redirect.
    static func render(_ page: PlannedPage, values: PageValues, templates: TemplateSet) -> Result {
        guard let inputs = inputs(of: page, values: values, .full) else {
            return Result(path: page.outputPath, html: redirect(of: page, values: values))
        }
        let template = inputs.template
        do {
            let start = DispatchTime.now()
            // A partial's errors name its own file.
            let embedded = try inputs.embeds.map { try templates.render($0.template, context: $0.context) }
            var result = Result(path: page.outputPath, data: try templates.renderData(template, context: inputs.context(embedded)))
            result.template = template
            result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return result
        } catch let list as DiagnosticList {
            return Result(path: page.outputPath, data: nil, diagnostics: list.diagnostics)
        } catch {
            return Result(path: page.outputPath, data: nil, diagnostics: [.error(at: SourceLocation(file: "templates/" + template), "\(error)")])
        }
    }

    /// The redirect page of an alias; nil for other pages.
    static func redirect(of page: PlannedPage, values: PageValues) -> String? {
        guard case .alias(let target) = page.kind else { return nil }
        return redirect(to: values.urls.absolute(target))
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
