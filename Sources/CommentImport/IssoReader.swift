import Comments
import CSQLite
import Diagnostics
import Foundation
import Markdown

/// Reads an Isso comment database (SQLite, opened read-only) row by row.
///
/// - `threads`: `id`, `uri` (the page's path, the thread's link), `title`.
/// - `comments`: `id`, `tid`, `parent`, `created` (Unix time), `mode` (`1` published,
///   `2` waiting for moderation, `4` deleted but kept for its replies: trash), `author`
///   (missing: the site's anonymous label), `likes` − `dislikes` as rating, and `text`:
///   Isso keeps what the reader typed, Markdown, and renders it when it shows a comment;
///   it is rendered the same way here and reduced to reader text like other exports' HTML.
/// - E-mail, website, IP address and the voters' list are never read.
enum IssoReader {
    static func read(_ url: URL, file: String, into collector: ExportCollector, anonymous: String) throws {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(url.path, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db = handle else {
            sqlite3_close(handle)
            throw problem(file, "cannot open the Isso database")
        }
        defer { sqlite3_close(db) }
        try each(db, "SELECT id, uri, title FROM threads", file: file) { row in
            collector.thread(ExportThread(key: "isso-\(row.int(0))", link: row.text(1), title: row.text(2)))
        }
        try each(db, "SELECT id, tid, parent, created, mode, author, likes, dislikes, text FROM comments ORDER BY id", file: file) { row in
            collector.entry()
            let id = String(row.int(0))
            let location = SourceLocation(file: file)
            guard let thread = row.optionalInt(1) else {
                collector.skip("without a thread", at: location, "comment \(id) names no thread")
                return
            }
            guard let created = row.optionalDouble(3), created.isFinite, abs(created) < 1e11 else {
                collector.skip("without a valid date", at: location, "comment \(id) has no valid 'created' time")
                return
            }
            let status = status(row.int(4))
            let name = ImportDefaults.plainName(row.text(5) ?? "")
            // Isso blanks a deleted comment that stays for its replies: no default to report.
            let author = name.isEmpty && status == .trash
                ? anonymous : collector.author(name, or: anonymous, at: location, "comment \(id) has no author")
            let parent = row.optionalInt(2).map(String.init)
            collector.comment(Comment(
                id: id, parent: parent, author: author, date: Date(timeIntervalSince1970: (created * 1000).rounded() / 1000),
                text: readerText(row.text(8) ?? ""), rating: row.int(6) - row.int(7), status: status),
                thread: "isso-\(thread)")
            if let failure = collector.failure { throw failure }
        }
    }

    static func status(_ mode: Int) -> Comment.Status {
        switch mode {
        case 1: .approved
        case 4: .trash
        default: .pending
        }
    }

    /// What the reader typed (Markdown) as reader text.
    static func readerText(_ typed: String) -> String {
        HTMLReducer.readerText(fromHTML: MarkdownRenderer.render(typed, options: MarkdownOptions(allowRawHTML: true)).html)
    }

    /// Runs `sql` and hands each row to `body`.
    private static func each(_ db: OpaquePointer, _ sql: String, file: String, _ body: (Row) throws -> Void) throws {
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &prepared, nil) == SQLITE_OK, let statement = prepared else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_finalize(prepared)
            throw problem(file, "not an Isso database (\(message))")
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let result = sqlite3_step(statement)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else { throw problem(file, "cannot read the Isso database: \(String(cString: sqlite3_errmsg(db)))") }
            try body(Row(statement: statement))
        }
    }

    private static func problem(_ file: String, _ message: String) -> DiagnosticList {
        DiagnosticList([.error(at: SourceLocation(file: file), message, hint: "give the isso database file (comments.db)")])
    }

    /// One result row; columns by index.
    private struct Row {
        let statement: OpaquePointer

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
        func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }
        func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, column) }

        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, column) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }
}
