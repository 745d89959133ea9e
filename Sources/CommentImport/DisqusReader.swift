import Comments
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a Disqus XML export as a stream.
///
/// - `<thread dsq:id>` under the root: a thread with its `link` and `title`.
/// - `<post dsq:id>`: a comment of the thread named by its `<thread dsq:id>`, answering
///   `<parent dsq:id>`; `message` is HTML (reduced to reader text); `isSpam` gives spam,
///   `isDeleted` trash, `isApproved` false pending. Posts may come before their thread.
/// - Elements are known by their local names, so the `dsq:` prefix may be declared or not.
/// - A post without an author's name or username is the site's anonymous label's.
/// - The author's e-mail and the IP address are never read.
final class DisqusReader: NSObject, XMLParserDelegate, ExportReading {
    let collector: ExportCollector
    let errors = ParseErrors()
    private(set) var fatalProblem: String?
    private let file: String
    private let anonymous: String

    /// Local names of the open elements.
    private var path: [String] = []
    private var text = ""
    private var thread: (id: String, link: String?, title: String?)?
    private var post: PostFields?

    private struct PostFields {
        var id: String
        var line: Int, column: Int
        var thread: String?, parent: String?
        var values: [String: String] = [:]
    }

    init(collector: ExportCollector, file: String, anonymous: String) {
        self.collector = collector
        self.file = file
        self.anonymous = anonymous
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        errors.record(error, line: parser.lineNumber, column: parser.columnNumber)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        path.append(name)
        text = ""
        let id = Self.disqusID(attributes)
        switch (path.count, name) {
        case (1, "disqus"):
            break
        case (1, _):
            fatalProblem = "not a Disqus export: the root element is <\(qualifiedName ?? name)>, expected <disqus>"
            parser.abortParsing()
        case (2, "thread"):
            thread = (id ?? "", nil, nil)
        case (2, "post"):
            post = PostFields(id: id ?? "", line: parser.lineNumber, column: parser.columnNumber)
            collector.entry()
        case (3, "thread") where post != nil:
            post?.thread = id
        case (3, "parent") where post != nil:
            post?.parent = id
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        if post != nil {
            switch (path.count, name) {
            case (2, _): finishPost()
            case (3, "message"), (3, "createdAt"), (3, "isSpam"), (3, "isDeleted"), (3, "isApproved"):
                post?.values[name] = text
            case (4, "name") where path[2] == "author", (4, "username") where path[2] == "author":
                post?.values["author." + name] = text
            default: break // e-mail, IP address: never kept
            }
            if collector.failure != nil { parser.abortParsing() }
        } else if let open = thread {
            switch (path.count, name) {
            case (2, _):
                if !open.id.isEmpty { collector.thread(ExportThread(key: open.id, link: open.link, title: open.title)) }
                thread = nil
            case (3, "link"): thread?.link = text.trimmed
            case (3, "title"): thread?.title = text.trimmed
            default: break
            }
        }
    }

    private func finishPost() {
        guard let fields = post else { return }
        post = nil
        let location = SourceLocation(file: file, line: fields.line, column: fields.column)
        guard !fields.id.isEmpty else {
            collector.skip("without dsq:id", at: location, "post without dsq:id")
            return
        }
        guard let thread = fields.thread, !thread.isEmpty else {
            collector.skip("without a thread", at: location, "post \(fields.id) names no thread")
            return
        }
        guard let date = CommentDate.date(from: fields.values["createdAt", default: ""].trimmed) else {
            collector.skip("without a valid createdAt", at: location, "post \(fields.id) has no valid createdAt")
            return
        }
        // Disqus names are plain text, not HTML.
        var name = ImportDefaults.plainName(fields.values["author.name", default: ""])
        if name.isEmpty { name = ImportDefaults.plainName(fields.values["author.username", default: ""]) }
        let author = collector.author(name, or: anonymous, at: location, "post \(fields.id) has no author")
        let parent = fields.parent.flatMap { $0.isEmpty ? nil : $0 }
        collector.comment(Comment(
            id: fields.id, parent: parent, author: author, date: date,
            text: HTMLReducer.readerText(fromHTML: fields.values["message", default: ""]),
            rating: 0, status: status(fields.values)), thread: thread)
    }

    private func status(_ values: [String: String]) -> Comment.Status {
        func isTrue(_ key: String) -> Bool { values[key]?.trimmed.lowercased() == "true" }
        if isTrue("isSpam") { return .spam }
        if isTrue("isDeleted") { return .trash }
        if values["isApproved"]?.trimmed.lowercased() == "false" { return .pending }
        return .approved
    }

    /// The `dsq:id` attribute, however the parser spells namespaced attribute names.
    static func disqusID(_ attributes: [String: String]) -> String? {
        if let id = attributes["dsq:id"] ?? attributes["id"] { return id.trimmed }
        return attributes.first { $0.key.hasSuffix(":id") }?.value.trimmed
    }
}
