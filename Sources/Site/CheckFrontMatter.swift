import Content
import Diagnostics
import Foundation
import Images

/// Front matter findings the content loader does not make because the build accepts them:
/// overlong titles, a teaser still holding the `magbuild new` placeholder, lead images whose
/// file is missing or whose credit is not the one in the picture's metadata, and `related:`
/// articles that are not published.
struct CheckFrontMatter {
    let article: ArticleSource
    let targets: LinkTargets
    let site: URL
    let isPublished: Bool

    /// Longer titles are cut off in teasers, browser tabs and search results.
    static let maxTitleLength = 120

    private struct Pending {
        var severity: Diagnostic.Severity
        /// The front matter key (`image.src`) or, with `needle`, the text to point at.
        var key: String
        var needle: String?
        var message: String
        var hint: String
    }

    func run() -> [Diagnostic] {
        var pending: [Pending] = []
        let front = article.frontMatter
        let length = front.title.count
        if length > Self.maxTitleLength {
            pending.append(Pending(
                severity: .warning, key: "title", message: "the title is \(length) characters long; at most \(Self.maxTitleLength) fit",
                hint: "long titles are cut off in teasers and search results; move details into the teaser"))
        }
        if isPublished && front.teaser == SiteChecker.teaserPlaceholder {
            pending.append(Pending(
                severity: .error, key: "teaser", message: "the teaser is still the placeholder '\(SiteChecker.teaserPlaceholder)'",
                hint: "write one or two sentences: they appear under the title and on every teaser card"))
        }
        if let image = front.image, let problem = leadImageProblem(image.src) {
            pending.append(Pending(severity: .error, key: "image.src", message: "lead image '\(image.src)' not found", hint: problem))
        } else if let image = front.image, let embedded = Self.disagreeingCredit(image.credit, of: image.src, in: article, site: site) {
            pending.append(Pending(
                severity: .warning, key: "image.credit",
                message: "the credit '\(image.credit)' is not the one in the picture's metadata, '\(embedded)'",
                hint: "check with the photo desk which one is right; the front matter's is printed"))
        }
        if isPublished {
            for target in front.related {
                guard let url = targets.articleURL(contentPath: target), case .unpublished = targets.resolve(url) else { continue }
                pending.append(Pending(
                    severity: .warning, key: "related", needle: target,
                    message: "related article '\(target)' is not published (draft or future)",
                    hint: "it is left out of the related box until it is published"))
            }
        }
        guard !pending.isEmpty else { return [] }
        let lines = FrontMatterLines(site: site, file: article.file, bodyLine: article.bodyLine)
        return pending.map { item in
            let (location, line) = item.needle.map { lines.locate(needle: $0) } ?? lines.locate(key: item.key)
            return Diagnostic(item.severity, at: location, item.message, hint: item.hint, sourceLine: line)
        }
    }

    /// The credit line in the metadata of the local picture at `src` when `written` does not
    /// name its photographer and agency (each as whole words, in any case: `AP` is not in
    /// `Kappel`); nil when they agree or the picture names neither.
    static func disagreeingCredit(_ written: String, of src: String, in article: ArticleSource, site: URL) -> String? {
        guard let file = ArticleSource.localFile(src, bundleDirectory: article.bundleDirectory, site: site),
              let embedded = (try? ImageInfo.read(file.path))?.credit
        else { return nil }
        let names = [embedded.byline, embedded.credit].compactMap { $0 }
        guard !names.isEmpty, let line = embedded.line else { return nil }
        func words(_ text: String) -> [Substring] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }
        }
        let text = words(written)
        let named = names.allSatisfy { name in
            let sought = words(name)
            return sought.isEmpty || (0...max(0, text.count - sought.count)).contains { text.dropFirst($0).starts(with: sought) }
        }
        return named ? nil : line
    }

    /// Why the lead image's file does not exist, or nil if it does (or is an external URL).
    private func leadImageProblem(_ src: String) -> String? {
        if src.hasPrefix("http://") || src.hasPrefix("https://") || src.hasPrefix("//") { return nil }
        if src.hasPrefix("/static/") {
            let path = String(src.dropFirst("/static".count))
            return targets.hasFile(path) ? nil : "no file static\(path)"
        }
        if src.hasPrefix("/") {
            return targets.hasFile(src) ? nil : "no file static\(src) and no bundle file at that URL"
        }
        let relative = src.hasPrefix("./") ? String(src.dropFirst(2)) : src
        guard let bundle = article.bundleDirectory else {
            return "a flat article has no folder for images: turn it into a bundle (…/index.md) or use a /static/ path"
        }
        if article.resources.contains(relative) { return nil }
        if let closest = Suggestion.closest(to: relative, in: article.resources) { return "did you mean '\(closest)'?" }
        return "put the file into \(bundle)/ or fix the name"
    }
}

/// Finds front matter keys and values in an article file, for findings about values the
/// content loader keeps no position for. Lines and columns follow ``SourceText``'s rule.
struct FrontMatterLines {
    let file: String
    private let lines: [String]

    init(site: URL, file: String, bodyLine: Int) {
        self.file = file
        let data = FileManager.default.contents(atPath: site.appendingPathComponent(file).path) ?? Data()
        let text = SourceText(utf8: Array(data))
        lines = (1...max(1, min(bodyLine - 1, text.lineCount))).compactMap { text.line($0) }
    }

    /// The value of `key` (`title`, or `image.src` for a nested key), else the opening line.
    func locate(key: String) -> (SourceLocation, String?) {
        var start = 0
        var parts = key.split(separator: ".").map(String.init)
        while parts.count > 1, let found = index(ofKey: parts.removeFirst(), from: start) { start = found + 1 }
        guard let last = parts.last, let index = index(ofKey: last, from: start) else { return at(0, column: 1) }
        let line = lines[index].unicodeScalars
        let keyStart = line.firstIndex { $0 != " " } ?? line.startIndex
        var column = line.distance(from: line.startIndex, to: keyStart) + 1
        if let colon = line.firstIndex(of: ":"),
           let value = line[line.index(after: colon)...].firstIndex(where: { $0 != " " }) {
            column = line.distance(from: line.startIndex, to: value) + 1
        }
        return at(index, column: column)
    }

    /// The first occurrence of `needle` in the front matter.
    func locate(needle: String) -> (SourceLocation, String?) {
        for (index, line) in lines.enumerated() {
            if let column = SourceText.column(of: needle, in: line) { return at(index, column: column) }
        }
        return at(0, column: 1)
    }

    private func index(ofKey key: String, from start: Int) -> Int? {
        guard start < lines.count else { return nil }
        return lines[start...].firstIndex { $0.drop { $0 == " " }.hasPrefix(key + ":") }
    }

    private func at(_ index: Int, column: Int) -> (SourceLocation, String?) {
        (SourceLocation(file: file, line: index + 1, column: column), index < lines.count ? lines[index] : nil)
    }
}
