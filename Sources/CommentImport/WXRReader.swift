import Comments
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a WordPress WXR export (versions 1.0 to 1.2, told apart by the namespace) as a stream.
///
/// - Items of type `post` and `page` are threads: `link`, `wp:post_name`, `title`.
/// - `wp:comment`: `comment_id`, `comment_parent` (`0` = none), `comment_author`,
///   `comment_date_gmt` as UTC (`comment_date` in the site's zone when the GMT date is
///   missing or zero), `comment_content` (HTML, reduced to reader text), `comment_approved`
///   (`1` approved, `0` pending, `spam`, `trash`/`post-trashed`; anything else is pending),
///   and the wpDiscuz meta `wpdiscuz_votes` as rating.
/// - Pingbacks, trackbacks and other non-comment types are skipped. E-mail, IP address,
///   author URL and user agent are never read.
/// - Text and CDATA sections inside an element are joined, so a CDATA section split around
///   `]]>` comes out whole.
final class WXRReader: NSObject, XMLParserDelegate, ExportReading {
    let collector: ExportCollector
    private(set) var fatalProblem: String?
    /// The WXR version found in the namespace (`1.2`), once seen.
    private(set) var version: String?
    private let file: String
    private let timeZone: TimeZone
    private weak var parser: XMLParser?

    private var depth = 0
    private var text = ""
    private var item: ItemFields?
    private var comment: CommentFields?
    private var itemCount = 0

    private struct ItemFields {
        var link: String?, title: String?, slug: String?, postID: String?, type: String?
        var comments: [Comment] = []
    }

    private struct CommentFields {
        var line: Int, column: Int
        var values: [String: String] = [:]
        var metaKey: String?, metaValue: String?
        var votes: String?
    }

    init(collector: ExportCollector, file: String, timeZone: TimeZone) {
        self.collector = collector
        self.file = file
        self.timeZone = timeZone
    }

    func parserDidStartDocument(_ parser: XMLParser) {
        self.parser = parser
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        text = ""
        if depth == 1, name != "rss" {
            fatalProblem = "not a WordPress export: the root element is <\(qualifiedName ?? name)>, expected <rss>"
            parser.abortParsing()
            return
        }
        let isWP = isWordPress(namespaceURI)
        if name == "item", namespaceURI?.isEmpty ?? true {
            item = ItemFields()
            itemCount += 1
        } else if isWP, name == "comment", item != nil {
            comment = CommentFields(line: parser.lineNumber, column: parser.columnNumber)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        defer { text = "" }
        let isWP = isWordPress(namespaceURI)
        if comment != nil {
            guard isWP else { return }
            switch name {
            case "comment": finishComment()
            case "meta_key": comment?.metaKey = text.trimmed
            case "meta_value": comment?.metaValue = text
            case "commentmeta":
                if comment?.metaKey == "wpdiscuz_votes" {
                    let value = comment?.metaValue
                    comment?.votes = value
                }
                comment?.metaKey = nil
                comment?.metaValue = nil
            case "comment_id", "comment_parent", "comment_author", "comment_date", "comment_date_gmt",
                 "comment_content", "comment_approved", "comment_type":
                comment?.values[name] = text
            default: break // e-mail, IP, URL, user id, agent: never kept
            }
            return
        }
        guard item != nil else { return }
        switch (isWP, name) {
        case (false, "item"): finishItem()
        case (false, "link"): item?.link = text.trimmed
        case (false, "title"): item?.title = text.trimmed
        case (true, "post_name"): item?.slug = text.trimmed
        case (true, "post_id"): item?.postID = text.trimmed
        case (true, "post_type"): item?.type = text.trimmed
        default: break
        }
    }

    private func isWordPress(_ namespace: String?) -> Bool {
        guard let namespace, namespace.hasPrefix("http://wordpress.org/export/") else { return false }
        if version == nil {
            version = namespace.dropFirst("http://wordpress.org/export/".count).split(separator: "/").first.map(String.init)
        }
        return !namespace.contains("/excerpt/")
    }

    private func finishItem() {
        guard let finished = item else { return }
        item = nil
        let type = finished.type ?? "post"
        guard type == "post" || type == "page" else { return }
        let key = "post-" + (finished.postID ?? "item\(itemCount)")
        collector.thread(ExportThread(key: key, link: finished.link, slug: finished.slug, title: finished.title))
        for comment in finished.comments { collector.comment(comment, thread: key) }
        if collector.failure != nil { parser?.abortParsing() }
    }

    private func finishComment() {
        guard let fields = comment else { return }
        comment = nil
        let values = fields.values
        let type = values["comment_type", default: ""].trimmed
        guard type.isEmpty || type == "comment" else {
            collector.skippedPing()
            return
        }
        let location = SourceLocation(file: file, line: fields.line, column: fields.column)
        let id = values["comment_id", default: ""].trimmed
        guard !id.isEmpty else {
            collector.report(.warning(at: location, "comment without wp:comment_id skipped"))
            return
        }
        guard let date = date(values) else {
            collector.report(.warning(at: location, "comment \(id) has no valid date; skipped"))
            return
        }
        let parent = values["comment_parent", default: ""].trimmed
        let author = HTMLReducer.singleLine(fromHTML: values["comment_author", default: ""])
        item?.comments.append(Comment(
            id: id, parent: parent.isEmpty || parent == "0" ? nil : parent,
            author: author.isEmpty ? ImportDefaults.anonymous : author, date: date,
            text: HTMLReducer.readerText(fromHTML: values["comment_content", default: ""]),
            rating: ImportDefaults.rating(fields.votes), status: Self.status(values["comment_approved", default: ""].trimmed)))
    }

    private func date(_ values: [String: String]) -> Date? {
        let gmt = values["comment_date_gmt", default: ""].trimmed
        if !gmt.hasPrefix("0000"), let date = CommentDate.date(from: gmt + "Z") { return date }
        let local = values["comment_date", default: ""].trimmed
        guard let asUTC = CommentDate.date(from: local + "Z") else { return nil }
        return asUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: asUTC)))
    }

    static func status(_ value: String) -> Comment.Status {
        switch value {
        case "1", "approve", "approved": .approved
        case "spam": .spam
        case "trash", "post-trashed": .trash
        default: .pending
        }
    }
}

/// Values used where an export leaves a field empty.
enum ImportDefaults {
    static let anonymous = "Anonym"

    /// Net votes from a meta value such as `12`, `-3` or `4.0`; 0 when absent or unreadable.
    static func rating(_ value: String?) -> Int {
        guard let value = value?.trimmed, !value.isEmpty else { return 0 }
        if let number = Int(value) { return number }
        if let number = Double(value), number.isFinite, abs(number) < 1e15 { return Int(number) }
        return 0
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
