import Comments
import Diagnostics
import Foundation

/// Imports a WordPress, Disqus, Isso or Remark42 export into the comment files of a site's articles.
///
/// 1. The export is read as a stream; comments go to a temporary spool, one file per thread.
/// 2. Each thread is matched to an article (``ThreadMatcher``); threads of one article merge.
/// 3. Every existing comment file that will be touched is parsed first: if one is broken,
///    nothing at all is written.
/// 4. Article by article, the spooled comments are merged into the file (``CommentMerge``)
///    and written atomically when the bytes change. Only one article's comments are in memory.
public enum CommentImporter {
    public struct Options: Sendable {
        public var format: ExportFormat
        public var export: URL
        /// The export's name in messages (as the user gave it).
        public var exportName: String
        public var site: URL
        public var targets: [ImportTarget]
        /// The site's zone, for WordPress dates without a GMT twin.
        public var timeZone: TimeZone
        public var dryRun: Bool
        /// Whether a skipped comment stops the import (nothing is written then).
        public var strict: Bool
        /// The author of comments the export names no author for.
        public var anonymous: String

        public init(format: ExportFormat, export: URL, exportName: String, site: URL, targets: [ImportTarget],
                    timeZone: TimeZone, dryRun: Bool, strict: Bool = false, anonymous: String = "Anonym") {
            self.format = format
            self.export = export
            self.exportName = exportName
            self.site = site
            self.targets = targets
            self.timeZone = timeZone
            self.dryRun = dryRun
            self.strict = strict
            self.anonymous = anonymous
        }
    }

    /// Runs the import.
    /// - Throws: `DiagnosticList` for a malformed export, broken comment files, an export
    ///   whose comments were all skipped, or (with `strict`) any skipped comment.
    public static func run(_ options: Options) throws -> ImportReport {
        let spool = try CommentSpool()
        let collector = ExportCollector(spool: spool)
        let file = options.exportName
        var repairs = ExportRepair.Result()
        switch options.format {
        case .wordpress:
            let reader = WXRReader(collector: collector, file: file, timeZone: options.timeZone, anonymous: options.anonymous)
            repairs = try ExportParser.parse(options.export, file: file, delegate: reader)
        case .disqus:
            repairs = try ExportParser.parse(options.export, file: file, delegate: DisqusReader(collector: collector, file: file, anonymous: options.anonymous))
        case .isso:
            try IssoReader.read(options.export, file: file, into: collector, anonymous: options.anonymous)
        case .remark42:
            try Remark42Reader.read(options.export, file: file, into: collector, anonymous: options.anonymous)
        }

        var report = ImportReport()
        report.dryRun = options.dryRun
        report.skippedPings = collector.skippedPings
        report.statusCounts = collector.statusCounts
        report.comments = collector.commentCounts.reduce(0, +)
        report.commentEntries = collector.entries
        report.skipped = collector.skipped
        report.defaults = collector.defaults
        report.repairs = repairs.repairs
        report.repairCount = repairs.count
        report.warnings = collector.skipDiagnostics + collector.diagnostics
        try refuseSilentLoss(report, skipped: collector.skipDiagnostics, options: options)

        let matcher = ThreadMatcher(targets: options.targets)
        var threadsOfTarget: [Int: [Int]] = [:]
        for (number, thread) in collector.threads.enumerated() where collector.commentCounts[number] > 0 {
            if let target = matcher.match(thread) {
                threadsOfTarget[target, default: []].append(number)
            } else {
                report.unmatched.append(.init(
                    link: thread.link ?? thread.title ?? thread.key, comments: collector.commentCounts[number], hint: matcher.hint(for: thread)))
            }
        }
        let order = threadsOfTarget.keys.sorted { options.targets[$0].commentsFile < options.targets[$1].commentsFile }

        // Check every file that will be merged into before writing any.
        var errors: [Diagnostic] = []
        for target in order {
            do { _ = try existingComments(options.targets[target].commentsFile, site: options.site) } catch let list as DiagnosticList {
                errors += list.diagnostics
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }

        for target in order {
            let file = options.targets[target].commentsFile
            var imported: [Comment] = []
            for thread in threadsOfTarget[target] ?? [] { imported += try spool.comments(of: thread) }
            let (existing, oldData) = try existingComments(file, site: options.site)
            let merged = CommentMerge.merge(existing: existing, imported: imported)
            let data = CommentFile.encode(merged.comments)
            let changed = data != oldData
            if changed && !options.dryRun {
                try data.write(to: options.site.appendingPathComponent(file), options: .atomic)
            }
            report.articles.append(.init(file: file, total: merged.comments.count, added: merged.added, updated: merged.updated, changed: changed))
        }
        return report
    }

    /// Stops an import that would lose comments without a word: one whose comment entries
    /// were all skipped, or, when `strict`, one that skipped any.
    private static func refuseSilentLoss(_ report: ImportReport, skipped: [Diagnostic], options: Options) throws {
        let location = SourceLocation(file: options.exportName)
        let reasons = report.skipped.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
        if report.skippedCount > 0, report.comments == 0 {
            throw DiagnosticList([.error(
                at: skipped.first?.location ?? location,
                "none of the \(report.skippedCount) comments in the export could be read (\(reasons)); nothing was imported",
                hint: "the warnings name the first of each reason")] + report.warnings)
        }
        if options.strict, report.skippedCount > 0 {
            throw DiagnosticList(skipped.map { Diagnostic(.error, at: $0.location, $0.message, hint: $0.hint) } + [.error(
                at: location, "\(report.skippedCount) comments would be skipped (\(reasons)); nothing was imported",
                hint: "without --strict, they are skipped and the rest imported")])
        }
    }

    /// The comments already in `file` and its bytes; none when it does not exist yet.
    private static func existingComments(_ file: String, site: URL) throws -> ([Comment], Data?) {
        let url = site.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], nil) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot read the comment file: \(error.localizedDescription)")])
        }
        return (try CommentFile.parse(data, file: file), data)
    }
}
