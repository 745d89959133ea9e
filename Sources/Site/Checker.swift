import Basics
import Content
import Diagnostics
import Foundation
import Markdown
import Templates

/// `magbuild check`: everything the build would reject, plus what it would publish broken,
/// without writing anything.
///
///     load content → parse templates → render articles and comments → cross references
///     → plan pages → check URLs, links, anchors, images and front matter → sample pages
///
/// It reuses the build's own steps (``ContentLoader``, ``TemplateSet``, `ArticleProcessing`,
/// `PagePlan`), so a clean check means a clean build. Drafts and future articles are checked
/// too; links from published articles to them are warnings (they are broken until published).
public struct SiteChecker: Sendable {
    public let options: CheckOptions

    /// The teaser `magbuild new` writes: valid, but an error once the article is published.
    public static let teaserPlaceholder = "…"

    public init(options: CheckOptions) {
        self.options = options
    }

    public func check() -> CheckReport {
        var clock = StepClock()
        let site = options.source
        let jobs = options.jobs
        var diagnostics: [Diagnostic] = []

        let loaded = clock.measure("load content") { ContentLoader.load(siteAt: site, jobs: jobs) }
        diagnostics += loaded.diagnostics
        let config = loaded.config

        let loadedTemplates = clock.measure("parse templates") { BuildSteps.loadTemplates(config, options: BuildOptions(source: site, jobs: jobs)) }
        let (sources, templates) = (loadedTemplates.sources, loadedTemplates.set)
        diagnostics += loadedTemplates.diagnostics

        let processed = clock.measure("render articles") {
            parallelMap(loaded.articles, jobs: jobs) {
                ArticleProcessing.process($0, site: site, config: config, keepingMarkdown: true)
            }
        }
        diagnostics += processed.flatMap(\.diagnostics)
        let articles = processed.map(\.article)
        let store = BodyStore()
        var markdown: [String: RenderedMarkdown] = [:]
        for result in processed {
            guard let rendered = result.rendered else { continue }
            store.put(rendered, for: result.article.source.file)
            markdown[result.article.source.file] = rendered.body
        }
        // Every article is rendered here, so no body is ever read again from disk.
        let bodies = ArticleBodies(store: store, site: site, config: config)

        let (model, pages) = clock.measure("plan pages") { () -> (SiteModel, [PlannedPage]) in
            let broken = ArticleProcessing.brokenContentPaths(loaded.diagnostics)
            diagnostics += ArticleProcessing.crossReferenceErrors(
                loaded.articles, names: ArticleNames(published: loaded.articles, all: loaded.articles), broken: broken, site: site)
            let rules = options.buildOptions
            let published = articles.filter { ArticleProcessing.isPublished($0.source, options: rules) }
            let model = SiteModel(
                config: config, articles: published, pages: PlainPage.render(loaded.pages, config: config, jobs: jobs),
                intros: SectionIntro.render(loaded.profiles, config: config), authors: loaded.authors)
            let urls = SiteURLs(config: config, sections: model.sections, articles: model.articles)
            let names = Set(templates?.names ?? Array(sources.keys))
            let pages = PagePlan.pages(for: model, urls: urls, templates: names, groups: PagePlan.listingGroups(model, urls: urls))
            diagnostics += CheckURLs.collisions(pages, model: model, site: site)
            diagnostics += PlainPage.missingTemplate(loaded.pages, templates: names)
            diagnostics += ArticleEmbeds.problems(
                articles, names: ArticleNames(published: published.map(\.source), all: loaded.articles), config: config,
                templates: names)
            diagnostics += SectionIntro.missingImages(loaded.profiles, site: site)
            diagnostics += AuthorIntro.missingPortraits(loaded.authors, site: site)
            diagnostics += AuthorIntro.unused(loaded.authors, articles: model.articles)
            return (model, pages)
        }

        diagnostics += clock.measure("check links and images") {
            let targets = LinkTargets(
                site: site, articles: articles, bodies: markdown, published: model, pages: pages,
                templateIDs: LinkTargets.literalIDs(in: sources.values))
            return parallelMap(articles, jobs: jobs) { article -> [Diagnostic] in
                let isPublished = targets.isPublished(article.source)
                return LinkCheck(targets: targets, article: article, fromPublished: isPublished).run()
                    + CheckFrontMatter(article: article.source, targets: targets, site: site, isPublished: isPublished).run()
            }.flatMap { $0 }
        }

        if let templates, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += clock.measure("render sample pages") {
                TemplateSampler(model: model, bodies: bodies, pages: pages, templates: templates, jobs: jobs).run()
            }
        }

        return CheckReport(
            diagnostics: DiagnosticList.sorted(diagnostics.uniqued()), articles: loaded.articles.count,
            templates: sources.count, seconds: clock.total, steps: clock.steps)
    }
}
