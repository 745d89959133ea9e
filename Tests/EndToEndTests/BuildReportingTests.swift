import Foundation
import Testing

/// `magbuild build` for scripts: `--quiet`, `--list-changes` and `--format json`.
@Suite struct BuildReportingTests {
    private struct Report: Decodable {
        struct Message: Decodable {
            let severity: String
            let file: String?
            let line: Int?
            let message: String
        }

        struct Changes: Decodable {
            let added: [String]
            let changed: [String]
            let removed: [String]
        }

        let ok: Bool
        let pages: Int?
        let filesChanged: Int?
        struct Step: Decodable {
            let name: String
            let seconds: Double
        }

        let steps: [Step]?
        let changes: Changes?
        let errors: [Message]
        let warnings: [Message]
    }

    private func report(_ run: E2E.Run) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
    }

    @Test func jsonSummaryCountsWhatTheBuildDid() throws {
        let site = try E2E.copyFixture("basic-site")
        let run = try E2E.run(["build", "--source", site.path, "--format", "json", "--list-changes"])
        #expect(run.status == 0, "\(run.stderr)")
        let first = try report(run)
        #expect(first.ok && first.errors.isEmpty)
        #expect((first.pages ?? 0) > 5)
        #expect(first.steps?.map(\.name).contains("render pages") == true)
        // A build without a cache lists every file as changed.
        #expect(first.changes?.changed.contains("politik/erste-meldung/index.html") == true)
        #expect(first.changes?.added.isEmpty == true)
        #expect(first.filesChanged == first.changes?.changed.count)

        let again = try report(try E2E.run(["build", "--source", site.path, "--format", "json"]))
        #expect(again.filesChanged == 0 && again.changes == nil)
    }

    @Test func listChangesNamesAddedChangedAndRemovedFiles() throws {
        let site = try E2E.copyFixture("basic-site")
        #expect(try E2E.run(["build", "--source", site.path, "--quiet"]).stdout.isEmpty)
        let content = site.appendingPathComponent("content/politik")
        let edited = content.appendingPathComponent("erste-meldung/index.md")
        try (String(contentsOf: edited, encoding: .utf8) + "\nEin neuer Absatz.\n").write(to: edited, atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path, "--list-changes", "--quiet"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("changed politik/erste-meldung/index.html"), "\(lines)")
        #expect(lines.allSatisfy { $0.hasPrefix("changed ") }, "\(lines)")
        #expect(!lines.contains { $0.hasSuffix("kultur/zweite-meldung/index.html") })

        let moved = site.appendingPathComponent("content/kultur/erste-meldung")
        try FileManager.default.moveItem(at: edited.deletingLastPathComponent(), to: moved)
        let afterMove = try E2E.run(["build", "--source", site.path, "--list-changes", "--quiet"]).stdout
        #expect(afterMove.contains("added kultur/erste-meldung/index.html\n"), "\(afterMove)")
        #expect(afterMove.contains("removed politik/erste-meldung/index.html\n"), "\(afterMove)")
        #expect(!afterMove.contains("Built "))
    }

    @Test func aFailedBuildReportsItsErrorsAsJSON() throws {
        let site = try E2E.copyFixture("basic-site")
        try "---\ntitle: [\n---\n".write(to: site.appendingPathComponent("content/politik/kaputt.md"), atomically: true, encoding: .utf8)
        let run = try E2E.run(["build", "--source", site.path, "--format", "json"])
        #expect(run.status == 1)
        let failed = try report(run)
        #expect(!failed.ok)
        #expect(failed.errors.first?.file == "content/politik/kaputt.md")
        #expect(failed.errors.first?.line == 3)
        // Errors reach stderr as well, in the usual form.
        #expect(run.stderr.contains("content/politik/kaputt.md:3:"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let site = try E2E.copyFixture("basic-site")
        #expect(try E2E.run(["build", "--source", site.path, "--format", "yaml"]).status == 64)
    }
}
