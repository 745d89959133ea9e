import Basics
import Content
import Diagnostics
import Foundation
import Images
import Markdown

extension BuildSteps {
    /// The pictures the published articles show (lead images and body figures that are local
    /// files), with their derivatives made or found in the store (``PictureMaker``).
    static func makePictures(
        _ content: LoadedSite, articles: RenderedArticles, previous: BuildCache?, options: BuildOptions
    ) -> PictureMaker.Made {
        let maker = PictureMaker(
            site: options.source, store: PictureStore(root: options.pictureFolder.path),
            settings: derivativeSettings(content.config.images), jobs: options.jobs)
        var made = maker.make(pictureRequests(articles.published, jobs: options.jobs), previous: previous?.pictures ?? [:])
        made.diagnostics += narrowLeadImages(articles.published, pictures: made.pictures, site: options.source, jobs: options.jobs)
        return made
    }

    /// Warnings for lead images narrower than ``Picture/fallbackWidth``: the lead figure is up
    /// to 960 pixels wide on a desktop screen (twice that on sharp ones), and social networks
    /// show 1200.
    static func narrowLeadImages(_ articles: [PublishedArticle], pictures: Pictures, site: URL, jobs: Int) -> [Diagnostic] {
        let narrow = articles.compactMap { article -> (PublishedArticle, Picture)? in
            guard let lead = article.frontMatter.image, let picture = pictures[SiteURLs.imagePath(lead.src, page: article.url)],
                !picture.files.isEmpty, picture.width < Picture.fallbackWidth
            else { return nil }
            return (article, picture)
        }
        return parallelMap(narrow, jobs: jobs) { article, picture in
            let lines = FrontMatterLines(site: site, file: article.source.file, bodyLine: article.source.bodyLine)
            let (location, line) = lines.locate(key: "image.src")
            return Diagnostic(
                .warning, at: location,
                "the lead image is only \(picture.width) pixels wide; it is shown up to 960 pixels wide, twice that on sharp screens, and social networks show 1200",
                hint: "use the picture in its full size, at least \(Picture.fallbackWidth) pixels wide", sourceLine: line)
        }
    }

    /// How derivatives are made for a site with `images`.
    static func derivativeSettings(_ images: SiteConfig.Images) -> DerivativeSettings {
        var settings = DerivativeSettings()
        settings.widths = images.widths
        settings.avif = images.avif
        return settings
    }

    /// The file name extensions of pictures the build resizes; others (SVG, GIF, HEIC, TIFF)
    /// are published as they are, whatever libvips could read.
    static let resizableExtensions: Set<String> = ["jpg", "jpeg", "png", "webp"]

    /// The local picture files of `articles`' lead images and figures, with where each would be
    /// published; lead images first, so that their `focus` decides where a picture's crops are cut.
    static func pictureRequests(_ articles: [PublishedArticle], jobs: Int) -> [PictureMaker.Request] {
        @Sendable func request(_ src: String, of article: PublishedArticle, lead: Bool = false, focus: LeadImage.Focus? = nil) -> PictureMaker.Request? {
            guard let relative = ArticleSource.localPath(src, bundleDirectory: article.source.bundleDirectory),
                Self.resizableExtensions.contains((relative.split(separator: ".").last.map(String.init) ?? "").lowercased())
            else { return nil }
            return PictureMaker.Request(path: SiteURLs.imagePath(src, page: article.url), file: relative, crops: lead, focus: focus)
        }
        let leads = parallelMap(articles, jobs: jobs) { article in
            article.frontMatter.image.flatMap { request($0.src, of: article, lead: true, focus: $0.focus) }
        }
        let figures = parallelMap(articles, jobs: jobs) { article in
            article.facts.embeds.compactMap { placed -> PictureMaker.Request? in
                guard case .figure(let figure) = placed.embed else { return nil }
                return request(figure.originalPath, of: article)
            }
        }
        return leads.compactMap { $0 } + figures.joined()
    }
}
