import ArgumentParser
import Basics
import Content
import Diagnostics
import Foundation

/// `magbuild new`: starts an article with complete front matter, never overwriting one.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new article (a draft) with complete front matter, or a plain page.",
        discussion: """
            Creates content/<section>/<slug>/index.md (or content/<section>/<slug>.md
            with --file) and prints its path. The slug is made from the title
            ("Über Äpfel" becomes ueber-aepfel); the date is now, in the site's time
            zone; the author is --author or 'git config user.name'. The article starts
            as 'draft: true' with the teaser "…": write the teaser, then delete the
            draft line to publish. With --page, a plain page under pages/ (an
            Impressum, a Netiquette): it needs only its title and is published at
            once. An existing file is never overwritten.

            Examples:
              magbuild new "Über Äpfel" --section kultur
              magbuild new "Die Lage am Montag" --section kolumnen/am-rand --author "Erika Muster"
              magbuild new "Kurz notiert" --section politik --file
              magbuild new "Impressum" --page --file
            """
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "The article's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("Section folder under content/, e.g. politik or kolumnen/am-rand.", valueName: "path"))
    var section: String = ""

    @Option(name: .long, help: ArgumentHelp("The author (default: git config user.name).", valueName: "name"))
    var author: String?

    @Flag(help: "Create a plain page under pages/ (Impressum, Netiquette) instead of an article.")
    var page = false

    @Flag(help: "Write a bundle folder with index.md (default; it can hold images) or a single .md file.")
    var layout: Layout = .bundle

    enum Layout: String, EnumerableFlag {
        case bundle, file
    }

    func run() throws {
        let root = site.sourceURL
        let config = try loadConfig(root)
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw failure("the title is empty", hint: "magbuild new \"Titel des Artikels\"") }
        let slug = Slug.make(title)
        if page, !section.isEmpty {
            throw failure("a page has no section", hint: "pages live in pages/ and are published at /<name>/; leave out --section")
        }
        if page, author != nil {
            throw failure("a page has no author", hint: "Impressum and Netiquette speak for the magazine; leave out --author")
        }
        let folders = try sectionFolders()
        let name = layout == .bundle ? "\(slug)/index.md" : "\(slug).md"
        let top = page ? SiteLayout.pages : SiteLayout.content
        let relative = ([top] + folders + [name]).joined(separator: "/")

        let parent = ([top] + folders).joined(separator: "/")
        for taken in ["\(parent)/\(slug)", "\(parent)/\(slug).md"]
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(taken).path) {
            throw failure("\(taken) already exists", hint: "magbuild new never overwrites; choose another title or --section")
        }
        if page {
            try write(ArticleScaffold.page(title: title), to: relative, in: root)
            return
        }
        guard let author = (author ?? Self.gitUserName(in: root))?.trimmingCharacters(in: .whitespaces), !author.isEmpty else {
            throw failure("who is the author?", hint: "pass --author \"Name\" or set git config user.name")
        }

        let scaffold = ArticleScaffold(
            title: title, author: author, date: Date(), timeZone: config.timeZone, isBundle: layout == .bundle)
        try write(scaffold.text, to: relative, in: root)
    }

    /// Writes a new file (never over an existing one) and prints its path.
    private func write(_ text: String, to relative: String, in root: URL) throws {
        let url = root.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw failure("cannot write \(relative): \(error.localizedDescription)", hint: nil)
        }
        print(relative)
    }

    /// The section's folders, checked: `politik/` and `content/politik` mean `politik`.
    private func sectionFolders() throws -> [String] {
        var path = section.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        if path == "content" { path = "" }
        if path.hasPrefix("content/") { path.removeFirst("content/".count) }
        let folders = path.split(separator: "/").map(String.init)
        for folder in folders where !Slug.isValidSegment(folder) {
            throw failure("'\(section)' is not a section path", hint: "folder names like politik or kolumnen/am-rand; e.g. '\(Slug.make(folder))'")
        }
        return folders
    }

    private func loadConfig(_ root: URL) throws -> SiteConfig {
        let file = root.appendingPathComponent(SiteLayout.config)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw failure("no site.yml in \(root.path)", hint: "is this the site folder? pass it with --source DIR")
        }
        let (config, diagnostics) = SiteConfig.parse(yaml: String(decoding: data, as: UTF8.self))
        if diagnostics.contains(where: { $0.severity == .error }) {
            Reporter.report(diagnostics)
            throw ExitCode.failure
        }
        return config
    }

    private func failure(_ message: String, hint: String?) -> any Error {
        Reporter.printError(TerminalStyle.standardError.render(Diagnostic(.error, at: nil, message, hint: hint)))
        return ExitCode.failure
    }

    /// `git config user.name` run in the site folder, if git is there and knows a name.
    static func gitUserName(in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "user.name"]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }
}
