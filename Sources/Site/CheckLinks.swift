import Content
import Diagnostics
import Foundation
import Markdown

/// Checks the links and images of one article's Markdown body against ``LinkTargets``:
/// pages, files and `#anchors` that do not exist are errors; links from a published article
/// to a draft or future one are warnings (they break until it is published too).
struct LinkCheck {
    let targets: LinkTargets
    let article: PublishedArticle
    /// Whether the article itself is published by a default build.
    let fromPublished: Bool

    private var source: ArticleSource { article.source }

    func run() -> [Diagnostic] {
        targets.body(of: article).internalLinks.compactMap(check)
    }

    private func check(_ link: Link) -> Diagnostic? {
        let path = link.path.removingPercentEncoding ?? link.path
        let fragment = link.fragment.map { $0.removingPercentEncoding ?? $0 }
        if link.isFragmentOnly || path.isEmpty {
            guard let fragment, !fragment.isEmpty else { return nil }
            return anchorProblem(fragment, on: article, link: link)
        }
        switch targets.resolve(path) {
        case .page(_, let target):
            guard let fragment, !fragment.isEmpty, let target else { return nil }
            return anchorProblem(fragment, on: target, link: link)
        case .file:
            return nil
        case .unpublished(let target):
            guard fromPublished else { return nil }
            let what = link.kind == .image ? "image" : "link"
            return finding(.warning, link, "\(what) '\(link.original)' leads to \(target.file), which is not published yet",
                           hint: "it is a draft or dated in the future: the link is broken until both are published")
        case .missing:
            return link.kind == .image ? missingImage(link, path: path) : missingPage(link, path: path)
        }
    }

    private func anchorProblem(_ fragment: String, on target: PublishedArticle, link: Link) -> Diagnostic? {
        guard !targets.hasAnchor(fragment, on: target) else { return nil }
        let page = target.url == article.url ? "this article" : target.source.file
        let hint = Suggestion.closest(to: fragment, in: targets.body(of: target).headings.map { $0.id }).map { "did you mean '#\($0)'?" }
            ?? "headings get their id from their text: '## Die Lage' is '#die-lage'"
        return finding(.error, link, "link '\(link.original)' leads nowhere: \(page) has no heading '#\(fragment)'", hint: hint)
    }

    private func missingPage(_ link: Link, path: String) -> Diagnostic {
        var hint = "no page or file of the site has the URL \(path)"
        if let url = markdownFileURL(path) {
            hint = "link to the article's URL, not to its file: '\(url)'"
        } else if let stripped = staticPath(path), targets.hasFile(stripped) {
            hint = "files of static/ are published at the site root: write '\(stripped)'"
        } else if let closest = targets.closestPage(to: path) {
            hint = "did you mean '\(closest)'?"
        }
        return finding(.error, link, "link '\(link.original)' leads nowhere", hint: hint)
    }

    private func missingImage(_ link: Link, path: String) -> Diagnostic {
        var hint: String
        if let stripped = staticPath(path), targets.hasFile(stripped) {
            hint = "files of static/ are published at the site root: write '\(stripped)'"
        } else if link.original.hasPrefix("/") {
            hint = "no file static\(path) and no bundle file at that URL"
        } else if let bundle = source.bundleDirectory {
            hint = "put the file into \(bundle)/ or fix the name"
            if let closest = Suggestion.closest(to: link.original, in: source.resources) { hint = "did you mean '\(closest)'?" }
        } else {
            hint = "a flat article has no folder for images: turn it into a bundle (…/\(lastSegment)/index.md) or put the image into static/"
        }
        return finding(.error, link, "image '\(link.original)' not found", hint: hint)
    }

    private var lastSegment: String {
        String(source.contentPath.split(separator: "/").last ?? Substring(source.contentPath))
    }

    /// `/static/img/a.png` → `/img/a.png`.
    private func staticPath(_ path: String) -> String? {
        path.hasPrefix("/static/") ? String(path.dropFirst("/static".count)) : nil
    }

    /// The page URL of the article whose Markdown file `path` names (`../other/index.md`, `other.md`).
    private func markdownFileURL(_ path: String) -> String? {
        guard path.hasSuffix(".md") else { return nil }
        var trimmed = String(path.dropLast(3))
        if trimmed.hasSuffix("/index") { trimmed.removeLast("/index".count) }
        let asPath = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let name = asPath.split(separator: "/").last.map(String.init) ?? asPath
        let sibling = source.section.isEmpty ? name : source.section + "/" + name
        return targets.articleURL(contentPath: asPath) ?? targets.articleURL(contentPath: sibling)
    }

    private func finding(_ severity: Diagnostic.Severity, _ link: Link, _ message: String, hint: String) -> Diagnostic {
        let location = SourceLocation(file: source.file, line: source.bodyLine + link.line - 1, column: link.column)
        return Diagnostic(severity, at: location, message, hint: hint,
                          sourceLine: Diagnostic.line(link.line, of: source.body))
    }
}
