import ArgumentParser
import Basics
import CommentImport
import Comments
import Content
import Diagnostics
import Foundation

/// `magbuild import-comments`: converts a WordPress (wpDiscuz), Disqus, Isso or Remark42
/// export into the comment files of the site's articles.
struct ImportCommentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-comments",
        abstract: "Import reader comments from a WordPress, Disqus, Isso or Remark42 export.",
        discussion: """
            Each discussion of the export is matched to an article by the path of its link,
            then by WordPress post id (an article's wordpress_id or a /?p=123 alias), then by
            its slug, and merged into the article's comments.json (or <slug>.comments.json)
            by comment id: importing the same export again changes nothing. HTML is reduced
            to plain reader text; e-mail and IP addresses are never written. Damage typical
            of old WordPress exports is repaired and reported; comments that cannot be read
            are counted with the reason (--strict stops instead). Discussions that match no
            article are listed at the end, with a hint where one is likely.

            Examples:
              magbuild import-comments --wordpress export.xml
              magbuild import-comments --disqus disqus.xml --source ~/magazin --dry-run
              magbuild import-comments --isso /var/lib/isso/comments.db
              magbuild import-comments --remark42 backup-magazin-20260101.gz
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("A WordPress WXR export (1.0–1.2).", valueName: "file"))
    var wordpress: String?

    @Option(name: .long, help: ArgumentHelp("A Disqus XML export.", valueName: "file"))
    var disqus: String?

    @Option(name: .long, help: ArgumentHelp("An Isso comment database (SQLite).", valueName: "file"))
    var isso: String?

    @Option(name: .long, help: ArgumentHelp("A Remark42 backup (JSON lines, gzipped or plain).", valueName: "file"))
    var remark42: String?

    @Flag(name: .customLong("dry-run"), help: "Report what would change without writing anything.")
    var dryRun = false

    @Flag(name: .long, help: "Import nothing when any comment of the export would be skipped.")
    var strict = false

    func validate() throws {
        if exports.count != 1 {
            throw ValidationError("give exactly one of --wordpress FILE, --disqus FILE, --isso FILE and --remark42 FILE")
        }
    }

    /// The exports named on the command line.
    private var exports: [(ExportFormat, String)] {
        [(ExportFormat.wordpress, wordpress), (.disqus, disqus), (.isso, isso), (.remark42, remark42)]
            .compactMap { format, path in path.map { (format, $0) } }
    }

    func run() throws {
        guard let (format, path) = exports.first else { throw ExitCode.failure }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let export = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        guard FileManager.default.isReadableFile(atPath: export.path) else {
            Reporter.printError("\(path): error: cannot read the export")
            throw ExitCode.failure
        }
        let content = ContentLoader.load(siteAt: site.sourceURL)
        if content.hasErrors {
            Reporter.report(content.diagnostics.filter { $0.severity == .error })
            Reporter.printError("magbuild: fix the errors above first; nothing was imported")
            throw ExitCode.failure
        }
        let targets = content.articles.map { article in
            ImportTarget(url: article.url, commentsFile: article.commentsFile ?? Self.commentsFile(of: article),
                         postIDs: Self.postIDs(of: article.frontMatter))
        }
        let options = CommentImporter.Options(
            format: format, export: export, exportName: path, site: site.sourceURL, targets: targets,
            timeZone: content.config.timeZone, dryRun: dryRun, strict: strict, anonymous: content.config.comments.anonymous)
        let report: ImportReport
        do {
            report = try CommentImporter.run(options)
        } catch {
            Reporter.report(error)
            throw ExitCode.failure
        }
        Reporter.report(report.repairs + report.warnings)
        for article in report.articles {
            let state = article.changed ? (dryRun ? "would change" : "written") : "unchanged"
            print("\(article.file): \(article.total) comments, \(article.added) new, \(article.updated) updated (\(state))")
        }
        if !report.unmatched.isEmpty {
            print("threads that match no article:")
            for thread in report.unmatched {
                let hint = thread.hint.map { ": \($0)" } ?? ""
                print("  \(thread.link)  (\(thread.comments) comment\(thread.comments == 1 ? "" : "s")\(hint))")
            }
        }
        print(report.summary)
    }

    /// The WordPress post ids an article answers to: `wordpress_id` and `/?p=123` aliases.
    static func postIDs(of front: FrontMatter) -> [String] {
        let fromAliases = front.aliases.compactMap { ThreadMatcher.postID(inLink: $0) }
        return (front.wordpressID.map { [String($0)] } ?? []) + fromAliases
    }

    /// Where a new comment file goes: `comments.json` in a bundle, `<slug>.comments.json` beside a flat file.
    static func commentsFile(of article: ArticleSource) -> String {
        SiteLayout.commentsFile(ofArticle: article.file, bundle: article.bundleDirectory)
    }
}
