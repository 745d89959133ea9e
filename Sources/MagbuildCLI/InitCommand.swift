import ArgumentParser
import Diagnostics
import Foundation

/// `magbuild init`: a new site that builds and serves at once, from the files carried in
/// the binary (``EmbeddedFiles``): the default theme plus the starter site or the demo magazine.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: settings, the default theme and an example article.",
        discussion: """
            Writes site.yml (every setting explained), the default theme (templates/ and
            static/), one example article with a lead image under content/, and a
            .gitignore for the output. With --demo, the demo magazine instead: a dozen
            articles in four sections, a column and reader comments. The folder is
            created if needed and must be empty (hidden files such as .git may be there).

            Examples:
              magbuild init meinmagazin
              magbuild init /tmp/demo --demo
            """
    )

    @Argument(help: ArgumentHelp("The folder of the new site.", valueName: "dir"))
    var folder: String

    @Flag(help: "Copy the demo magazine instead of the starter site.")
    var demo = false

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: root.path) {
            let visible = entries.filter { !$0.hasPrefix(".") }.sorted()
            guard visible.isEmpty else {
                throw failure(
                    "\(folder) is not empty (it holds \(visible.prefix(3).joined(separator: ", "))\(visible.count > 3 ? ", …" : ""))",
                    hint: "choose a new or empty folder; magbuild init never overwrites files")
            }
        } else if manager.fileExists(atPath: root.path) {
            throw failure("\(folder) is a file, not a folder", hint: "choose a new or empty folder")
        }
        let files = Self.files(demo: demo)
        do {
            for (path, data) in files {
                let url = root.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw failure("cannot write the new site into \(folder): \(error.localizedDescription)", hint: nil)
        }
        print("""
            Created \(demo ? "the demo magazine" : "a new site") in \(folder) (\(files.count) files). Next:
              cd \(folder)
              magbuild serve      # preview at http://localhost:8000/, updated on every save
              magbuild build      # the site for publishing, in public/
            """)
    }

    /// The files of a new site, by path: the theme, then the starter site or the demo.
    static func files(demo: Bool) -> [(path: String, data: Data)] {
        var files: [(String, Data)] = []
        for (path, content) in EmbeddedFiles.base64 {
            guard let data = Data(base64Encoded: content) else { continue }
            if path.hasPrefix("theme/") {
                files.append((String(path.dropFirst("theme/".count)), data))
            } else if path.hasPrefix(demo ? "demo/" : "starter/") {
                files.append((String(path.drop { $0 != "/" }.dropFirst()), data))
            }
        }
        files.append((".gitignore", Data("# What magbuild makes: the site and its build cache.\n/public/\n/.magbuild/\n".utf8)))
        return files
    }

    private func failure(_ message: String, hint: String?) -> any Error {
        Reporter.printError(TerminalStyle.standardError.render(Diagnostic(.error, at: nil, message, hint: hint)))
        return ExitCode.failure
    }
}
