import Diagnostics
import Foundation

/// Articles, aliases and plain pages whose URL is also the URL of a generated page (a
/// section, tag, author or column listing, the tag or author index, the home page's
/// pagination, `404.html`) or of a plain page: the build would write one over the other.
/// Collisions between articles and between aliases are the content loader's and
/// `ArticleProcessing.crossReferenceErrors`'s findings. `magbuild check` reports them all;
/// the build stops on those of plain pages (`plainPagesOnly`).
enum CheckURLs {
    static func collisions(_ pages: [PlannedPage], model: SiteModel, site: URL, plainPagesOnly: Bool = false) -> [Diagnostic] {
        var byURL: [String: [PlannedPage]] = [:]
        for page in pages { byURL[page.url, default: []].append(page) }
        var diagnostics: [Diagnostic] = []
        for url in byURL.keys.sorted() {
            guard let group = byURL[url], group.count > 1 else { continue }
            if plainPagesOnly, !group.contains(where: { if case .plain = $0.kind { true } else { false } }) { continue }
            for (position, page) in group.enumerated() {
                let others = group.enumerated().filter { $0.offset != position }.map(\.element)
                switch page.kind {
                case .article(let index):
                    guard let generated = others.lazy.compactMap({ describe($0, model: model) }).first else { continue }
                    diagnostics.append(.error(
                        at: SourceLocation(file: model.articles[index].source.file), "the article's URL \(url) is also the URL of \(generated)",
                        hint: "rename the article's folder or set 'slug:' in its front matter"))
                case .alias(let target):
                    guard let generated = others.lazy.compactMap({ describe($0, model: model) }).first,
                        let article = model.articles.first(where: { $0.url == target })
                    else { continue }
                    let alias = article.frontMatter.aliases.first { PagePlan.aliasURL($0) == url } ?? url
                    diagnostics.append(.error(
                        at: SiteFiles.locate(alias, in: article.source.file, site: site),
                        "alias '\(alias)' is the URL of \(generated)", hint: "remove the alias"))
                case .plain(let index):
                    guard let other = others.first.map({ owner($0, model: model) }) else { continue }
                    diagnostics.append(.error(
                        at: SourceLocation(file: model.pages[index].source.file), "the page's URL \(url) is also the URL of \(other)",
                        hint: "rename the page's file"))
                default:
                    continue
                }
            }
        }
        return diagnostics
    }

    /// Who makes a page, in words: an article's or a plain page's file, an alias, a generated page.
    private static func owner(_ page: PlannedPage, model: SiteModel) -> String {
        switch page.kind {
        case .article(let index): return "the article \(model.articles[index].source.file)"
        case .alias(let target):
            let file = model.articles.first { $0.url == target }?.source.file ?? target
            return "an alias in \(file)"
        default: return describe(page, model: model) ?? page.url
        }
    }

    /// What a generated or plain page is, in words; nil for articles and aliases.
    private static func describe(_ page: PlannedPage, model: SiteModel) -> String? {
        switch page.kind {
        case .article, .alias:
            return nil
        case .plain(let index):
            return "the page \(model.pages[index].source.file)"
        case .notFound:
            return "the 404 page"
        case .search:
            return "the search page"
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
