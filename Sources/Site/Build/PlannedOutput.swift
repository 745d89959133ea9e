import Basics
import Foundation
import Search
import Templates

/// One file of the output: where it goes, how it is made, and its key.
///
/// The key is the digest of exactly what the file is made from: a page's template (with
/// everything it extends or includes) and the variables it receives, a feed's document, the
/// sitemap's entries, a text, a copied file's stamp. ``OutputMaker`` computes the key from
/// the same function that later feeds the maker (see ``Detail``), so a value a file shows
/// cannot be missing from its key.
struct PlannedOutput: Sendable {
    /// Pages, feeds, sitemaps and search files are boxed (`indirect`): a plan holds every
    /// output of the site, most of them copies and derivatives whose payload is a path, and
    /// without the boxes each output took as much room as a listing page's plan (208 bytes
    /// instead of 56, for 590,000 outputs at N=100,000).
    enum Source: Sendable {
        indirect case page(PlannedPage)
        indirect case feed(MachineFiles.Feed)
        /// A small text made while planning (robots.txt).
        case text(String)
        indirect case sitemap(MachineFiles.SitemapFile)
        /// A file copied as it is, by path.
        case copy(String)
        /// A picture's derivative: a file of a ``PictureStore`` entry (whose key is the digest
        /// of what it is made from), linked from the store.
        case derivative(entry: Digest, PictureStore.Stored)
        /// A file of the search index.
        indirect case search(SearchIndex, SearchIndex.File)
    }

    let path: String
    let key: Digest
    let source: Source
}

/// Keys outputs and makes them, from the build's values: the one place that knows what each
/// kind of output is made from.
struct OutputMaker: Sendable {
    let values: PageValues
    private(set) var templates: TemplateSet
    /// Per page template: the digest of its settings and of it and every template it extends or includes.
    let templateKeys: [String: Digest]
    /// Where pictures' derivatives are linked from.
    let pictures: PictureStore

    init(values: PageValues, templates: TemplateSet, sources: [String: String], pictures: PictureStore) {
        self.values = values
        self.templates = templates
        self.pictures = pictures
        var keys: [String: Digest] = [:]
        for name in templates.names {
            var hasher = DigestHasher(tag: "template")
            hasher.combine(templates.settings.language)
            hasher.combine(templates.settings.timeZone.identifier)
            hasher.combine(templates.settings.baseURL)
            for (file, fingerprinted) in templates.settings.assets.sorted(by: { $0.key < $1.key }) {
                hasher.combine(file)
                hasher.combine(fingerprinted)
            }
            for dependency in templates.dependencies(of: name) {
                hasher.combine(dependency)
                hasher.combine(sources[dependency] ?? "")
            }
            keys[name] = hasher.finalize()
        }
        templateKeys = keys
    }

    /// The same maker with a copy of the templates (``TemplateSet/copy()``), for one thread of "render pages".
    func copy() -> OutputMaker {
        var copy = self
        copy.templates = templates.copy()
        return copy
    }

    /// The output at `path` made from `source`, with its key.
    func plan(_ source: PlannedOutput.Source, at path: String) -> PlannedOutput {
        PlannedOutput(path: path, key: key(of: source, at: path), source: source)
    }

    /// Every feed of `feeds` at its path, with its key; each article's entry is digested once
    /// however many feeds show it.
    func plan(feeds: [MachineFiles.Feed], jobs: Int) -> [PlannedOutput] {
        let entries = MachineFiles.entryDigests(of: feeds, values: values, jobs: jobs)
        return parallelMap(feeds, jobs: jobs) { feed in
            let source = PlannedOutput.Source.feed(feed)
            let key = key(of: source, at: feed.path) { article, full in (full ? entries.full : entries.teaser)[article] ?? .zero }
            return PlannedOutput(path: feed.path, key: key, source: source)
        }
    }

    /// The key of `source` at `path`; a feed's entries' digests come from `feedEntry` when given.
    private func key(
        of source: PlannedOutput.Source, at path: String, feedEntry: ((_ article: Int, _ full: Bool) -> Digest)? = nil
    ) -> Digest {
        var hasher = DigestHasher(tag: "output")
        hasher.combine(path)
        switch source {
        case .page(let page):
            guard let inputs = PageRenderer.inputs(of: page, values: values, .digests) else {
                hasher.combine(PageRenderer.redirect(of: page, values: values))
                break
            }
            hasher.combine(inputs.template)
            hasher.combine(templateKeys[inputs.template] ?? .zero)
            hasher.combine(Value.dict(inputs.context([])))
            for embed in inputs.embeds {
                hasher.combine(embed.offset)
                hasher.combine(embed.template)
                hasher.combine(templateKeys[embed.template] ?? .zero)
                hasher.combine(Value.dict(embed.context))
            }
        case .feed(let feed):
            hasher.combine(MachineFiles.keyDigest(of: feed, values: values) { article, full in
                feedEntry?(article, full) ?? MachineFiles.entryDigest(of: article, full: full, values: values)
            })
        case .text(let text):
            hasher.combine(text)
        case .sitemap(let file):
            hasher.combine(DigestEncoder.digest(of: file))
        case .search(let index, let file):
            // A file named by its content is keyed by its name; the others by their bytes.
            if !file.isNamedByContent { hasher.combine(Data(index.bytes(of: file))) }
        case .derivative(let entry, let stored):
            hasher.combine(entry)
            hasher.combine(stored.name)
        case .copy(let file):
            guard let stamp = FileStamp.of(file) else { return DigestHasher(tag: "missing \(file)").finalize() }
            hasher.combine(file)
            hasher.combine(stamp)
        }
        return hasher.finalize()
    }

    /// Makes `output` and hands it to `sink`.
    func make(_ output: PlannedOutput, into sink: any OutputSink) -> PageRenderer.Result {
        var result: PageRenderer.Result
        switch output.source {
        case .page(let page):
            result = PageRenderer.render(page, values: values, templates: templates)
        case .feed(let feed):
            result = PageRenderer.Result(path: output.path, html: MachineFiles.xml(MachineFiles.document(of: feed, values: values, .full)))
        case .text(let text):
            result = PageRenderer.Result(path: output.path, html: text)
        case .sitemap(let file):
            result = PageRenderer.Result(path: output.path, html: file.xml)
        case .search(let index, let file):
            result = PageRenderer.Result(path: output.path, data: Data(index.bytes(of: file)))
        case .copy(let source):
            return Self.placed(output.path) { try sink.copyFile(atPath: source, to: output.path) }
        case .derivative(let entry, let stored):
            let file = pictures.folder(entry) + "/" + stored.name
            return Self.placed(output.path) { try sink.linkFile(atPath: file, to: output.path) }
        }
        if result.diagnostics.isEmpty, let data = result.data {
            do { try sink.write(data, to: result.path) } catch { result.writeError = "\(result.path): \(error)" }
        }
        result.data = nil
        return result
    }
}

extension OutputMaker {
    /// The result of putting a file that is not rendered (a copy, a derivative) at `path`.
    private static func placed(_ path: String, by place: () throws -> Void) -> PageRenderer.Result {
        var result = PageRenderer.Result(path: path, html: nil)
        do { try place() } catch { result.writeError = "\(path): \(error)" }
        return result
    }
}

extension OutputSink {
    /// Sinks in memory keep a copy.
    public func linkFile(atPath source: String, to path: String) throws { try copyFile(atPath: source, to: path) }

    /// Sinks without a previous build to reuse from make every file.
    public func reuse(_ path: String, key: Digest) -> Bool { false }
}
