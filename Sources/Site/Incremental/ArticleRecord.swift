import Content
import Diagnostics
import Foundation

/// What the build cache keeps about one article: enough to list it, link it and decide
/// whether its page must be rendered again, without reading or parsing its files.
struct ArticleRecord: Sendable {
    /// The article as loaded, without its Markdown body.
    var source: ArticleSource
    /// Its files as they were when it was rendered.
    var inputs: [InputFile]
    /// The article key when the article was rendered; nil for a draft or future article,
    /// which is only known.
    var key: Digest?
    var facts: ArticleFacts
    /// Warnings found while loading and rendering it, reported again while it is unchanged.
    var warnings: [Diagnostic]

    /// The record of an article that this build does not publish: known, but not rendered.
    static func unrendered(_ source: ArticleSource, site: URL, warnings: [Diagnostic]) -> ArticleRecord {
        ArticleRecord(
            source: source.withoutBody, inputs: inputs(of: source, site: site), key: nil,
            facts: ArticleFacts(wordCount: 0, commentCount: 0, leadImageSize: nil), warnings: warnings)
    }

    /// The files an article is made from: its Markdown, its comments, its local lead image and
    /// the local `images` of its body's figures. Files in `known` were read and digested already.
    static func inputs(of source: ArticleSource, site: URL, known: [InputFile] = [], images: [String] = []) -> [InputFile] {
        let folder = site.path
        func read(_ path: String) -> InputFile { known.first { $0.path == path } ?? InputFile.read(path, site: folder) }
        var inputs = [read(source.file)]
        if let comments = source.commentsFile { inputs.append(read(comments)) }
        if let path = ArticleProcessing.leadImageFile(of: source) {
            inputs.append(InputFile.read(path, site: folder, byStamp: true))
        }
        for path in images where !inputs.contains(where: { $0.path == path }) {
            inputs.append(InputFile.read(path, site: folder, byStamp: true))
        }
        return inputs
    }

    /// The article key: the site settings and every input's digest.
    static func key(of source: ArticleSource, inputs: [InputFile], settings: Digest) -> Digest {
        var hasher = DigestHasher(tag: "article")
        hasher.combine(settings)
        hasher.combine(source.file)
        for input in inputs {
            hasher.combine(input.path)
            hasher.combine(input.digest)
        }
        return hasher.finalize()
    }

    /// This record with fresh file stamps if the files of `found` still have the content it was
    /// made from; nil if anything changed (then the article is loaded and rendered again).
    /// `site` is the site folder's path.
    func refreshed(for found: ArticleFile, site: String) -> ArticleRecord? {
        guard found.file == source.file, inputs.first?.path == found.file else { return nil }
        let known = Set(inputs.map(\.path))
        if let comments = found.commentsFile, !known.contains(comments) { return nil }
        if found.commentsFile == nil, let comments = source.commentsFile, known.contains(comments) { return nil }
        var record = self
        for (index, input) in inputs.enumerated() {
            let now = input.refreshed(site: site)
            guard now.digest == input.digest else { return nil }
            record.inputs[index] = now
        }
        return record
    }
}
