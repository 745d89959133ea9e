import Basics
import Content
import Diagnostics
import Markdown
import Templates

/// The embeds of article bodies (see ``BodyEmbed``) resolved against the site: which theme
/// partial renders each, with which variables, and what is wrong with them.
///
/// Partials: `embeds/teaser.html` (gets `teaser`, the embedded article's teaser),
/// `embeds/figure.html` (gets `figure`) and `slots/<name>.html`; each also gets `site`,
/// `page` and `article` (the teaser of the article whose body it is in).
enum ArticleEmbeds {
    static let teaserTemplate = "embeds/teaser.html"
    static let figureTemplate = "embeds/figure.html"
    static let slotFolder = "slots/"

    /// A partial to render into an article's body at a UTF-8 offset of its HTML.
    struct Call: Sendable {
        let offset: Int
        let template: String
        let context: [String: Value]
    }

    /// The template that renders `embed` (nil for automatic placements, which stand for another embed).
    static func template(of embed: BodyEmbed) -> String? {
        switch embed {
        case .teaser: teaserTemplate
        case .figure: figureTemplate
        case .slot(let name): slotFolder + name + ".html"
        case .automatic: nil
        }
    }

    /// Unknown teaser targets and slots, and missing partials, at the embed's place in the
    /// article (or in `site.yml` for automatic rules); a teaser of an article that is not
    /// published is a warning (the box is left out, as for `related:`).
    static func problems(
        _ articles: [PublishedArticle], names: ArticleNames, config: SiteConfig, templates: Set<String>
    ) -> [Diagnostic] {
        let slots = templates.filter { $0.hasPrefix(slotFolder) && $0.hasSuffix(".html") }
            .map { String($0.dropFirst(slotFolder.count).dropLast(".html".count)) }.sorted()
        var diagnostics: [Diagnostic] = []
        var missingTemplates = Set<String>()
        func slotProblem(_ name: String, at location: SourceLocation, line: String? = nil) {
            let hint = Suggestion.closest(to: name, in: slots).map { "did you mean '\($0)'?" }
                ?? (slots.isEmpty ? "the theme has no slots: add templates/slots/\(name).html"
                    : "the theme's slots are \(slots.joined(separator: ", ")); add templates/slots/\(name).html for a new one")
            diagnostics.append(Diagnostic(.error, at: location, "unknown slot '\(name)'", hint: hint, sourceLine: line))
        }
        for rule in config.automaticEmbeds {
            switch rule.content {
            case .slot(let name) where !templates.contains(slotFolder + name + ".html"):
                slotProblem(name, at: rule.location)
            case .related where !templates.contains(teaserTemplate) && missingTemplates.insert(teaserTemplate).inserted:
                diagnostics.append(.error(
                    at: rule.location, "the theme has no templates/\(teaserTemplate) to show this embed",
                    hint: "add the partial (see docs/theming.md, \"Embeds\")"))
            default:
                break
            }
        }
        for article in articles {
            for placed in article.facts.embeds {
                let location = SourceLocation(
                    file: article.source.file, line: article.source.bodyLine + placed.line - 1, column: placed.column)
                // `magbuild check` keeps the Markdown: its findings quote the line.
                let line = article.source.body.isEmpty ? nil : Diagnostic.line(placed.line, of: article.source.body)
                switch placed.embed {
                case .teaser(let target) where !names.published.contains(target):
                    diagnostics.append(names.missing(target, what: "embedded article", at: location, sourceLine: line))
                    continue
                case .slot(let name) where !templates.contains(slotFolder + name + ".html"):
                    slotProblem(name, at: location, line: line)
                    continue
                default:
                    break
                }
                if let template = template(of: placed.embed), !templates.contains(template), missingTemplates.insert(template).inserted {
                    diagnostics.append(Diagnostic(
                        .error, at: location, "the theme has no templates/\(template) to show this embed",
                        hint: "add the partial (see docs/theming.md, \"Embeds\")", sourceLine: line))
                }
            }
        }
        return diagnostics
    }

    /// `html` with each part inserted at its UTF-8 offset (offsets ascending).
    ///
    /// Joined from slices of the strings: a `String` made from bytes has them checked again,
    /// which took 0.12 s of CPU for the article pages of a build from scratch at N=10,000
    /// (`perf`). An offset inside a character's bytes (never one the renderer reports) is
    /// spliced as bytes.
    static func splice(_ html: String, _ parts: [(offset: Int, html: String)]) -> String {
        guard !parts.isEmpty else { return html }
        let utf8 = html.utf8
        var ends: [String.Index] = []
        ends.reserveCapacity(parts.count)
        var copied = 0
        for part in parts {
            let offset = min(max(part.offset, copied), utf8.count)
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            if end != utf8.endIndex, UTF8.isContinuation(utf8[end]) { return spliceBytes(html, parts) }
            ends.append(end)
            copied = offset
        }
        var out = ""
        out.reserveCapacity(utf8.count + parts.reduce(0) { $0 + $1.html.utf8.count })
        var start = html.startIndex
        for (end, part) in zip(ends, parts) {
            out += html[start..<end]
            out += part.html
            start = end
        }
        out += html[start...]
        return out
    }

    /// ``splice(_:_:)`` byte by byte.
    static func spliceBytes(_ html: String, _ parts: [(offset: Int, html: String)]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + parts.reduce(0) { $0 + $1.html.utf8.count })
        var copied = 0
        for part in parts {
            let offset = min(max(part.offset, copied), bytes.count)
            out += bytes[copied..<offset]
            out += part.html.utf8
            copied = offset
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The body of a feed entry: figures as plain figures (feeds have no theme), teasers and slots left out.
    /// `sources` holds the `src` of each figure, in order (``PageValues/figureSources(of:)``).
    static func feedHTML(_ html: String, embeds: [PlacedEmbed], sources: [String]) -> String {
        var sources = sources[...]
        return splice(html, embeds.compactMap { placed in
            guard case .figure(let figure) = placed.embed else { return nil }
            var caption = figure.caption
            caption += (caption.isEmpty ? "" : " ") + Escaping.html(figure.credit)
            let src = sources.popFirst() ?? figure.src
            return (placed.offset, "<figure><img src=\"\(Escaping.html(src))\" alt=\"\(Escaping.html(figure.alt))\">"
                + "<figcaption>\(caption)</figcaption></figure>\n")
        })
    }
}

extension PageValues {
    /// The partials to render into the body of article `index`, with their variables (in full,
    /// or as digests for the page's key). A teaser of an article that is not published and an
    /// automatic rule that finds no related article left place nothing.
    func embedCalls(of index: Int, page: Value, _ detail: Detail) -> [ArticleEmbeds.Call] {
        let article = model.articles[index]
        guard !article.facts.embeds.isEmpty else { return [] }
        let base: [String: Value] = ["site": site(detail), "page": page, "article": teaser(index, detail)]
        var related = self.related(of: index)[...]
        return article.facts.embeds.compactMap { placed in
            var embed = placed.embed
            if case .automatic(let rule) = embed {
                guard rule < model.config.automaticEmbeds.count else { return nil }
                switch model.config.automaticEmbeds[rule].content {
                case .related:
                    guard let next = related.popFirst() else { return nil }
                    return call(placed.offset, ArticleEmbeds.teaserTemplate, base, "teaser", teaser(next, detail))
                case .slot(let name):
                    embed = .slot(name)
                }
            }
            switch embed {
            case .teaser(let path):
                guard let target = model.indexByPath[path] else { return nil }
                return call(placed.offset, ArticleEmbeds.teaserTemplate, base, "teaser", teaser(target, detail))
            case .figure(let figure):
                return call(placed.offset, ArticleEmbeds.figureTemplate, base, "figure", figureValue(figure, of: article))
            case .slot(let name):
                return ArticleEmbeds.Call(offset: placed.offset, template: ArticleEmbeds.slotFolder + name + ".html", context: base)
            case .automatic:
                return nil
            }
        }
    }

    private func call(_ offset: Int, _ template: String, _ base: [String: Value], _ name: String, _ value: Value) -> ArticleEmbeds.Call {
        var context = base
        context[name] = value
        return ArticleEmbeds.Call(offset: offset, template: template, context: context)
    }

    /// `{src, alt, caption, credit}`, and when known `width` and `height`, and the derivatives
    /// of a picture that has them (``pictureFields(_:)``).
    private func figureValue(_ figure: BodyFigure, of article: PublishedArticle) -> Value {
        var fields: [String: Value] = [
            "src": .string(figure.src), "alt": .string(figure.alt), "caption": .safe(figure.caption), "credit": .string(figure.credit),
        ]
        if let width = figure.width, let height = figure.height {
            fields["width"] = .int(width)
            fields["height"] = .int(height)
        }
        if let picture = urls.picture(figure.originalPath, page: article.url) {
            fields.merge(Self.pictureFields(picture, alt: figure.alt, urls: urls)) { _, derived in derived }
        }
        return .dict(fields)
    }

    /// The `src` each figure of `article`'s body shows, in order: a picture's fallback
    /// derivative, else the image as written.
    func figureSources(of article: PublishedArticle) -> [String] {
        article.facts.embeds.compactMap { placed in
            guard case .figure(let figure) = placed.embed else { return nil }
            guard let picture = urls.picture(figure.originalPath, page: article.url), let fallback = picture.fallback else {
                return figure.src
            }
            return urls.link(picture.sitePath(of: fallback))
        }
    }
}
