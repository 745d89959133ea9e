import Comments
import Foundation
import Markdown
import Search
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Rendered article bodies, comment sections and bodies' search terms, kept in an unlinked
/// temporary file rather than in memory from the moment an article is rendered until its
/// pages (and the search index) are made: a build's memory then does not grow with the size
/// of the articles and their comments (a 10,000-article magazine holds about 600 MB of them,
/// and 50 MB of search terms). The operating system keeps recent pages
/// of the file in its cache, so reading a body back costs a copy, not a disk access.
///
/// Each article is one record, appended at an offset reserved atomically, so workers write
/// in parallel. Without a temporary folder the store keeps the records in memory.
final class BodyStore: Sendable {
    private struct Place: Sendable {
        let offset: Int
        let count: Int
        /// For search terms: how many terms the body has (``BodyTerms/length``).
        var terms = 0
    }

    /// An article's rendered body and comments, or its body's search terms.
    private struct Key: Hashable, Sendable {
        let file: String
        let isTerms: Bool
    }

    /// The open, already unlinked file; -1 when records are kept in `memory`.
    private let descriptor: Int32
    private let end = Atomic<Int>(0)
    private let places = Mutex<[Key: Place]>([:])
    private let memory = Mutex<[Key: (bytes: [UInt8], terms: Int)]>([:])

    init() {
        var template = Array((FileManager.default.temporaryDirectory.path + "/magbuild-bodies-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        if descriptor >= 0 { template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } } }
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Keeps the rendered article of Markdown file `file` (a later record for it wins).
    func put(_ rendered: RenderedArticle, for file: String) {
        var writer = CacheWriter()
        rendered.write(to: &writer)
        put(writer.bytes, terms: 0, at: Key(file: file, isTerms: false))
    }

    /// Keeps the search terms of the body of Markdown file `file`: their packed bytes as they
    /// are, their count beside the record's place.
    func put(_ terms: BodyTerms, for file: String) {
        put(terms.packed, terms: terms.length, at: Key(file: file, isTerms: true))
    }

    /// The rendered article of `file`, if it was kept.
    func get(_ file: String) -> RenderedArticle? {
        guard let (bytes, _) = record(at: Key(file: file, isTerms: false)) else { return nil }
        var reader = CacheReader(bytes)
        return try? RenderedArticle(from: &reader)
    }

    /// The search terms of the body of `file`, if they were kept.
    func terms(_ file: String) -> BodyTerms? {
        guard let (packed, length) = record(at: Key(file: file, isTerms: true)) else { return nil }
        return BodyTerms(keptPacked: packed, length: length)
    }

    /// How many articles the store holds.
    var count: Int { places.withLock { $0.keys.count { !$0.isTerms } } + memory.withLock { $0.keys.count { !$0.isTerms } } }

    private func put(_ bytes: [UInt8], terms: Int, at key: Key) {
        guard descriptor >= 0 else {
            memory.withLock { $0[key] = (bytes, terms) }
            return
        }
        let offset = end.wrappingAdd(bytes.count, ordering: .relaxed).oldValue
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        if written == bytes.count {
            places.withLock { $0[key] = Place(offset: offset, count: bytes.count, terms: terms) }
        } else {
            memory.withLock { $0[key] = (bytes, terms) }
        }
    }

    private func record(at key: Key) -> (bytes: [UInt8], terms: Int)? {
        if let kept = memory.withLock({ $0[key] }) { return kept }
        guard let place = places.withLock({ $0[key] }) else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: place.count) { buffer, initialized in
            let read = pread(descriptor, buffer.baseAddress, place.count, off_t(place.offset))
            complete = read == place.count
            initialized = complete ? place.count : 0
        }
        return complete ? (bytes, place.terms) : nil
    }
}

extension RenderedArticle: CacheCodable {
    /// Only what pages print: the body's HTML and the comment section.
    init(from reader: inout CacheReader) throws {
        let html = try reader.string()
        let count = try reader.int()
        self.init(body: RenderedMarkdown(html: html), comments: CommentSection(threads: try reader.array(), count: count))
    }

    func write(to writer: inout CacheWriter) {
        writer.write(body.html)
        writer.write(comments.count)
        writer.write(comments.threads)
    }
}

extension CommentNode: CacheCodable {
    init(from reader: inout CacheReader) throws {
        let comment = Comment(
            id: try reader.string(), parent: try reader.optionalString(), author: try reader.string(),
            date: Date(timeIntervalSinceReferenceDate: try reader.double()), text: try reader.string(),
            rating: try reader.int(), status: Comment.Status(rawValue: try reader.string()) ?? .approved)
        self.init(
            comment: comment, html: try reader.string(), replyTo: try reader.optionalString(), depth: try reader.int(),
            isLong: try reader.bool(), replies: try reader.array())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(comment.id)
        writer.write(comment.parent)
        writer.write(comment.author)
        writer.write(comment.date.timeIntervalSinceReferenceDate)
        writer.write(comment.text)
        writer.write(comment.rating)
        writer.write(comment.status.rawValue)
        writer.write(html)
        writer.write(replyTo)
        writer.write(depth)
        writer.write(isLong)
        writer.write(replies)
    }
}
