import Comments
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a WordPress WXR export (versions 1.0 to 1.2) as a stream.
///
/// - WXR elements are known by meaning: any WordPress export namespace (`http` or `https`,
///   any version, with or without the trailing slash), and elements such as `comment_id`
///   in a namespace the reader does not know, as long as the file is shaped as WXR.
/// - Items of type `post` and `page` are threads: `link`, `wp:post_name`, `wp:post_id`,
///   `title`. Comments on other items (attachments, menus) are skipped and counted.
/// - `wp:comment`: `comment_id`, `comment_parent` (`0` = none), `comment_author` (missing:
///   the site's anonymous label), `comment_date_gmt` as UTC (missing or zero:
///   `comment_date` in the site's zone, then the post's date), `comment_content` (HTML,
///   reduced to reader text), `comment_approved` (`1` approved, `0` pending, `spam`,
///   `trash`/`post-trashed`, anything else pending; missing: approved, as WordPress does),
///   and the wpDiscuz meta `wpdiscuz_votes` as rating. Every default applied is counted.
/// - Pingbacks, trackbacks and other non-comment types are skipped. E-mail, IP address,
///   author URL and user agent are never read.
/// - Text and CDATA sections inside an element are joined, so a CDATA section split around
///   `]]>` comes out whole.
final class WXRReader: NSObject, XMLParserDelegate, ExportReading {
    let collector: ExportCollector
    let errors = ParseErrors()
    private(set) var fatalProblem: String?
    /// The WXR version, from `wp:wxr_version` or the namespace (`1.2`), once seen.
    private(set) var version: String?
    private let file: String
    private let timeZone: TimeZone
    private let anonymous: String
    private weak var parser: XMLParser?

    private var depth = 0
    private var text = ""
    private var item: ItemFields?
    private var comment: CommentFields?
    private var itemCount = 0
    private var sawVersionElement = false
    /// Whether each namespace met is WXR's (asked for every element).
    private var isWXRNamespace: [String: Bool] = [:]

    private struct ItemFields {
        var link: String?, title: String?, slug: String?, postID: String?, type: String?
        var dateGMT: String?, date: String?
        /// Read comments; each counts its defaults once its item turns out to be an article.
        var comments: [ReadComment] = []
    }

    private struct ReadComment {
        var comment: Comment
        var location: SourceLocation
        /// Whether the date is still to come from the post's.
        var needsPostDate: Bool
        /// The defaults applied: rule and message.
        var defaults: [(String, String)]
    }

    private struct CommentFields {
        var line: Int, column: Int
        var values: [String: String] = [:]
        var metaKey: String?, metaValue: String?
        var votes: String?
    }

    init(collector: ExportCollector, file: String, timeZone: TimeZone, anonymous: String) {
        self.collector = collector
        self.file = file
        self.timeZone = timeZone
        self.anonymous = anonymous
    }

    func parserDidStartDocument(_ parser: XMLParser) {
        self.parser = parser
    }

    func parserDidEndDocument(_ parser: XMLParser) {
        if !sawVersionElement, itemCount > 0 {
            collector.report(.warning(
                at: SourceLocation(file: file, line: 1, column: 1),
                "the export has no wp:wxr_version; read as WXR \(version ?? "1.2")"))
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        errors.record(error, line: parser.lineNumber, column: parser.columnNumber)
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
        let isWP = isWordPress(namespaceURI, qualifiedName: qualifiedName)
        if name == "item", !isWP {
            item = ItemFields()
            itemCount += 1
        } else if isWP, name == "comment", item != nil {
            comment = CommentFields(line: parser.lineNumber, column: parser.columnNumber)
            collector.entry()
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
        let isWP = isWordPress(namespaceURI, qualifiedName: qualifiedName)
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
        if isWP, name == "wxr_version" {
            sawVersionElement = true
            if !text.trimmed.isEmpty { version = text.trimmed }
        }
        guard item != nil else { return }
        switch (isWP, name) {
        case (false, "item"): finishItem()
        case (false, "link"): item?.link = text.trimmed
        case (false, "title"): item?.title = text.trimmed
        case (true, "post_name"): item?.slug = text.trimmed
        case (true, "post_id"): item?.postID = text.trimmed
        case (true, "post_type"): item?.type = text.trimmed
        case (true, "post_date_gmt"): item?.dateGMT = text.trimmed
        case (true, "post_date"): item?.date = text.trimmed
        default: break
        }
    }

    /// Whether an element belongs to WXR: a WordPress export namespace in any spelling, or
    /// a prefixed element in another namespace that is not one of RSS's usual companions
    /// (WXR's own names then decide: an `https` or mistyped namespace still reads).
    private func isWordPress(_ namespace: String?, qualifiedName: String?) -> Bool {
        guard let namespace, !namespace.isEmpty else {
            // A prefix the export never declared: `wp:comment` without `xmlns:wp`.
            return qualifiedName?.hasPrefix("wp:") ?? false
        }
        if let known = isWXRNamespace[namespace] { return known }
        var isWXR = true
        if let found = Self.exportVersion(namespace) {
            if version == nil { version = found }
        } else {
            isWXR = !Self.companionNamespaces.contains { namespace.hasPrefix($0) } && !namespace.contains("/excerpt")
        }
        isWXRNamespace[namespace] = isWXR
        return isWXR
    }

    /// Namespaces WXR files use beside WordPress's own, whose elements are never WXR fields.
    private static let companionNamespaces = [
        "http://purl.org/rss/1.0/modules/content", "http://wellformedweb.org/CommentAPI",
        "http://purl.org/dc/elements/1.1", "http://www.w3.org/2005/Atom", "http://purl.org/rss/1.0/modules/slash",
        "http://search.yahoo.com/mrss", "http://purl.org/rss/1.0/modules/syndication",
    ]

    /// `1.2` for `http://wordpress.org/export/1.2/`, `https://wordpress.org/export/1.1`, …;
    /// nil for any other namespace (the excerpt namespace `…/1.2/excerpt/` included).
    static func exportVersion(_ namespace: String) -> String? {
        var rest = Substring(namespace.lowercased())
        for scheme in ["http://", "https://"] where rest.hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        guard rest.hasPrefix("wordpress.org/export/") else { return nil }
        rest = rest.dropFirst("wordpress.org/export/".count)
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        return String(rest)
    }

    private func finishItem() {
        guard let finished = item else { return }
        item = nil
        let type = finished.type ?? "post"
        guard type == "post" || type == "page" else {
            if let first = finished.comments.first {
                let count = finished.comments.count
                collector.skip("on \(type) items", count: count, at: first.location,
                               "\(count) comment\(count == 1 ? "" : "s") on an item of type '\(type)', which is no article")
            }
            return
        }
        let key = "post-" + (finished.postID ?? "item\(itemCount)")
        collector.thread(ExportThread(key: key, link: finished.link, slug: finished.slug, title: finished.title, postID: finished.postID))
        let postDate = wordPressDate(gmt: finished.dateGMT ?? "", local: finished.date ?? "")
        for var entry in finished.comments {
            for (rule, message) in entry.defaults { collector.defaulted(rule, at: entry.location, message) }
            if entry.needsPostDate {
                guard let date = postDate else {
                    collector.skip("without any date", at: entry.location, "comment \(entry.comment.id) has no date, nor has its post")
                    continue
                }
                entry.comment.date = date
                collector.defaulted("without a date, given the post's date", at: entry.location,
                                    "comment \(entry.comment.id) has no date; it takes its post's date")
            }
            collector.comment(entry.comment, thread: key)
        }
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
            collector.skip("without wp:comment_id", at: location, "comment without wp:comment_id")
            return
        }
        var defaults: [(String, String)] = []
        let gmt = values["comment_date_gmt", default: ""].trimmed
        var date = Self.utcDate(gmt)
        if date == nil, let local = localDate(values["comment_date", default: ""].trimmed) {
            date = local
            defaults.append(("without a GMT date, read in \(timeZone.identifier)",
                             "comment \(id) has no wp:comment_date_gmt; its wp:comment_date is read as \(timeZone.identifier) time"))
        }
        var status = Comment.Status.approved
        if let approved = values["comment_approved"] {
            status = Self.status(approved.trimmed)
        } else {
            defaults.append(("without wp:comment_approved, taken as approved",
                             "comment \(id) has no wp:comment_approved; taken as approved, as WordPress does"))
        }
        var author = HTMLReducer.singleLine(fromHTML: values["comment_author", default: ""])
        if author.isEmpty {
            author = anonymous
            defaults.append(("without an author, named '\(anonymous)'", "comment \(id) has no author; named '\(anonymous)'"))
        }
        let parent = values["comment_parent", default: ""].trimmed
        item?.comments.append(ReadComment(
            comment: Comment(
                id: id, parent: parent.isEmpty || parent == "0" ? nil : parent, author: author,
                date: date ?? Date(timeIntervalSince1970: 0),
                text: HTMLReducer.readerText(fromHTML: values["comment_content", default: ""]),
                rating: ImportDefaults.rating(fields.votes), status: status),
            location: location, needsPostDate: date == nil, defaults: defaults))
    }

    /// A WordPress date: the GMT one, else the local one in the site's zone.
    private func wordPressDate(gmt: String, local: String) -> Date? {
        Self.utcDate(gmt) ?? localDate(local)
    }

    /// `2022-06-23 08:12:00` as UTC; nil when empty, unreadable or zero (`0000-00-00 00:00:00`).
    private static func utcDate(_ text: String) -> Date? {
        guard !text.hasPrefix("0000") else { return nil }
        return CommentDate.date(from: text + "Z")
    }

    /// `2022-06-23 10:12:00` in the site's zone (the offset of the moment itself, so times
    /// next to a change of summer time come out right).
    private func localDate(_ text: String) -> Date? {
        guard !text.hasPrefix("0000"), let asUTC = CommentDate.date(from: text + "Z") else { return nil }
        let guess = asUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: asUTC)))
        return asUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
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

/// Values used where an export leaves a field empty, and plain names.
enum ImportDefaults {
    /// A name given as plain text (not HTML): white-space runs, line breaks included, as one
    /// space, control characters dropped.
    static func plainName(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            .filter { !($0.unicodeScalars.first.map { $0.properties.generalCategory == .control } ?? false) }
    }

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
