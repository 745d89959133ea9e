import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FuzzSupport
@testable import CommentImport
@testable import Comments

/// Runs one export through an importer's reader, as `magbuild import-comments` does, and
/// checks what comes out:
/// - a malformed export is a DiagnosticList located in the export;
/// - every stored comment has an id, a one-line author, and text whose HTML passes
///   ``ReaderHTMLCheck``;
/// - no e-mail address, IP address, author URL or user agent of the export is stored;
/// - the merged comments survive writing and reading `comments.json`, and importing the
///   same export again changes nothing.
public enum ImportCheck {
    static let exportName = "export.xml"
    /// One file per process, rewritten for every input: the importer reads a stream.
    static let exportURL = FileManager.default.temporaryDirectory
        .appendingPathComponent("magbuild-fuzz-\(ProcessInfo.processInfo.processIdentifier).xml")

    /// Reads the export at `exportURL` as `format` into `collector`, as the importer does.
    static func read(_ format: ExportFormat, into collector: ExportCollector) throws {
        switch format {
        case .wordpress:
            let reader = WXRReader(collector: collector, file: exportName, timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current, anonymous: "Anonym")
            _ = try ExportParser.parse(exportURL, file: exportName, delegate: reader)
        case .disqus:
            _ = try ExportParser.parse(exportURL, file: exportName, delegate: DisqusReader(collector: collector, file: exportName, anonymous: "Anonym"))
        case .isso:
            try IssoReader.read(exportURL, file: exportName, into: collector, anonymous: "Anonym")
        case .remark42:
            try Remark42Reader.read(exportURL, file: exportName, into: collector, anonymous: "Anonym")
        }
    }

    /// `privateElements`: names of the elements whose content must never be stored.
    public static func run(_ data: Data, format: ExportFormat, privateElements: [String]) {
        do {
            try data.write(to: exportURL)
            let spool = try CommentSpool()
            let collector = ExportCollector(spool: spool)
            do {
                try read(format, into: collector)
            } catch let list as DiagnosticList {
                for diagnostic in list.diagnostics {
                    Invariant.require(diagnostic.location?.file == exportName, "diagnostic outside the export: \(diagnostic)")
                }
                return
            }
            var imported: [Comment] = []
            for number in collector.threads.indices { imported += try spool.comments(of: number) }
            let secrets = PrivateValues(in: data, elements: privateElements)
            for comment in imported { check(comment, secrets: secrets) }
            checkMerge(imported)
        } catch {
            Invariant.require(false, "the import failed with \(error)")
        }
    }

    static func check(_ comment: Comment, secrets: PrivateValues) {
        Invariant.require(!comment.id.isEmpty, "a comment without id")
        Invariant.require(!comment.author.isEmpty && !comment.author.contains(where: \.isNewline),
                          "author \(comment.author.debugDescription)")
        let html = ReaderText.html(from: comment.text)
        if let problem = ReaderHTMLCheck.problem(in: html, maxQuoteDepth: ReaderText.maxQuoteDepth) {
            Invariant.require(false, "\(problem)\ntext: \(comment.text.debugDescription)\nhtml: \(html.debugDescription)")
        }
        for field in [comment.id, comment.parent ?? "", comment.author, comment.text] {
            if let secret = secrets.leaked(in: field) {
                Invariant.require(false, "private value \(secret.debugDescription) stored in \(field.debugDescription)")
            }
        }
    }

    static func checkMerge(_ imported: [Comment]) {
        let merged = CommentMerge.merge(existing: [], imported: imported)
        let file = "content/a/comments.json"
        let written = CommentFile.encode(merged.comments)
        do {
            let reread = try CommentFile.parse(written, file: file)
            Invariant.require(reread == merged.comments, "comments.json reads back different comments")
        } catch {
            Invariant.require(false, "magbuild cannot read the comments.json it wrote: \(error)")
        }
        let again = CommentMerge.merge(existing: merged.comments, imported: imported)
        Invariant.require(again.comments == merged.comments && again.added == 0 && again.updated == 0,
                          "importing the same export twice changes the comments")
    }
}
