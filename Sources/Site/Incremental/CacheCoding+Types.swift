import Content
import Diagnostics
import Foundation
import Images
import Markdown
import Search

extension BuildCache: CacheCodable {
    /// `MAGBUILD-CACHE` and the format number open every cache file.
    static let magic = Array("MAGBUILD-CACHE".utf8)

    /// What a cache file's bytes hold: a cache of this format, read to its last byte, or not.
    static func decode(_ data: Data) -> CacheContents<BuildCache> {
        guard data.starts(with: magic) else { return .unreadable }
        // The format is read from the first bytes alone: the whole file is 34 MB at N=10,000.
        var peek = CacheReader(data.dropFirst(magic.count).prefix(16))
        guard let format = try? peek.int() else { return .unreadable }
        guard format == Self.format else { return .otherFormat }
        var reader = CacheReader(data.dropFirst(magic.count))
        guard let cache = try? BuildCache(from: &reader), reader.isAtEnd else { return .unreadable }
        return .value(cache)
    }

    init(from reader: inout CacheReader) throws {
        format = try reader.int()
        guard format == Self.format else { throw CacheFormatError() }
        identity = try reader.read()
        settings = try reader.read()
        let records = try reader.array(ArticleRecord.self)
        articles = Dictionary(records.map { ($0.source.file, $0) }, uniquingKeysWith: { _, last in last })
        pictures = Dictionary(try reader.array(PictureRecord.self).map { ($0.file, $0) }, uniquingKeysWith: { _, last in last })
        outputs = try Self.readKeys(&reader)
        outputFolder = try reader.optional()
        spare = try reader.bool() ? try reader.read(SpareKeys.self) : nil
        spareFolder = try reader.optional()
        counts = try reader.read()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(format)
        writer.write(identity)
        writer.write(settings)
        // In the dictionaries' order: a cache file need not be the same bytes for the same build.
        writer.write(Array(articles.values))
        writer.write(Array(pictures.values))
        Self.writeKeys(outputs, to: &writer)
        writer.write(outputFolder)
        writer.write(spare != nil)
        if let spare { writer.write(spare) }
        writer.write(spareFolder)
        writer.write(counts)
    }

    static func writeKeys(_ keys: [String: Digest], to writer: inout CacheWriter) {
        writer.write(keys.count)
        for (path, key) in keys {
            writer.write(path)
            key.write(to: &writer)
            writer.spillIfLarge()
        }
    }

    /// Each entry takes at least three bytes: an empty path's length and two one-byte halves of its key.
    static func readKeys(_ reader: inout CacheReader) throws -> [String: Digest] {
        let entries = try reader.elements(minimumSize: 3) { (try $0.string(), try $0.read(Digest.self)) }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }
}

extension SpareKeys: CacheCodable {
    /// A lacking path takes at least a byte, its length.
    init(from reader: inout CacheReader) throws {
        self.init(differing: try BuildCache.readKeys(&reader), lacking: try reader.elements(minimumSize: 1) { try $0.string() })
    }

    func write(to writer: inout CacheWriter) {
        BuildCache.writeKeys(differing, to: &writer)
        writer.write(lacking.count)
        for path in lacking { writer.write(path) }
    }
}

extension BuildCache.Counts: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(pages: try reader.natural(), files: try reader.natural(), comments: try reader.natural())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(pages)
        writer.write(files)
        writer.write(comments)
    }
}

extension Digest: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(high: try reader.uint64(), low: try reader.uint64())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(high)
        writer.write(low)
    }
}

extension FolderIdentity: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(inode: try reader.uint64(), seconds: try reader.int64(), nanoseconds: try reader.int64())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(inode)
        writer.write(seconds)
        writer.write(nanoseconds)
    }
}

extension FileStamp: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(size: try reader.int64(), seconds: try reader.int64(), nanoseconds: try reader.int64(), inode: try reader.uint64())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(size)
        writer.write(seconds)
        writer.write(nanoseconds)
        writer.write(inode)
    }
}

extension InputFile: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(path: try reader.string(), stamp: try reader.optional(), digest: try reader.read(), byStamp: try reader.bool())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(path)
        writer.write(stamp)
        writer.write(digest)
        writer.write(byStamp)
    }
}

extension PictureRecord: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let file = try reader.string(), stamp = try reader.read(FileStamp.self), content = try reader.read(Digest.self)
        guard let format = ImageInfo.Format(rawValue: try reader.string()) else { throw CacheFormatError() }
        let info = ImageInfo(
            format: format, width: try reader.natural(), height: try reader.natural(), isAnimated: try reader.bool(),
            hasAlpha: try reader.bool())
        self.init(file: file, stamp: stamp, content: content, info: info, entries: try reader.array())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(file)
        writer.write(stamp)
        writer.write(content)
        writer.write(info.format.rawValue)
        writer.write(info.width)
        writer.write(info.height)
        writer.write(info.isAnimated)
        writer.write(info.hasAlpha)
        writer.write(entries)
    }
}

extension PictureStore.Entry: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let key = try reader.read(Digest.self)
        let files = try reader.elements(minimumSize: 4) { reader -> PictureStore.Stored in
            let width = try reader.natural(), height = try reader.natural(), code = try reader.natural(), crop = try reader.natural()
            guard width > 0, height > 0, code < Derivative.Format.allCases.count, crop <= Crop.allCases.count else { throw CacheFormatError() }
            return PictureStore.Stored(
                width: width, height: height, format: Derivative.Format.allCases[code], crop: crop == 0 ? nil : Crop.allCases[crop - 1])
        }
        self.init(key: key, files: files)
    }

    func write(to writer: inout CacheWriter) {
        writer.write(key)
        writer.write(files.count)
        for file in files {
            writer.write(file.width)
            writer.write(file.height)
            writer.write(Derivative.Format.allCases.firstIndex(of: file.format) ?? 0)
            writer.write(file.crop.flatMap { Crop.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        }
    }
}

extension ArticleRecord: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(
            source: try reader.read(), inputs: try reader.array(), key: try reader.optional(),
            facts: try reader.read(), warnings: try reader.array())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(source)
        writer.write(inputs)
        writer.write(key)
        writer.write(facts)
        writer.write(warnings)
    }
}

extension ArticleFacts: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let words = try reader.natural(), comments = try reader.natural()
        let size = try reader.bool() ? ImageSize(width: try reader.natural(), height: try reader.natural()) : nil
        self.init(wordCount: words, commentCount: comments, leadImageSize: size, embeds: try reader.array())
        if try reader.bool() {
            searchTerms = BodyTerms.Summary(hash: try reader.uint64(), length: try reader.natural())
        }
    }

    func write(to writer: inout CacheWriter) {
        writer.write(wordCount)
        writer.write(commentCount)
        writer.write(leadImageSize != nil)
        if let leadImageSize {
            writer.write(leadImageSize.width)
            writer.write(leadImageSize.height)
        }
        writer.write(embeds)
        writer.write(searchTerms != nil)
        if let searchTerms {
            writer.write(searchTerms.hash)
            writer.write(searchTerms.length)
        }
    }
}

extension PlacedEmbed: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let offset = try reader.natural(), line = try reader.natural(), column = try reader.natural()
        let embed: BodyEmbed
        switch try reader.natural() {
        case 0: embed = .teaser(try reader.string())
        case 1: embed = .slot(try reader.string())
        case 2: embed = .automatic(try reader.natural())
        case 3:
            var figure = BodyFigure(
                src: try reader.string(), original: try reader.string(), alt: try reader.string(),
                caption: try reader.string(), credit: try reader.string())
            if try reader.bool() {
                figure.width = try reader.natural()
                figure.height = try reader.natural()
            }
            embed = .figure(figure)
        default: throw CacheFormatError()
        }
        self.init(embed: embed, offset: offset, line: line, column: column)
    }

    func write(to writer: inout CacheWriter) {
        writer.write(offset)
        writer.write(line)
        writer.write(column)
        switch embed {
        case .teaser(let path):
            writer.write(0)
            writer.write(path)
        case .slot(let name):
            writer.write(1)
            writer.write(name)
        case .automatic(let rule):
            writer.write(2)
            writer.write(rule)
        case .figure(let figure):
            writer.write(3)
            for text in [figure.src, figure.original, figure.alt, figure.caption, figure.credit] { writer.write(text) }
            if let width = figure.width, let height = figure.height {
                writer.write(true)
                writer.write(width)
                writer.write(height)
            } else {
                writer.write(false)
            }
        }
    }
}

/// Articles are cached without their Markdown body.
extension ArticleSource: CacheCodable {
    init(from reader: inout CacheReader) throws {
        self.init(
            file: try reader.string(), contentPath: try reader.string(), section: try reader.string(), url: try reader.string(),
            bundleDirectory: try reader.optionalString(), resources: try reader.strings(), commentsFile: try reader.optionalString(),
            frontMatter: try reader.read(), body: "", bodyLine: try reader.natural())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(file)
        writer.write(contentPath)
        writer.write(section)
        writer.write(url)
        writer.write(bundleDirectory)
        writer.write(resources)
        writer.write(commentsFile)
        writer.write(frontMatter)
        writer.write(bodyLine)
    }
}

extension FrontMatter: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let title = try reader.string(), teaser = try reader.string()
        let date = try reader.date()
        let updated = try reader.bool() ? try reader.date() : nil
        let authors = try reader.strings(), column = try reader.optionalString(), tags = try reader.strings()
        let image: LeadImage? = try reader.bool()
            ? LeadImage(
                src: try reader.string(), alt: try reader.string(), caption: try reader.optionalString(), credit: try reader.string(),
                focus: try reader.bool() ? LeadImage.Focus(x: try reader.double(), y: try reader.double()) : nil)
            : nil
        let related = try reader.strings()
        guard let comments = CommentMode(rawValue: try reader.string()) else { throw CacheFormatError() }
        self.init(
            title: title, teaser: teaser, date: date, updated: updated, authors: authors, column: column, tags: tags,
            image: image, related: related, comments: comments, featured: try reader.bool(), draft: try reader.bool(),
            slug: try reader.optionalString(), aliases: try reader.strings(), kicker: try reader.optionalString(),
            wordpressID: try reader.optionalString().flatMap { Int($0) })
    }

    func write(to writer: inout CacheWriter) {
        writer.write(title)
        writer.write(teaser)
        writer.write(date.timeIntervalSinceReferenceDate)
        writer.write(updated != nil)
        if let updated { writer.write(updated.timeIntervalSinceReferenceDate) }
        writer.write(authors)
        writer.write(column)
        writer.write(tags)
        writer.write(image != nil)
        if let image {
            writer.write(image.src)
            writer.write(image.alt)
            writer.write(image.caption)
            writer.write(image.credit)
            writer.write(image.focus != nil)
            if let focus = image.focus {
                writer.write(focus.x)
                writer.write(focus.y)
            }
        }
        writer.write(related)
        writer.write(comments.rawValue)
        writer.write(featured)
        writer.write(draft)
        writer.write(slug)
        writer.write(aliases)
        writer.write(kicker)
        writer.write(wordpressID.map(String.init))
    }
}

extension Diagnostic: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let severity: Severity = try reader.bool() ? .error : .warning
        let location: SourceLocation? = try reader.bool()
            ? SourceLocation(file: try reader.string(), line: try reader.natural(), column: try reader.natural()) : nil
        self.init(
            severity, at: location, try reader.string(), hint: try reader.optionalString(),
            sourceLine: try reader.optionalString(), notes: try reader.strings())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(severity == .error)
        writer.write(location != nil)
        if let location {
            writer.write(location.file)
            writer.write(location.line)
            writer.write(location.column)
        }
        writer.write(message)
        writer.write(hint)
        writer.write(sourceLine)
        writer.write(notes)
    }
}
