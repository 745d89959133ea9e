import Basics
import Diagnostics
import Foundation
import Templates

/// Renders a sample of the site's pages in memory to find the template errors that only
/// show with data (undefined variables, type errors), without rendering every page.
///
/// The sample holds one article page per combination of what templates branch on (lead image,
/// caption, comments, column, related articles, update date), the article with the most
/// comments, the first and a later page of every listing kind, the tag and author indexes,
/// and the 404 page.
struct TemplateSampler {
    let model: SiteModel
    let bodies: ArticleBodies
    let pages: [PlannedPage]
    let templates: TemplateSet
    let jobs: Int

    func run() -> [Diagnostic] {
        let sample = samplePages()
        guard !sample.isEmpty else { return [] }
        let values = PageValues(model: model, bodies: bodies, preview: false, jobs: jobs)
        let rendered = parallelMap(sample, jobs: jobs) { PageRenderer.render($0, values: values, templates: templates) }
        return rendered.flatMap(\.diagnostics)
    }

    func samplePages() -> [PlannedPage] {
        var seen = Set<String>()
        var sample: [PlannedPage] = []
        let busiest = model.articles.indices.max { model.articles[$0].facts.commentCount < model.articles[$1].facts.commentCount }
        for page in pages {
            let key: String
            switch page.kind {
            case .article(let index):
                key = index == busiest ? "busiest" : shape(of: index)
            case let .listing(template, kind, _, _, _, _, pagination):
                key = "\(template) \(kind) \(min(pagination.page, 2))"
            case .terms(let kind, _, _):
                key = "terms \(kind)"
            case .notFound:
                key = "404"
            case .search:
                key = "search"
            case .plain(let index):
                key = "page \(index)"
            case .alias:
                continue
            }
            if seen.insert(key).inserted { sample.append(page) }
        }
        return sample
    }

    /// What the article template may branch on, as a key.
    private func shape(of index: Int) -> String {
        let article = model.articles[index]
        let front = article.frontMatter
        let flags = [
            front.image != nil, front.image?.caption != nil, article.facts.commentCount > 0, front.column != nil,
            !front.related.isEmpty, front.updated != nil, front.tags.isEmpty, front.authors.count > 1,
        ]
        // Each partial an embed brings, and each figure shape (caption, size).
        let embeds = Set(article.facts.embeds.map { placed -> String in
            switch placed.embed {
            case .figure(let figure): "figure \(figure.caption.isEmpty) \(figure.width == nil)"
            default: ArticleEmbeds.template(of: placed.embed) ?? "automatic"
            }
        }).sorted()
        return "article \(front.comments.rawValue) " + flags.map { $0 ? "1" : "0" }.joined() + " " + embeds.joined(separator: ",")
    }
}
