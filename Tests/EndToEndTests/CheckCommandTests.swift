import Foundation
import Testing

/// Runs `magbuild check` on `Tests/Fixtures/check-base` with one `check-<kind>` fixture laid over
/// it per finding kind, and on the demo magazine.
@Suite struct CheckCommandTests {
    /// One finding kind: the fixture, the first line of every expected finding, the exit status.
    struct Case: Sendable, CustomStringConvertible {
        let kind: String
        let findings: [String]
        var status: Int32 = 1
        var description: String { kind }
    }

    static let fehler = "content/politik/fehler/index.md"

    static let cases: [Case] = [
        Case(kind: "front-matter", findings: [
            "\(fehler):1:1: error: missing required key 'teaser'",
            "\(fehler):5:1: warning: unknown key 'teaserr' (did you mean 'teaser'?)",
        ]),
        Case(kind: "empty-teaser", findings: ["\(fehler):3:9: error: 'teaser' must not be empty"]),
        Case(kind: "comments", findings: [
            "content/kultur/zweite.comments.json:4:5: error: comment is missing the required key \"date\"",
        ]),
        Case(kind: "template", findings: [
            "templates/partials/teaser.html:1:66: error: unknown filter 'uper' (did you mean 'upper'?)",
        ]),
        Case(kind: "template-render", findings: [
            "templates/404.html:2:54: error: 'page' has no attribute 'hinweis'",
        ]),
        Case(kind: "broken-link", findings: [
            "\(fehler):7:10: error: link '/politik/hauptt/' leads nowhere (did you mean '/politik/haupt/'?)",
            "\(fehler):8:5: error: link '../haupt/index.md' leads nowhere (link to the article's URL, not to its file: '/politik/haupt/')",
            "\(fehler):8:40: error: link '/static/css/style.css' leads nowhere (files of static/ are published at the site root: write '/css/style.css')",
        ]),
        Case(kind: "anchor", findings: [
            "\(fehler):9:7: error: link '#die-lag' leads nowhere: this article has no heading '#die-lag' (did you mean '#die-lage'?)",
            "\(fehler):9:28: error: link '/politik/haupt/#zwischentitl' leads nowhere: content/politik/haupt/index.md has no heading '#zwischentitl' (did you mean '#zwischentitel'?)",
        ]),
        Case(kind: "related", findings: [
            "\(fehler):6:11: error: related article 'kultur/zweit' does not exist (did you mean 'kultur/zweite'?)",
        ]),
        Case(kind: "missing-image", findings: [
            "\(fehler):7:8: error: lead image 'aufmacher.jpg' not found (put the file into content/politik/fehler/ or fix the name)",
            "\(fehler):13:1: error: image 'grafik.png' not found (put the file into content/politik/fehler/ or fix the name)",
        ]),
        Case(kind: "lead-image", findings: [
            "\(fehler):6:1: error: 'image' needs 'alt'",
            "\(fehler):6:1: error: 'image' needs 'credit' (licensing demands a credit for every image, here or in the picture's IPTC or XMP metadata)",
        ]),
        Case(kind: "duplicate-url", findings: [
            "content/kultur/zweite/index.md:1:1: error: 'kultur/zweite' is also the path of content/kultur/zweite.md",
        ]),
        Case(kind: "url-collision", findings: [
            "content/tags/aepfel/index.md:1:1: error: the article's URL /tags/aepfel/ is also the URL of the page of the tag 'Äpfel'",
        ]),
        Case(kind: "alias", findings: [
            "\(fehler):6:28: error: alias '/kultur/' is the URL of the section page 'Kultur' (remove the alias)",
            "content/politik/haupt/index.md:12:11: error: alias '/alt/haupt.html' is also an alias of \(fehler)",
        ]),
        Case(kind: "long-title", findings: [
            "\(fehler):2:8: warning: the title is 128 characters long; at most 120 fit",
        ], status: 0),
        Case(kind: "draft-link", findings: [
            "\(fehler):6:11: warning: related article 'politik/entwurf' is not published (draft or future)",
            "\(fehler):8:11: warning: link '../entwurf/' leads to content/politik/entwurf/index.md, which is not published yet",
        ], status: 0),
        Case(kind: "placeholder-teaser", findings: [
            "\(fehler):3:9: error: the teaser is still the placeholder '…'",
        ]),
    ]

    /// `check-base` with `check-<kind>` copied over it.
    static func site(_ kind: String?) throws -> URL {
        let site = try E2E.copyFixture("check-base")
        guard let kind else { return site }
        let overlay = E2E.packageRoot.appendingPathComponent("Tests/Fixtures/check-\(kind)")
        for (path, data) in E2E.snapshot(overlay) {
            let target = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        return site
    }

    @Test func theBaseSiteIsClean() throws {
        let run = try E2E.run(["check", "--source", try Self.site(nil).path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Checked 2 articles and 9 templates in "))
        #expect(run.stdout.hasSuffix(": no problems\n"))
    }

    @Test func theDemoMagazineIsClean() throws {
        let run = try E2E.run(["check", "--source", E2E.packageRoot.path, "--strict"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test(arguments: cases) func reportsEveryFindingKind(_ testCase: Case) throws {
        let site = try Self.site(testCase.kind)
        let before = E2E.snapshot(site)
        let run = try E2E.run(["check", "--source", site.path])
        #expect(run.status == testCase.status, "stderr: \(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("    ") }
        #expect(lines.count == testCase.findings.count, "stderr: \(run.stderr)")
        for expected in testCase.findings {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing '\(expected)' in:\n\(run.stderr)")
        }
        #expect(E2E.snapshot(site) == before, "check writes nothing")
        #expect(!run.stderr.contains("\u{1B}["), "no colour with NO_COLOR or without a terminal")
    }

    @Test func strictFailsOnWarnings() throws {
        let run = try E2E.run(["check", "--source", try Self.site("long-title").path, "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(": 0 errors, 1 warning"))
    }

    @Test func githubFormatPrintsAnnotations() throws {
        let run = try E2E.run(["check", "--source", try Self.site("broken-link").path, "--format", "github"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "::error file=\(Self.fehler),line=7,col=10,title=magbuild check::"
            + "link '/politik/hauptt/' leads nowhere (did you mean '/politik/haupt/'?)")
        let warning = try E2E.run(["check", "--source", try Self.site("long-title").path, "--format", "github"])
        #expect(warning.stdout.hasPrefix("::warning file=\(Self.fehler),line=2,col=8,title=magbuild check::the title is 128"))
    }

    @Test func jsonFormatIsAStableArray() throws {
        let site = try Self.site("anchor")
        let run = try E2E.run(["check", "--source", site.path, "--format", "json"])
        #expect(run.status == 1)
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let findings = try #require(parsed)
        #expect(findings.count == 2)
        #expect(findings.first?["file"] as? String == Self.fehler)
        #expect(findings.first?["line"] as? Int == 9)
        #expect(findings.first?["column"] as? Int == 7)
        #expect(findings.first?["severity"] as? String == "error")
        #expect(findings.first?["hint"] as? String == "did you mean '#die-lage'?")
        #expect(run.stdout.contains(#""column" : 7,"#), "keys are sorted")
        #expect(try E2E.run(["check", "--source", site.path, "--format", "json"]).stdout == run.stdout)

        let clean = try E2E.run(["check", "--source", try Self.site(nil).path, "--format", "json"])
        #expect(clean.stdout == "[]\n")
        #expect(clean.status == 0)
    }

    @Test func pathsLimitWhichFindingsAreReported() throws {
        let site = try Self.site("broken-link")
        let elsewhere = try E2E.run(["check", "--source", site.path, "content/kultur"])
        #expect(elsewhere.status == 0, "stderr: \(elsewhere.stderr)")
        #expect(elsewhere.stderr.isEmpty)
        let here = try E2E.run(["check", "--source", site.path, site.appendingPathComponent(Self.fehler).path])
        #expect(here.status == 1)
        #expect(here.stdout.contains("3 errors"))
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        for command in ["build", "check", "new"] {
            let run = try E2E.run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Examples:"), "\(command) --help")
        }
        let version = try E2E.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
        let completion = try E2E.run(["--generate-completion-script", "bash"])
        #expect(completion.stdout.contains("check"))
    }
}
