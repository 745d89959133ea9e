import Diagnostics
import Foundation

/// Articles and aliases whose URL is also the URL of a generated page (a section, tag,
/// author or column listing, the tag or author index, the home page's pagination,
/// `404.html`): the build would write one over the other. Collisions between articles and
/// between aliases are the content loader's and `ArticleProcessing.crossReferenceErrors`'s findings.
enum CheckURLs {
    static func collisions(_ pages: [PlannedPage], model: SiteModel, site: URL) -> [Diagnostic] {
        var byURL: [String: [PlannedPage]] = [:]
        for page in pages { byURL[page.url, default: []].append(page) }
        var diagnostics: [Diagnostic] = []
        for url in byURL.keys.sorted() {
            guard let group = byURL[url], group.count > 1,
                  let generated = group.lazy.compactMap(describe).first else { continue }
            for page in group {
                switch page.kind {
                case .article(let index):
                    let file = model.articles[index].source.file
                    diagnostics.append(.error(
                        at: SourceLocation(file: file), "the article's URL \(url) is also the URL of \(generated)",
                        hint: "rename the article's folder or set 'slug:' in its front matter"))
                case .alias(let target):
                    guard let article = model.articles.first(where: { $0.url == target }) else { continue }
                    let alias = article.frontMatter.aliases.first { PagePlan.aliasURL($0) == url } ?? url
                    diagnostics.append(.error(
                        at: SiteFiles.locate(alias, in: article.source.file, site: site),
                        "alias '\(alias)' is the URL of \(generated)", hint: "remove the alias"))
                default:
                    continue
                }
            }
        }
        return diagnostics
    }

    /// What a generated page is, in words; nil for articles and aliases.
    private static func describe(_ page: PlannedPage) -> String? {
        switch page.kind {
        case .article, .alias:
            return nil
        case .notFound:
            return "the 404 page"
        case let .terms(kind, title, _):
            return "the index of \(kind) '\(title)'"
        case let .listing(_, kind, title, _, _, _, pagination):
            let which = pagination.page > 1 ? " (page \(pagination.page))" : ""
            switch kind {
            case "home": return "the home page\(which)"
            case "section": return "the section page '\(title)'\(which)"
            case "column": return "the column page '\(title)'\(which)"
            case "tag": return "the page of the tag '\(title)'\(which)"
            case "author": return "the page of the author '\(title)'\(which)"
            default: return "the \(kind) page '\(title)'\(which)"
            }
        }
    }
}
