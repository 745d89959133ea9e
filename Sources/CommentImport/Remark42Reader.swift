import Comments
import CZlib
import Diagnostics
import Foundation

/// Reads a Remark42 backup (`remark42 backup`, `backup-<site>-<date>.gz`): JSON lines,
/// gzipped or plain, one line at a time.
///
/// - The first line describes the site (`version`, `users`, `posts`) and is not a comment.
/// - Each further line is a comment: `id`, `pid` (the parent, empty for none),
///   `locator.url` (the page, the thread's link), `title` (the page's title), `user.name`
///   (missing: the site's anonymous label), `time` (RFC 3339), `text` (HTML, reduced to
///   reader text), `score` as rating, `delete` (`true`: trash). Remark42 has no moderation
///   queue, so every other comment is approved.
/// - The user's id, picture and (hashed) IP address are never read.
enum Remark42Reader {
    static func read(_ url: URL, file: String, into collector: ExportCollector, anonymous: String) throws {
        guard let gz = gzopen(url.path, "rb") else {
            throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot open the Remark42 backup")])
        }
        defer { gzclose(gz) }
        var lines = LineReader(gz: gz)
        var number = 0
        var isFirst = true
        while let line = try lines.next(file: file) {
            number += 1
            let location = SourceLocation(file: file, line: number, column: 1)
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
            defer { isFirst = false }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                if isFirst { throw DiagnosticList([.error(at: location, "not a Remark42 backup: the first line is not JSON")]) }
                collector.entry()
                collector.skip("on unreadable lines", at: location, "line \(number) is not a JSON object (cut off?)")
                continue
            }
            if isFirst, object["id"] == nil, object["version"] != nil || object["posts"] != nil || object["users"] != nil { continue }
            collector.entry()
            comment(object, at: location, into: collector, anonymous: anonymous)
            if let failure = collector.failure { throw failure }
        }
    }

    private static func comment(_ object: [String: Any], at location: SourceLocation, into collector: ExportCollector, anonymous: String) {
        let id = string(object["id"])
        guard !id.isEmpty else {
            collector.skip("without an id", at: location, "comment without \"id\"")
            return
        }
        let locator = object["locator"] as? [String: Any]
        let link = string(locator?["url"])
        guard !link.isEmpty else {
            collector.skip("without a page", at: location, "comment \(id) has no locator.url")
            return
        }
        guard let date = CommentDate.date(from: string(object["time"])) else {
            collector.skip("without a valid time", at: location, "comment \(id) has no valid \"time\"")
            return
        }
        let name = ImportDefaults.plainName(string((object["user"] as? [String: Any])?["name"]))
        let author = collector.author(name, or: anonymous, at: location, "comment \(id) has no user name")
        let title = string(object["title"])
        collector.thread(ExportThread(key: link, link: link, title: title.isEmpty ? nil : title))
        let parent = string(object["pid"])
        let score = (object["score"] as? NSNumber).map { ImportDefaults.rating($0.stringValue) } ?? 0
        collector.comment(Comment(
            id: id, parent: parent.isEmpty ? nil : parent, author: author, date: date,
            text: HTMLReducer.readerText(fromHTML: string(object["text"])), rating: score,
            status: (object["delete"] as? Bool) == true ? .trash : .approved), thread: link)
    }

    private static func string(_ value: Any?) -> String {
        switch value {
        case let text as String: text.trimmed
        case let number as NSNumber: number.stringValue
        default: ""
        }
    }

    /// The lines of a gzipped (or plain) file, read through zlib a chunk at a time.
    private struct LineReader {
        let gz: gzFile
        private var buffer: [UInt8] = []
        private var start = 0
        /// Where the search for the next line feed goes on (the bytes before hold none).
        private var searched = 0
        private var atEnd = false

        init(gz: gzFile) {
            self.gz = gz
        }

        /// The next line without its line feed; nil at the end.
        mutating func next(file: String) throws -> [UInt8]? {
            while true {
                if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
                    defer { start = newline + 1 }
                    return Array(buffer[start..<newline])
                }
                searched = buffer.count
                if atEnd {
                    guard start < buffer.count else { return nil }
                    defer { start = buffer.count }
                    return Array(buffer[start...])
                }
                buffer.removeFirst(start)
                searched -= start
                start = 0
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                let read = chunk.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32($0.count)) }
                var status: Int32 = 0
                if read == 0 { _ = gzerror(gz, &status) }
                if read < 0 || (status != Z_OK && status != Z_STREAM_END) {
                    throw DiagnosticList([.error(at: SourceLocation(file: file), "the Remark42 backup cannot be read to its end (cut off or damaged gzip?)")])
                }
                if read == 0 { atEnd = true } else { buffer += chunk[0..<Int(read)] }
            }
        }
    }
}
